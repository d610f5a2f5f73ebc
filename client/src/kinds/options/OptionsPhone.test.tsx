import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DomainHarness, HOST } from '../../../../shared/domain/testing.js';
import { publicView, selfView, type Actor } from '../../../../shared/index.js';
import { i18n } from '../../i18n/index.js';
import { send } from '../../net/send.js';
import { useStore } from '../../store/index.js';
import { CODE, connectStore } from '../../test/fixtures.js';
import { ParticipantPage } from '../../views/participant/ParticipantPage.js';
import { OptionsPhone } from './OptionsPhone.js';

vi.mock('../../net/send.js', () => ({ send: vi.fn() }));
vi.mock('../../net/socket.js', () => ({ connectWorkshop: vi.fn(() => () => {}), setParticipantToken: vi.fn(), activeSocket: () => null }));
const sendMock = vi.mocked(send);

type P = Actor & { role: 'participant' };

const OPTIONS = [
  {
    id: 'net',
    text: {
      nl: { title: 'Warmtenet', description: 'Een gezamenlijk net brengt warm water naar elk huis.' },
      en: { title: 'Heat network', description: 'A shared network brings hot water to every home.' },
    },
  },
  // No Dutch text (the workshop is in English): a Dutch phone shows the English one.
  {
    id: 'pump',
    text: {
      nl: { title: '', description: '' },
      en: { title: 'Heat pump', description: 'Each home gets its own heat pump.' },
    },
  },
];

/**
 * A heat-transition workshop (the real domain) whose last step, "weigh the options", is set to
 * two options and the first two values, with equal weights, and opened. Groups of one count, so
 * "every group can live with it" has groups to combine.
 */
function optionsWorkshop() {
  const h = new DomainHarness({ title: 'Northside heat plan', language: 'en' });
  h.must('settings:update', { minGroupSize: 1 }, HOST);
  const people = [h.join(0), h.join(1), h.join(1)] as P[];
  const activity = h.state.activities.find((a) => a.kind === 'options');
  if (!activity) throw new Error('no options step');
  const [v1, v2] = h.state.valueOrder as [string, string];
  h.must('activity:configure', { activityId: activity.id, options: OPTIONS, valueIds: [v1, v2], weights: { mode: 'equal', voteActivityId: null } }, HOST);
  h.must('agenda:goto', { activityId: activity.id }, HOST);
  const title = (id: string) => h.state.values[id]!.title;
  return { h, people, id: activity.id, v1, v2, t1: title(v1), t2: title(v2) };
}

type W = ReturnType<typeof optionsWorkshop>;

function phoneOf(w: W, who: number) {
  act(() => {
    useStore.getState().receivePublic(publicView(w.h.state));
    useStore.getState().setParticipantToken('tok');
    useStore.getState().receiveSelf(selfView(w.h.state, w.people[who]!.participantId)!);
  });
}

/** The step as the phone's store has it, like PhoneActivity passes it. */
function Phone({ id }: { id: string }) {
  const activity = useStore((s) => s.room?.activities.find((a) => a.id === id));
  return activity ? <OptionsPhone activity={activity} /> : null;
}

const scale = (valueTitle: string) => screen.getByRole('group', { name: valueTitle });
const pick = (valueTitle: string, label: string) => userEvent.click(within(scale(valueTitle)).getByRole('radio', { name: label }));
const draftKey = (w: W) => `raakvlak.draft.${CODE}.options.${w.id}`;

beforeEach(async () => {
  sendMock.mockReset();
  sendMock.mockResolvedValue({ ok: true, data: { answerId: 'x', duplicate: false } } as never);
  connectStore();
  await act(() => i18n.changeLanguage('en'));
});

// Clicking and typing key by key in jsdom is slow on a busy machine; the behaviour, not the speed, is tested here.
describe('weigh the options on the phone', { timeout: 20_000 }, () => {
  it('shows one option at a time with its description, "Option 1 of 2", and per value a radio group of five steps and "don’t know"', () => {
    const w = optionsWorkshop();
    phoneOf(w, 0);
    render(<Phone id={w.id} />);
    expect(screen.getByText('Option 1 of 2')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Heat network' })).toBeInTheDocument();
    expect(screen.getByText('A shared network brings hot water to every home.')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Heat pump' })).not.toBeInTheDocument();
    expect(within(scale(w.t1)).getAllByRole('radio').map((r) => r.getAttribute('aria-label') ?? r.closest('label')?.textContent)).toEqual([
      '−2: Works against it',
      '−1: Works a little against it',
      '0: Makes no difference',
      '+1: Helps it a little',
      '+2: Serves it well',
      'Don’t know',
    ]);
    expect(screen.getAllByRole('group')).toHaveLength(2);
    expect(screen.getByLabelText('Why? One sentence about this option')).toHaveAttribute('maxLength', '280');
    expect(screen.getByText('0 / 280')).toBeInTheDocument();
    // One step button per option and one for the overview; the current one is marked.
    expect(screen.getByRole('button', { name: 'Option 1: Heat network, 0 of 2 values chosen' })).toHaveAttribute('aria-current', 'step');
  });

  it('answers 2 options × 2 values with a "why" and a "don’t know", and sends one answer:submit with exactly that', async () => {
    const w = optionsWorkshop();
    phoneOf(w, 0);
    render(<Phone id={w.id} />);
    await pick(w.t1, '+2: Serves it well');
    await pick(w.t2, '−1: Works a little against it');
    await userEvent.type(screen.getByLabelText('Why? One sentence about this option'), '  Quiet and no boiler. ');
    expect(screen.getByText('Not sent yet. Your answers are kept on this phone.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Next option' }));

    expect(screen.getByText('Option 2 of 2')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Heat pump' })).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Option 1: Heat network, 2 of 2 values chosen' })).toHaveTextContent('✓');
    await pick(w.t1, 'Don’t know');
    await pick(w.t2, '0: Makes no difference');
    await userEvent.click(screen.getByRole('button', { name: 'To the overview' }));

    const overview = screen.getByRole('region', { name: 'Overview' });
    const [net, pump] = within(overview).getAllByRole('listitem');
    expect(net).toHaveTextContent(`${w.t1}+2 Serves it well`);
    expect(net).toHaveTextContent('Why: Quiet and no boiler.');
    expect(pump).toHaveTextContent(`${w.t1}Don’t know`);
    expect(pump).toHaveTextContent('No sentence written.');
    expect(sendMock).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(sendMock).toHaveBeenCalledTimes(1);
    const [name, payload] = sendMock.mock.calls[0] as unknown as [string, { activityId: string; answerId: string; answer: unknown }];
    expect(name).toBe('answer:submit');
    expect(payload.activityId).toBe(w.id);
    expect(payload.answerId).toMatch(/^[A-Za-z0-9_-]{21}$/);
    expect(payload.answer).toEqual({
      kind: 'options',
      ratings: { net: { [w.v1]: 2, [w.v2]: -1 }, pump: { [w.v1]: null, [w.v2]: 0 } },
      why: { net: 'Quiet and no boiler.' },
    });
    expect(await screen.findByText('Sent. You can change your answers until the answers close.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sent' })).toBeDisabled();
    // The server has it: the draft on the phone is gone.
    expect(localStorage.getItem(draftKey(w))).toBeNull();
  });

  it('a change after sending is "not sent yet" until sent again, with a fresh answerId', async () => {
    const w = optionsWorkshop();
    w.h.must('answer:submit', { activityId: w.id, answerId: 'earlier1', answer: { kind: 'options', ratings: { net: { [w.v1]: 1, [w.v2]: 1 }, pump: { [w.v1]: -2, [w.v2]: -2 } }, why: {} } }, w.people[0]!);
    phoneOf(w, 0);
    render(<Phone id={w.id} />);
    // Everything answered: the phone opens on the overview, with what the server has.
    expect(screen.getByText('2 of 2 options complete')).toBeInTheDocument();
    expect(screen.getByText('Sent. You can change your answers until the answers close.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Change Heat pump' }));
    expect(within(scale(w.t2)).getByRole('radio', { name: '−2: Works against it' })).toBeChecked();
    await pick(w.t2, '+1: Helps it a little');
    expect(screen.getByText('Changes not sent yet. Send them from the overview.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Overview and send' }));
    await userEvent.click(screen.getByRole('button', { name: 'Send changes' }));
    const [, payload] = sendMock.mock.calls[0] as unknown as [string, { answerId: string; answer: { ratings: unknown } }];
    expect(payload.answerId).not.toBe('earlier1');
    expect(payload.answer.ratings).toEqual({ net: { [w.v1]: 1, [w.v2]: 1 }, pump: { [w.v1]: -2, [w.v2]: 1 } });
  });

  it('keeps the draft on the phone: it survives a remount, and a send without a connection waits with the same answerId', async () => {
    const w = optionsWorkshop();
    phoneOf(w, 1);
    const first = render(<Phone id={w.id} />);
    await pick(w.t1, '−2: Works against it');
    await pick(w.t2, 'Don’t know');
    expect(JSON.parse(localStorage.getItem(draftKey(w)) ?? '{}')).toEqual({ draft: { ratings: { net: { [w.v1]: -2, [w.v2]: null } }, why: {} } });
    first.unmount();

    render(<Phone id={w.id} />);
    // Option 1 is complete, so the phone comes back on option 2; option 1 still has its choices.
    expect(screen.getByText('Option 2 of 2')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Previous' }));
    expect(within(scale(w.t1)).getByRole('radio', { name: '−2: Works against it' })).toBeChecked();
    expect(within(scale(w.t2)).getByRole('radio', { name: 'Don’t know' })).toBeChecked();

    act(() => useStore.getState().setStatus('offline'));
    await userEvent.click(screen.getByRole('button', { name: 'Overview and send' }));
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByText('Not sent yet: waiting for a connection. Your answers are kept on this phone.')).toBeInTheDocument();
    const [queued] = JSON.parse(localStorage.getItem(`raakvlak.outbox.${CODE}`) ?? '[]') as { name: string; payload: { answerId: string; answer: unknown } }[];
    expect(queued?.name).toBe('answer:submit');
    expect(queued?.payload.answer).toEqual({ kind: 'options', ratings: { net: { [w.v1]: -2, [w.v2]: null } }, why: {} });
    act(() => useStore.getState().setStatus('online'));
    await vi.waitFor(() => expect(sendMock).toHaveBeenCalledTimes(1), { timeout: 5000 });
    expect((sendMock.mock.calls[0] as unknown as [string, { answerId: string }])[1].answerId).toBe(queued!.payload.answerId);
  });

  it('an empty answer can not be sent, and says why', async () => {
    const w = optionsWorkshop();
    phoneOf(w, 0);
    render(<Phone id={w.id} />);
    await userEvent.click(screen.getByRole('button', { name: 'Overview and send' }));
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
    expect(screen.getByText('Choose an answer for at least one value, or write a sentence, to be able to send.')).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Overview' })).getAllByText('Not chosen yet')).toHaveLength(4);
  });

  it('is read-only once locked: no choices, "the answers are closed", and what was sent in words', () => {
    const w = optionsWorkshop();
    w.h.must('answer:submit', { activityId: w.id, answerId: 'mine1', answer: { kind: 'options', ratings: { net: { [w.v1]: 1 } }, why: { pump: 'Too expensive for us.' } } }, w.people[0]!);
    w.h.must('activity:control', { activityId: w.id, action: 'lock' }, HOST);
    phoneOf(w, 0);
    render(<Phone id={w.id} />);
    expect(screen.getByRole('status')).toHaveTextContent('The answers are closed. This is what you sent.');
    expect(screen.queryAllByRole('radio')).toHaveLength(0);
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    const mine = screen.getByRole('region', { name: 'Your answers' });
    const [net, pump] = within(mine).getAllByRole('listitem');
    expect(net).toHaveTextContent(`${w.t1}+1 Helps it a little`);
    expect(net).toHaveTextContent(`${w.t2}Not chosen yet`);
    expect(pump).toHaveTextContent('Why: Too expensive for us.');
  });

  it('says so when locked without an answer', () => {
    const w = optionsWorkshop();
    w.h.must('activity:control', { activityId: w.id, action: 'lock' }, HOST);
    phoneOf(w, 2);
    render(<Phone id={w.id} />);
    expect(screen.getByRole('status')).toHaveTextContent('The answers are closed. You did not send anything for this step.');
    expect(screen.queryAllByRole('radio')).toHaveLength(0);
  });

  it('after the reveal shows the room’s ranking with the fit in numbers and words, the option every group can live with and its lowest group, and the “why” sentences to support', async () => {
    const w = optionsWorkshop();
    const answer = (who: number, net: [number, number], pump: [number, number], why: Record<string, string> = {}) =>
      w.h.must(
        'answer:submit',
        { activityId: w.id, answerId: `a${who}`, answer: { kind: 'options', ratings: { net: { [w.v1]: net[0], [w.v2]: net[1] }, pump: { [w.v1]: pump[0], [w.v2]: pump[1] } }, why } },
        w.people[who]!,
      );
    // Residents: person 0; Municipality: persons 1 and 2. Equal weights (½ each).
    answer(0, [2, 0], [-2, -1], { pump: 'Too expensive for us.' });
    answer(1, [1, 1], [-1, 0], { net: 'Quiet streets, no boilers.' });
    answer(2, [-2, -1], [0, 0]);
    w.h.must('activity:control', { activityId: w.id, action: 'reveal' }, HOST);
    phoneOf(w, 0);
    render(<Phone id={w.id} />);
    const results = screen.getByRole('region', { name: 'What the room thinks' });
    expect(within(results).getByText(/3 participants took part/)).toBeInTheDocument();
    expect(within(results).getByText(/Every value weighs the same/)).toBeInTheDocument();
    const ranking = within(results).getAllByRole('list')[0]!;
    const [first, second] = within(ranking).getAllByRole('listitem');
    // Heat network: means (2+1−2)/3 = 1/3 and (0+1−1)/3 = 0, fit ½·⅓ + ½·0 = 1/6 ≈ +0.2.
    expect(first).toHaveTextContent('1Heat networkfits best+0.2: makes no difference');
    // Heat pump: means −1 and −1/3, fit −2/3 ≈ −0.7.
    expect(second).toHaveTextContent('2Heat pump−0.7: works a little against it');
    // Can live with (own fit ≥ 0), smoothed (k+1)/(n+2): Residents 1 of 1 → 2/3, Municipality 1 of 2 → 1/2;
    // geometric mean √(2/3 · 1/2) = 0.577 → 58%, lowest Municipality 50%.
    const liveWith = within(results).getAllByRole('list')[1]!;
    expect(within(liveWith).getByRole('listitem')).toHaveTextContent('Heat network: 58%Lowest in Municipality: 1 of 2 can live with it');
    // Revealed while still open: the answer below can still be changed (person 0 answered everything: the overview).
    expect(screen.getByRole('button', { name: 'Sent' })).toBeDisabled();

    const wall = within(results).getByRole('region', { name: 'Why, in the room’s words' });
    // In the ranking's order: Heat network first.
    expect(within(wall).getAllByRole('heading', { level: 4 }).map((h) => h.textContent)).toEqual(['Heat network', 'Heat pump']);
    const own = within(wall).getByText('Too expensive for us.').closest('li') as HTMLElement;
    expect(within(own).getByText('Your sentence')).toBeInTheDocument();
    expect(within(own).queryByRole('button')).not.toBeInTheDocument();
    await userEvent.click(within(wall).getByRole('button', { name: 'I recognise this: Quiet streets, no boilers.' }));
    expect(sendMock).toHaveBeenCalledWith('open-answer:endorse', { openAnswerId: `${w.id}:${w.people[1]!.participantId}:a1:why.net` });
  });

  it('is the phone’s step when the facilitator opens it, and works with the keyboard alone', async () => {
    const w = optionsWorkshop();
    phoneOf(w, 0);
    render(<ParticipantPage code={CODE} />);
    // The step's code is a chunk of its own (kinds/options/phone.tsx): it arrives after a tick.
    expect(await screen.findByRole('heading', { level: 1, name: 'How well does each option serve our shared values?' })).toBeInTheDocument();
    expect(screen.getByText('Option 1 of 2')).toBeInTheDocument();
    // Arrow keys move within one value's group; the draft follows.
    within(scale(w.t1)).getByRole('radio', { name: '0: Makes no difference' }).focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(within(scale(w.t1)).getByRole('radio', { name: '+1: Helps it a little' })).toBeChecked();
    await userEvent.keyboard('{ArrowRight}{ArrowRight}');
    expect(within(scale(w.t1)).getByRole('radio', { name: 'Don’t know' })).toBeChecked();
    expect(JSON.parse(localStorage.getItem(draftKey(w)) ?? '{}')).toEqual({ draft: { ratings: { net: { [w.v1]: null } }, why: {} } });
  });

  it('once the step is closed, says so and shows what was sent', async () => {
    const w = optionsWorkshop();
    w.h.must('answer:submit', { activityId: w.id, answerId: 'mine1', answer: { kind: 'options', ratings: { pump: { [w.v2]: -2 } }, why: {} } }, w.people[0]!);
    w.h.must('activity:control', { activityId: w.id, action: 'close' }, HOST);
    phoneOf(w, 0);
    render(<ParticipantPage code={CODE} />);
    expect(await screen.findByText('This step has ended. This is what you sent.')).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Your answers' })).getAllByRole('listitem')[1]).toHaveTextContent(`${w.t2}−2 Works against it`);
  });

  it('lists the three most supported sentences of an option first, the rest on request', async () => {
    const w = optionsWorkshop();
    const more = [w.h.join(2), w.h.join(2)] as P[];
    const everyone = [...w.people, ...more];
    everyone.forEach((p, i) => w.h.must('answer:submit', { activityId: w.id, answerId: `b${i}`, answer: { kind: 'options', ratings: {}, why: { net: `Reason ${i}` } } }, p));
    w.h.must('open-answer:endorse', { openAnswerId: `${w.id}:${everyone[3]!.participantId}:b3:why.net` }, everyone[0]!);
    w.h.must('activity:control', { activityId: w.id, action: 'reveal' }, HOST);
    phoneOf(w, 1);
    render(<Phone id={w.id} />);
    const wall = screen.getByRole('region', { name: 'Why, in the room’s words' });
    // Most endorsed first (Reason 3), then oldest first.
    expect(within(wall).getAllByRole('listitem').map((li) => li.querySelector('.opt-why-text')?.textContent)).toEqual(['Reason 3', 'Reason 0', 'Reason 1']);
    await userEvent.click(within(wall).getByRole('button', { name: 'Show all 5 sentences about Heat network' }));
    expect(within(wall).getAllByRole('listitem')).toHaveLength(5);
  });

  it('shows the options and the scale in the phone’s language, falling back to the other language where an option has no title', async () => {
    const w = optionsWorkshop();
    phoneOf(w, 0);
    await act(() => i18n.changeLanguage('nl'));
    render(<Phone id={w.id} />);
    expect(screen.getByText('Optie 1 van 2')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Warmtenet' })).toBeInTheDocument();
    const first = screen.getAllByRole('group')[0]!;
    expect(within(first).getByRole('radio', { name: '+1: Helpt er een beetje bij' })).toBeInTheDocument();
    expect(within(first).getByRole('radio', { name: 'Weet ik niet' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Volgende optie' }));
    expect(screen.getByRole('heading', { level: 2, name: 'Heat pump' }).closest('header')).toHaveAttribute('lang', 'en');
    expect(screen.getByText('Each home gets its own heat pump.')).toBeInTheDocument();
  });
});
