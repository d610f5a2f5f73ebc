import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DomainHarness, HOST } from '../../../../../shared/domain/testing.js';
import { hostView, publicView } from '../../../../../shared/index.js';
import { send } from '../../../net/send.js';
import { useStore } from '../../../store/index.js';
import { connectStore } from '../../../test/fixtures.js';
import { AgendaEditor, dropIndex } from './AgendaEditor.js';
import { RunBar } from './RunBar.js';

vi.mock('../../../net/send.js', () => ({ send: vi.fn() }));
const sendMock = vi.mocked(send);

beforeEach(() => {
  sendMock.mockReset();
  sendMock.mockResolvedValue({ ok: true, data: {} } as never);
  connectStore();
});

/** The default template's agenda: explore, dots, rank, rank (round 2), scan. */
function workshop() {
  const h = new DomainHarness({ title: 'Northside heat plan', language: 'en' });
  h.join(0);
  h.join(1);
  const [explore, dots, rank1, rank2, scan] = h.state.activities.map((a) => a.id) as [string, string, string, string, string];
  const load = () =>
    act(() => {
      useStore.getState().receivePublic(publicView(h.state));
      useStore.getState().receiveHost(hostView(h.state));
    });
  load();
  return { h, load, explore, dots, rank1, rank2, scan };
}

const item = (name: RegExp | string) => screen.getAllByRole('listitem').find((li) => within(li).queryByText(name, { selector: '.agenda-name' })) as HTMLElement;

describe('agenda editor', () => {
  it('lists the steps with their number, round, status and answers', () => {
    const w = workshop();
    w.h.must('agenda:goto', { activityId: w.explore }, HOST);
    w.h.must('agenda:goto', { activityId: w.dots }, HOST);
    w.load();
    render(<AgendaEditor />);
    const dots = item('Dots');
    expect(dots).toHaveAttribute('aria-current', 'step');
    expect(within(dots).getByText('Open')).toBeInTheDocument();
    expect(within(dots).getByText('0 answers')).toBeInTheDocument();
    expect(item('Rank · round 2')).toBeInTheDocument();
    expect(within(item('Explore')).getByText('Paused')).toBeInTheDocument();
  });

  it('adds a step from the library, at the end or after a chosen step, with a line on when to use each', async () => {
    const w = workshop();
    render(<AgendaEditor />);
    await userEvent.click(screen.getByRole('button', { name: /Add a step/ }));
    const library = screen.getByRole('region', { name: 'Add a step' });
    expect(within(library).getByText('At the start: collect what matters, and why.')).toBeInTheDocument();
    expect(within(library).getByText('To reflect on how the collaboration is going.')).toBeInTheDocument();

    await userEvent.click(within(library).getByRole('button', { name: 'Add Collaboration scan' }));
    expect(sendMock).toHaveBeenLastCalledWith('agenda:add', { kind: 'scan' });

    await userEvent.selectOptions(within(library).getByLabelText('Where'), 'After 2. Dots');
    await userEvent.click(within(library).getByRole('button', { name: 'Add 100 points' }));
    expect(sendMock).toHaveBeenLastCalledWith('agenda:add', { kind: 'points', afterActivityId: w.dots });
  });

  it('moves a step up and down with the arrows, and by dragging', async () => {
    const w = workshop();
    render(<AgendaEditor />);
    expect(screen.getByRole('button', { name: 'Move Explore up' })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Move Dots up' }));
    expect(sendMock).toHaveBeenLastCalledWith('agenda:move', { activityId: w.dots, toIndex: 0 });
    await userEvent.click(screen.getByRole('button', { name: 'Move Rank down' }));
    expect(sendMock).toHaveBeenLastCalledWith('agenda:move', { activityId: w.rank1, toIndex: 3 });
    expect(screen.getByRole('button', { name: 'Move Collaboration scan down' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Move Weigh the options down' })).toBeDisabled();

    // Drag the scan onto the top half of Dots: it lands before Dots, at index 1.
    const dataTransfer = { data: {} as Record<string, string>, setData(k: string, v: string) { this.data[k] = v; }, getData(k: string) { return this.data[k] ?? ''; }, effectAllowed: '', dropEffect: '' };
    fireEvent.dragStart(screen.getByRole('img', { name: 'Drag Collaboration scan to another place' }), { dataTransfer });
    fireEvent.dragOver(item('Dots'), { dataTransfer, clientY: 0 });
    fireEvent.drop(item('Dots'), { dataTransfer, clientY: 0 });
    await vi.waitFor(() => expect(sendMock).toHaveBeenLastCalledWith('agenda:move', { activityId: w.scan, toIndex: 1 }));
  });

  it('computes where a dropped step lands', () => {
    expect(dropIndex(4, 1, 'before')).toBe(1);
    expect(dropIndex(0, 2, 'after')).toBe(2);
    expect(dropIndex(0, 2, 'before')).toBe(1);
    expect(dropIndex(3, 3, 'after')).toBe(3);
  });

  it('duplicates a step as a new round', async () => {
    const w = workshop();
    render(<AgendaEditor />);
    await userEvent.click(screen.getByRole('button', { name: 'New round of Rank · round 2' }));
    expect(sendMock).toHaveBeenLastCalledWith('agenda:duplicate', { activityId: w.rank2 });
  });

  it('removes a step only after confirming, and warns when it is running', async () => {
    const w = workshop();
    w.h.must('agenda:goto', { activityId: w.dots }, HOST);
    w.load();
    render(<AgendaEditor />);
    await userEvent.click(screen.getByRole('button', { name: 'Remove Dots' }));
    expect(sendMock).not.toHaveBeenCalled();
    const confirm = screen.getByRole('group', { name: 'Remove Dots' });
    expect(confirm).toHaveTextContent('Dots is running now');
    await userEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(sendMock).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Remove Dots' }));
    await userEvent.click(screen.getByRole('button', { name: 'Yes, remove' }));
    expect(sendMock).toHaveBeenCalledWith('agenda:remove', { activityId: w.dots });
  });

  it('sets up a scan: question, timer and statements in both languages; only what changed is sent', async () => {
    const w = workshop();
    render(<AgendaEditor />);
    await userEvent.click(screen.getByRole('button', { name: 'Set up Collaboration scan' }));
    const dialog = screen.getByRole('dialog', { name: 'Set up step 5: Collaboration scan' });
    expect(within(dialog).getByLabelText('Question')).toHaveFocus();
    await userEvent.type(within(dialog).getByLabelText('Question'), 'How are we doing together?');
    await userEvent.selectOptions(within(dialog).getByLabelText('Timer'), '5 minutes');
    const en1 = within(dialog).getByLabelText('Statement 1 (English)');
    await userEvent.clear(en1);
    await userEvent.type(en1, 'I know why we do this.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add a statement to Result' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    // The new statement has no text yet: say so, send nothing.
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Every statement needs a Dutch and an English text.');
    expect(sendMock).not.toHaveBeenCalled();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Remove statement 13' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    const [name, payload] = sendMock.mock.calls[0] as unknown as [string, { statements: { id: string; text: { nl: string; en: string } }[] }];
    expect(name).toBe('activity:configure');
    expect(payload).toMatchObject({ activityId: w.scan, title: 'How are we doing together?', timerSeconds: 300 });
    expect(payload.statements).toHaveLength(12);
    expect(payload.statements[0]).toMatchObject({ id: 'm1', text: { en: 'I know why we do this.', nl: 'Ik weet waarom mijn organisatie meedoet aan deze samenwerking.' } });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Set up Collaboration scan' })).toHaveFocus();
  });

  it('keeps the statements read-only once answers are in', async () => {
    const w = workshop();
    const p = w.h.join(0);
    w.h.must('agenda:goto', { activityId: w.scan }, HOST);
    w.h.must('answer:submit', { activityId: w.scan, answerId: 'a1', answer: { kind: 'scan', scores: { m1: 4 } } }, p);
    w.load();
    render(<AgendaEditor />);
    await userEvent.click(screen.getByRole('button', { name: 'Set up Collaboration scan' }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByText(/Answers are in: the statements are fixed/)).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Statement 1 (Dutch)')).toBeDisabled();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('embeds the vote settings for a vote step', async () => {
    workshop();
    render(<AgendaEditor />);
    await userEvent.click(screen.getByRole('button', { name: 'Set up Dots' }));
    const dialog = screen.getByRole('dialog', { name: 'Set up step 2: Dots' });
    expect(within(dialog).getByLabelText('Dots per participant')).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Timer')).toBeInTheDocument();
    expect(within(dialog).queryByText('Statements')).not.toBeInTheDocument();
  });
});

describe('run bar', () => {
  it('starts the first step, then goes next and previous with agenda:goto', async () => {
    const w = workshop();
    const { rerender } = render(<RunBar />);
    expect(screen.getByText('No step started yet')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Start: Explore' }));
    expect(sendMock).toHaveBeenLastCalledWith('agenda:goto', { activityId: w.explore });

    w.h.must('agenda:goto', { activityId: w.explore }, HOST);
    w.load();
    rerender(<RunBar />);
    expect(screen.getByRole('button', { name: 'Previous' })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Next step: Dots' }));
    expect(sendMock).toHaveBeenLastCalledWith('agenda:goto', { activityId: w.dots });

    w.h.must('agenda:goto', { activityId: w.rank2 }, HOST);
    w.load();
    await userEvent.click(screen.getByRole('button', { name: 'Previous step: Rank' }));
    expect(sendMock).toHaveBeenLastCalledWith('agenda:goto', { activityId: w.rank1 });
    expect(screen.getByText('0 of 2 have answered')).toBeInTheDocument();
  });

  it('shows the timer of the current step and adds a minute', async () => {
    const w = workshop();
    w.h.must('activity:configure', { activityId: w.dots, timerSeconds: 120 }, HOST);
    w.h.must('agenda:goto', { activityId: w.dots }, HOST);
    w.load();
    render(<RunBar />);
    expect(screen.getByRole('timer', { name: 'Time left' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'One more minute for Dots' }));
    expect(sendMock).toHaveBeenLastCalledWith('activity:extend', { activityId: w.dots, seconds: 60 });
    await userEvent.click(screen.getByRole('button', { name: 'Reveal results: Dots' }));
    expect(sendMock).toHaveBeenLastCalledWith('activity:control', { activityId: w.dots, action: 'reveal' });
  });
});
