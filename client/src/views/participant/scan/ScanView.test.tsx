import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { openAnswerId } from '../../../../../shared/domain/results.js';
import { HOST } from '../../../../../shared/domain/testing.js';
import { i18n } from '../../../i18n/index.js';
import { send } from '../../../net/send.js';
import { useStore } from '../../../store/index.js';
import { CODE, connectStore } from '../../../test/fixtures.js';
import { fullWorkshop } from '../../report/workshop.fixture.js';
import { ParticipantPage } from '../ParticipantPage.js';

vi.mock('../../../net/send.js', () => ({ send: vi.fn() }));
vi.mock('../../../net/socket.js', () => ({ connectWorkshop: vi.fn(() => () => {}), setParticipantToken: vi.fn(), activeSocket: () => null }));
const sendMock = vi.mocked(send);

beforeEach(() => {
  sendMock.mockReset();
  sendMock.mockResolvedValue({ ok: true, data: { answerId: 'x', duplicate: false } } as never);
  connectStore();
});

type W = ReturnType<typeof fullWorkshop>;
function phoneOf(w: W, who: number) {
  act(() => {
    useStore.getState().receivePublic(w.pub());
    useStore.getState().setParticipantToken('tok');
    useStore.getState().receiveSelf(w.self(w.people[who]!));
  });
}
const statement = (text: string) => screen.getByRole('group', { name: text });

describe('the scan on the phone', () => {
  it('shows the statements grouped by factor with five big choices each, and the open questions with counters', () => {
    const w = fullWorkshop({ upTo: 'scan-open' });
    phoneOf(w, 0);
    render(<ParticipantPage code={CODE} />);
    expect(screen.getByRole('heading', { level: 1, name: 'How is the collaboration doing?' })).toBeInTheDocument();
    const motivation = screen.getByRole('region', { name: 'Motivation' });
    expect(within(motivation).getAllByRole('group')).toHaveLength(3);
    const first = statement('I know why my organisation takes part in this collaboration.');
    expect(within(first).getAllByRole('radio').map((r) => r.getAttribute('aria-label'))).toEqual(['1: Strongly disagree', '2: Disagree', '3: Neutral', '4: Agree', '5: Strongly agree']);
    expect(screen.getByLabelText('What goes well?')).toHaveAttribute('maxLength', '500');
    expect(screen.getByLabelText('What could be better?')).toHaveAttribute('maxLength', '500');
    expect(screen.getAllByText('0 / 500')).toHaveLength(2);
  });

  it('sends only a valid answer, with a phone-made answerId, and keeps the draft until it is sent', async () => {
    const w = fullWorkshop({ upTo: 'scan-open' });
    phoneOf(w, 0);
    render(<ParticipantPage code={CODE} />);
    const sendButton = screen.getByRole('button', { name: 'Send' });
    expect(sendButton).toBeDisabled();
    expect(screen.getByText('Give at least one score or write something for an open question.')).toBeInTheDocument();

    await userEvent.click(within(statement('Roles and responsibilities are clear.')).getByRole('radio', { name: '2: Disagree' }));
    await userEvent.click(within(statement('I trust the other partners.')).getByRole('radio', { name: '5: Strongly agree' }));
    await userEvent.type(screen.getByLabelText('What could be better?'), '  Shorter meetings ');
    expect(screen.getByText('2 of 12 statements scored')).toBeInTheDocument();
    // Typed text survives the phone dropping the page.
    expect(JSON.parse(localStorage.getItem(`raakvlak.draft.${CODE}.scan.${w.ids.scan}`) ?? '{}')).toMatchObject({ scores: { o1: 2, i3: 5 } });

    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(sendMock).toHaveBeenCalledTimes(1);
    const [name, payload] = sendMock.mock.calls[0] as unknown as [string, { activityId: string; answerId: string; answer: unknown }];
    expect(name).toBe('answer:submit');
    expect(payload.activityId).toBe(w.ids.scan);
    expect(payload.answerId).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    expect(payload.answer).toEqual({ kind: 'scan', scores: { o1: 2, i3: 5 }, wentWell: '', couldBeBetter: 'Shorter meetings' });
    expect(await screen.findByText(/^Sent\. You can change your answers/)).toBeInTheDocument();
    expect(localStorage.getItem(`raakvlak.draft.${CODE}.scan.${w.ids.scan}`)).toBeNull();
  });

  it('restores the answer from the self view after a reload, and sends a change as a new answer', async () => {
    const w = fullWorkshop({ upTo: 'scan-open' });
    w.h.must('answer:submit', { activityId: w.ids.scan, answerId: 'earlier1', answer: { kind: 'scan', scores: { m1: 4, r3: 1 }, wentWell: 'Good coffee' } }, w.people[3]!);
    phoneOf(w, 3);
    render(<ParticipantPage code={CODE} />);
    expect(within(statement('I know why my organisation takes part in this collaboration.')).getByRole('radio', { name: '4: Agree' })).toBeChecked();
    expect(within(statement('I am satisfied with what we have achieved together so far.')).getByRole('radio', { name: '1: Strongly disagree' })).toBeChecked();
    expect(screen.getByLabelText('What goes well?')).toHaveValue('Good coffee');
    expect(screen.getByText(/^Sent\./)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Send changes' })).toBeDisabled();

    await userEvent.click(within(statement('I know why my organisation takes part in this collaboration.')).getByRole('radio', { name: '5: Strongly agree' }));
    expect(screen.getByText('You have changes that are not sent yet.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Send changes' }));
    const [, payload] = sendMock.mock.calls[0] as unknown as [string, { answerId: string; answer: { scores: Record<string, number> } }];
    expect(payload.answerId).not.toBe('earlier1');
    expect(payload.answer.scores).toEqual({ m1: 5, r3: 1 });
  });

  it('keeps what was entered when the send fails for lack of a connection, and says so', async () => {
    const w = fullWorkshop({ upTo: 'scan-open' });
    phoneOf(w, 1);
    sendMock.mockResolvedValueOnce({ ok: false, error: { code: 'OFFLINE', message: 'Not connected' } });
    render(<ParticipantPage code={CODE} />);
    await userEvent.click(within(statement('I trust the other partners.')).getByRole('radio', { name: '3: Neutral' }));
    act(() => useStore.getState().setStatus('offline'));
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByText('Not sent yet: waiting for a connection.')).toBeInTheDocument();
    // Queued in the outbox, kept in this phone's storage with the id it was made with.
    const [queued] = JSON.parse(localStorage.getItem(`raakvlak.outbox.${CODE}`) ?? '[]') as { name: string; payload: { answerId: string } }[];
    expect(queued?.name).toBe('answer:submit');
    const pending = queued!.payload;
    expect(pending.answerId).toMatch(/^[A-Za-z0-9_-]{21}$/);
    // Back online: the same answerId goes again, so the server counts it once.
    act(() => useStore.getState().setStatus('online'));
    await vi.waitFor(() => expect(sendMock).toHaveBeenCalledTimes(2), { timeout: 5000 });
    expect((sendMock.mock.calls[1] as unknown as [string, { answerId: string }])[1].answerId).toBe(pending.answerId);
  });

  it('locks the answers when the step is paused or closed', () => {
    const w = fullWorkshop({ upTo: 'scan-open' });
    w.h.must('answer:submit', { activityId: w.ids.scan, answerId: 'mine1', answer: { kind: 'scan', scores: { m1: 3 } } }, w.people[0]!);
    w.h.must('activity:control', { activityId: w.ids.scan, action: 'lock' }, HOST);
    phoneOf(w, 0);
    render(<ParticipantPage code={CODE} />);
    expect(within(statement('I know why my organisation takes part in this collaboration.')).getByRole('radio', { name: '3: Neutral' })).toBeDisabled();
    expect(screen.queryByRole('button', { name: /Send/ })).not.toBeInTheDocument();
    expect(screen.getByText('This step is closed; your answers are final.')).toBeInTheDocument();
  });

  it('after the reveal shows the factor averages and the open answers, endorsable once and not one’s own', async () => {
    const w = fullWorkshop({ upTo: 'scan-revealed' });
    phoneOf(w, 1);
    render(<ParticipantPage code={CODE} />);
    const results = screen.getByRole('region', { name: 'What the group says' });
    expect(within(results).getByText('Motivation')).toBeInTheDocument();
    const wentWell = within(results).getByRole('region', { name: 'What goes well?' });
    const items = within(wentWell).getAllByRole('listitem');
    // Most endorsed first; person 1 endorsed it already.
    expect(items[0]).toHaveTextContent('We listen to each other (2)');
    expect(within(items[0]!).getByText('2 recognise this')).toBeInTheDocument();
    expect(within(items[0]!).getByText(/Recognised/)).toBeInTheDocument();

    await userEvent.click(within(wentWell).getByRole('button', { name: 'I recognise this: We listen to each other (0)' }));
    expect(sendMock).toHaveBeenCalledWith('open-answer:endorse', { openAnswerId: openAnswerId(w.ids.scan, w.people[0]!.participantId, w.scanAnswers[w.people[0]!.participantId]!, 'wentWell') });
  });

  it('marks one’s own open answer instead of offering to endorse it', () => {
    const w = fullWorkshop({ upTo: 'scan-revealed' });
    phoneOf(w, 0);
    render(<ParticipantPage code={CODE} />);
    const wall = screen.getByRole('region', { name: 'What the group says' });
    const own = within(wall).getByText('We listen to each other (0)').closest('li') as HTMLElement;
    expect(within(own).getByText('Your answer')).toBeInTheDocument();
    expect(within(own).queryByRole('button')).not.toBeInTheDocument();
  });

  it('shows the statements in the phone’s language', async () => {
    const w = fullWorkshop({ upTo: 'scan-open' });
    phoneOf(w, 0);
    await act(() => i18n.changeLanguage('nl'));
    render(<ParticipantPage code={CODE} />);
    expect(screen.getByRole('group', { name: 'Ik vertrouw de andere partners.' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Interactie' })).toBeInTheDocument();
  });
});
