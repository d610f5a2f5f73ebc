import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DomainHarness, HOST } from '../../../../shared/domain/testing.js';
import { hostView, publicView } from '../../../../shared/index.js';
import { send } from '../../net/send.js';
import { useStore } from '../../store/index.js';
import { connectStore } from '../../test/fixtures.js';
import { ActivityDialog } from '../../views/console/agenda/ActivityDialog.js';

vi.mock('../../net/send.js', () => ({ send: vi.fn() }));
const sendMock = vi.mocked(send);

beforeEach(() => {
  sendMock.mockReset();
  sendMock.mockResolvedValue({ ok: true, data: {} } as never);
  connectStore();
});

/** The heat-transition template: explore, dots, rank, rank (round 2), scan, then the options step with four options. */
function workshop() {
  const h = new DomainHarness({ title: 'Northside heat plan', language: 'en' });
  const [, dots, rank1, rank2] = h.state.activities.map((a) => a.id) as [string, string, string, string];
  const load = () =>
    act(() => {
      useStore.getState().receivePublic(publicView(h.state));
      useStore.getState().receiveHost(hostView(h.state));
    });
  load();
  const step = () => {
    const a = publicView(h.state).activities.find((x) => x.kind === 'options');
    if (!a) throw new Error('the template has no options step');
    return a;
  };
  return { h, load, step, dots, rank1, rank2 };
}

function open(w: ReturnType<typeof workshop>) {
  const activity = w.step();
  render(<ActivityDialog activity={activity} index={5} onClose={() => {}} />);
  return activity;
}

const configures = () => sendMock.mock.calls.filter(([type]) => type === 'activity:configure');
const save = () => userEvent.click(screen.getByRole('button', { name: 'Save' }));

describe('options step settings in the agenda dialog', { timeout: 30_000 }, () => {
  it('shows the template’s four options in both languages, with the default values and weights', () => {
    const w = workshop();
    open(w);
    const options = screen.getByRole('group', { name: 'Options' });
    expect(within(options).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Option 1', 'Option 2', 'Option 3', 'Option 4']);
    expect(screen.getByLabelText('Title of option 1 (Dutch)')).toHaveValue('Warmtenet');
    expect(screen.getByLabelText('Title of option 1 (English)')).toHaveValue(w.step().config.options[0]?.text.en.title);
    expect(screen.getByRole('radio', { name: 'The top values of the latest revealed vote, at most 6 — picked when the step opens' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Each value’s share in a vote, for the whole room' })).toBeChecked();
    expect(screen.getByLabelText('Which vote')).toHaveDisplayValue('The latest revealed vote before this step (picked when the step opens)');
  });

  it('adding an option and saving sends one activity:configure with exactly the options', async () => {
    const w = workshop();
    const activity = open(w);
    await userEvent.click(screen.getByRole('button', { name: '+ Add an option' }));
    const title = screen.getByLabelText('Title of option 5 (English)');
    // The focus goes to the new option's title in the workshop's language.
    expect(title).toHaveFocus();
    await userEvent.type(title, '  River heat ');
    await userEvent.type(screen.getByLabelText('Title of option 5 (Dutch)'), 'Rivierwarmte');
    await userEvent.type(screen.getByLabelText('Description of option 5 (English)'), 'Heat from the river.');
    await save();

    expect(configures()).toHaveLength(1);
    const payload = configures()[0]?.[1] as { activityId: string; options: { id: string }[] };
    expect(payload).toEqual({
      activityId: activity.id,
      options: [
        ...activity.config.options,
        { id: expect.stringMatching(/^o[A-Za-z0-9_-]{10}$/), text: { nl: { title: 'Rivierwarmte', description: '' }, en: { title: 'River heat', description: 'Heat from the river.' } } },
      ],
    });
    expect(new Set(payload.options.map((o) => o.id)).size).toBe(5);
  });

  it('moves an option up and down, keeping the focus on the arrow', async () => {
    const w = workshop();
    const activity = open(w);
    const [first, second, third, fourth] = activity.config.options.map((o) => o.id);
    await userEvent.click(screen.getByRole('button', { name: 'Move option 2 up' }));
    // At the top, "up" is gone: the focus moves to the same option's "down".
    expect(screen.getByRole('button', { name: 'Move option 1 down' })).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Move option 1 up' })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Move option 3 down' }));
    expect(screen.getByRole('button', { name: 'Move option 4 down' })).toBeDisabled();
    await save();
    expect(configures()).toHaveLength(1);
    const sent = (configures()[0]?.[1] as { options: { id: string }[] }).options.map((o) => o.id);
    expect(sent).toEqual([second, first, fourth, third]);
  });

  it('never holds more than 8 options nor fewer than 2', async () => {
    const w = workshop();
    const activity = open(w);
    const add = screen.getByRole('button', { name: '+ Add an option' });
    for (let i = 0; i < 4; i++) await userEvent.click(add);
    expect(screen.getAllByRole('heading', { level: 3 })).toHaveLength(8);
    expect(add).toBeDisabled();
    expect(screen.getByText('The maximum of 8 options is reached.')).toBeInTheDocument();
    await userEvent.click(add);
    expect(screen.getAllByRole('heading', { level: 3 })).toHaveLength(8);

    // Remove the four new ones and two of the template's: two are left and can't be removed.
    for (let i = 0; i < 6; i++) await userEvent.click(screen.getByRole('button', { name: 'Remove option 3' }));
    expect(screen.getAllByRole('heading', { level: 3 })).toHaveLength(2);
    expect(screen.getByRole('button', { name: 'Remove option 1' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Remove option 2' })).toBeDisabled();
    expect(add).toBeEnabled();
    await save();
    expect(configures()).toHaveLength(1);
    expect((configures()[0]?.[1] as { options: { id: string }[] }).options.map((o) => o.id)).toEqual(activity.config.options.slice(0, 2).map((o) => o.id));
  });

  it('refuses to save an option without a title in the workshop’s language, and sends nothing', async () => {
    const w = workshop();
    open(w);
    await userEvent.clear(screen.getByLabelText('Title of option 2 (English)'));
    await save();
    expect(screen.getByRole('alert')).toHaveTextContent('Option 2 has no title in English yet.');
    expect(configures()).toHaveLength(0);
  });

  it('sends the weights: per group from a chosen vote before the step, or equal without a vote', async () => {
    const w = workshop();
    const activity = open(w);
    await userEvent.click(screen.getByRole('radio', { name: /^Per group: each group weighs with its own shares/ }));
    const vote = screen.getByLabelText('Which vote');
    // Only the votes before this step (not the scan).
    expect(within(vote).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'The latest revealed vote before this step (picked when the step opens)',
      '2. Dots',
      '3. Rank',
      '4. Rank · round 2',
    ]);
    await userEvent.selectOptions(vote, '3. Rank');
    await save();
    expect(configures()).toHaveLength(1);
    expect(configures()[0]?.[1]).toEqual({ activityId: activity.id, weights: { mode: 'group', voteActivityId: w.rank1 } });

    sendMock.mockClear();
    await userEvent.click(screen.getByRole('radio', { name: 'Equal: every value weighs the same' }));
    expect(screen.queryByLabelText('Which vote')).not.toBeInTheDocument();
    await save();
    expect(configures()[0]?.[1]).toEqual({ activityId: activity.id, weights: { mode: 'equal', voteActivityId: null } });
  });

  it('picks the values that take part: 1 to 8, in display order', async () => {
    const w = workshop();
    const activity = open(w);
    await userEvent.click(screen.getByRole('radio', { name: 'Pick them yourself' }));
    expect(screen.getByText('0 of at most 8 chosen')).toBeInTheDocument();
    await save();
    expect(screen.getByRole('alert')).toHaveTextContent('Choose at least 1 value.');
    expect(configures()).toHaveLength(0);

    const boxes = screen.getAllByRole('checkbox');
    expect(boxes).toHaveLength(12);
    // Tick the 9th first, then the first 7, then the 10th: that is 9 wanted, so the last stays off.
    for (const i of [8, 0, 1, 2, 3, 4, 5, 6]) await userEvent.click(boxes[i] as HTMLElement);
    expect(screen.getByText('8 of at most 8 chosen')).toBeInTheDocument();
    expect(boxes[9]).toBeDisabled();
    await userEvent.click(boxes[9] as HTMLElement);
    expect(boxes[9]).not.toBeChecked();
    // Back to the default and to picking again: the picks are still there.
    await userEvent.click(screen.getByRole('radio', { name: /^The top values of the latest revealed vote/ }));
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('radio', { name: 'Pick them yourself' }));
    expect(screen.getByText('8 of at most 8 chosen')).toBeInTheDocument();
    await save();
    const order = w.h.state.valueOrder;
    expect(configures()).toHaveLength(1);
    expect(configures()[0]?.[1]).toEqual({ activityId: activity.id, valueIds: [0, 1, 2, 3, 4, 5, 6, 8].map((i) => order[i]) });
  });

  it('locks options, values and weights once answers are in; the question can still change', async () => {
    const w = workshop();
    const anna = w.h.join(0);
    const activity = w.step();
    w.h.must('agenda:goto', { activityId: activity.id }, HOST);
    const opened = w.step();
    const valueId = opened.config.valueIds?.[0] as string;
    w.h.must('answer:submit', { activityId: activity.id, answerId: 'a1', answer: { kind: 'options', ratings: { [opened.config.options[0]!.id]: { [valueId]: 2 } }, why: {} } }, anna);
    w.load();
    render(<ActivityDialog activity={w.step()} index={5} onClose={() => {}} />);

    const setup = screen.getByRole('group', { name: 'Options' });
    expect(setup).toBeDisabled();
    expect(within(setup).getByText(/Answers are in: the options, the values and the weights are fixed/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '+ Add an option' })).toBeDisabled();
    await userEvent.type(screen.getByLabelText(/^Question/), 'Which option serves us?');
    await save();
    expect(configures()).toHaveLength(1);
    expect(configures()[0]?.[1]).toEqual({ activityId: activity.id, title: 'Which option serves us?' });
  });
});
