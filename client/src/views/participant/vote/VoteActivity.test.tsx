import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { send } from '../../../net/send.js';
import { useStore } from '../../../store/index.js';
import { CODE, connectStore } from '../../../test/fixtures.js';
import { rankScenario, voteWorkshop } from '../../../test/voteFixtures.js';
import { ParticipantPage } from '../ParticipantPage.js';

// The socket layer is mocked at its module boundary; the store and the answer logic are real.
vi.mock('../../../net/send.js', () => ({ send: vi.fn() }));
vi.mock('../../../net/socket.js', () => ({ connectWorkshop: vi.fn(() => () => {}), setParticipantToken: vi.fn(), activeSocket: () => null }));
const sendMock = vi.mocked(send);

beforeEach(() => {
  sendMock.mockReset();
  sendMock.mockImplementation(async (_name, payload) => ({ ok: true, data: { answerId: (payload as { answerId: string }).answerId, duplicate: false } }) as never);
  connectStore();
});

type W = ReturnType<typeof voteWorkshop>;

function phone(w: Pick<W, 'pub' | 'self'>) {
  useStore.getState().receivePublic(w.pub());
  useStore.getState().setParticipantToken('tok');
  useStore.getState().receiveSelf(w.self());
  return render(<ParticipantPage code={CODE} />);
}

/** The server's answer to the last send, applied and broadcast as the real server would. */
function deliver(w: W) {
  const [, payload] = sendMock.mock.lastCall as unknown as [string, { activityId: string; answerId: string; answer: never }];
  w.h.must('answer:submit', payload, w.me);
  act(() => {
    useStore.getState().receivePublic(w.pub());
    useStore.getState().receiveSelf(w.self());
  });
}

const submitted = () => sendMock.mock.calls.filter(([name]) => name === 'answer:submit').map(([, p]) => p as { answerId: string; answer: unknown });

describe('phone: dots', () => {
  it('counts the dots left, stops at the maximum per value and sends the answer', async () => {
    const w = voteWorkshop('dots'); // 5 dots, at most 3 per value
    phone(w);
    expect(screen.getByText(/You have 5 dots\. .* at most 3 on one value\./)).toBeInTheDocument();
    expect(screen.getByText('5 dots left')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Send my answer' })).toBeDisabled();
    expect(screen.getByText('Place at least one dot.')).toBeInTheDocument();

    const add = screen.getByRole('button', { name: 'Add a dot to Affordability' });
    await userEvent.click(add);
    await userEvent.click(add);
    await userEvent.click(add);
    expect(screen.getByText('3 dots on Affordability')).toBeInTheDocument();
    expect(add).toBeDisabled(); // the maximum per value
    expect(screen.getByText('2 dots left')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Add a dot to Comfort' }));
    await userEvent.click(screen.getByRole('button', { name: 'Add a dot to Trust' }));
    expect(screen.getByText('All dots placed')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add a dot to Community' })).toBeDisabled(); // none left
    await userEvent.click(screen.getByRole('button', { name: 'Take a dot off Trust' }));
    expect(screen.getByText('1 dot left')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Add a dot to Comfort' }));

    await userEvent.click(screen.getByRole('button', { name: 'Send my answer' }));
    const [sent] = submitted();
    // validateAnswer's canonical form: the dot taken off Trust leaves no zero entry.
    expect(sent?.answer).toEqual({ kind: 'dots', dots: { [w.affordability]: 3, [w.comfort]: 2 } });
    expect(sent?.answerId).toMatch(/^[A-Za-z0-9_-]{10,64}$/);
    deliver(w);
    expect(screen.getByText(/Your answer is in — you can change it while this step is open/)).toBeInTheDocument();
  });
});

describe('phone: rank', () => {
  it('adds values in order, reorders with the up/down buttons, announces moves and sends the order', async () => {
    const w = voteWorkshop('rank', { rankK: 3 });
    phone(w);
    expect(screen.getByText('Choose your top 3 and put them in order: the most important at the top.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Add Affordability at place 1' }));
    await userEvent.click(screen.getByRole('button', { name: 'Add Comfort at place 2' }));
    expect(screen.getByText('Choose 1 more value.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Add Sustainability at place 3' }));
    // K reached: nothing more can be added.
    expect(screen.getByRole('button', { name: 'Add Trust at place 4' })).toBeDisabled();
    expect(screen.getByText('3 of 3 chosen')).toBeInTheDocument();

    const up = screen.getByRole('button', { name: 'Move Sustainability up' });
    await userEvent.click(up);
    expect(screen.getByText('Sustainability moved to place 2')).toBeInTheDocument();
    // Focus stays with the value that moved, so it can move on.
    expect(screen.getByRole('button', { name: 'Move Sustainability up' })).toHaveFocus();
    await userEvent.click(screen.getByRole('button', { name: 'Move Affordability down' }));
    expect(screen.getByText('Affordability moved to place 2')).toBeInTheDocument();
    await userEvent.keyboard('{Enter}'); // focus stayed on "Move Affordability down"
    expect(screen.getByText('Affordability moved to place 3')).toBeInTheDocument();
    // At the bottom "down" is disabled: focus moved to "up" of the same value.
    expect(screen.getByRole('button', { name: 'Move Affordability up' })).toHaveFocus();

    const list = screen.getByRole('list', { name: 'Your order' });
    expect(within(list).getAllByRole('listitem').map((li) => li.querySelector('.rank-title')?.lastChild?.textContent)).toEqual(['Sustainability', 'Comfort', 'Affordability']);

    await userEvent.click(screen.getByRole('button', { name: 'Send my answer' }));
    expect(submitted()[0]?.answer).toEqual({ kind: 'rank', order: [w.sustainability, w.comfort, w.affordability] });
  });

  it('removing a value frees a place again', async () => {
    const w = voteWorkshop('rank', { rankK: 2 });
    phone(w);
    await userEvent.click(screen.getByRole('button', { name: 'Add Affordability at place 1' }));
    await userEvent.click(screen.getByRole('button', { name: 'Add Comfort at place 2' }));
    await userEvent.click(screen.getByRole('button', { name: 'Remove Affordability from your order' }));
    expect(screen.getByText('Affordability removed from your order')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Send my answer' })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Add Trust at place 2' }));
    await userEvent.click(screen.getByRole('button', { name: 'Send my answer' }));
    expect(submitted()[0]?.answer).toEqual({ kind: 'rank', order: [w.comfort, w.h.state.valueOrder[8]] });
  });
});

describe('phone: points', () => {
  it('can only be sent at exactly 100, with a live points-left counter', async () => {
    const w = voteWorkshop('points');
    phone(w);
    const send = screen.getByRole('button', { name: 'Send my answer' });
    expect(screen.getByText('100 points left to spread')).toBeInTheDocument();

    const afford = screen.getByRole('textbox', { name: 'Points for Affordability' });
    await userEvent.clear(afford);
    await userEvent.type(afford, '60');
    expect(screen.getByText('40 points left to spread')).toBeInTheDocument();
    expect(send).toBeDisabled();

    const comfort = screen.getByRole('textbox', { name: 'Points for Comfort' });
    await userEvent.clear(comfort);
    await userEvent.type(comfort, '50');
    expect(screen.getByText('10 points too many')).toBeInTheDocument();
    expect(send).toBeDisabled();

    await userEvent.click(screen.getByRole('button', { name: '5 points less for Comfort' }));
    await userEvent.click(screen.getByRole('button', { name: '5 points less for Comfort' }));
    expect(screen.getByText('Exactly 100 — ready')).toBeInTheDocument();
    expect(send).toBeEnabled();
    await userEvent.click(send);
    expect(submitted()[0]?.answer).toEqual({ kind: 'points', points: { [w.affordability]: 60, [w.comfort]: 40 } });
  });
});

describe('phone: keeping and restoring the answer', () => {
  it('restores the answer from the self view after a reload, and a change can be sent again', async () => {
    const w = voteWorkshop('points');
    w.answer(w.me, { kind: 'points', points: { [w.affordability]: 70, [w.fairness]: 30 } });
    phone(w);
    expect(screen.getByRole('textbox', { name: 'Points for Affordability' })).toHaveValue('70');
    expect(screen.getByRole('textbox', { name: 'Points for Social fairness' })).toHaveValue('30');
    expect(screen.getByText(/Your answer is in/)).toBeInTheDocument();
    // Nothing changed: the disabled button says the answer is sent, not "send my new answer".
    expect(screen.getByRole('button', { name: 'Answer sent' })).toBeDisabled();

    await userEvent.click(screen.getByRole('button', { name: '5 points less for Affordability' }));
    await userEvent.click(screen.getByRole('button', { name: '5 points more for Social fairness' }));
    expect(screen.getByText('You changed your answer. Send it again and the new one counts.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Send my new answer' }));
    expect(submitted()[0]?.answer).toEqual({ kind: 'points', points: { [w.affordability]: 65, [w.fairness]: 35 } });
  });

  it('keeps an answer sent offline on the phone and retries it with the same answerId', async () => {
    const w = voteWorkshop('dots');
    phone(w);
    sendMock.mockResolvedValueOnce({ ok: false, error: { code: 'OFFLINE', message: 'Not connected' } } as never);
    await userEvent.click(screen.getByRole('button', { name: 'Add a dot to Affordability' }));
    await userEvent.click(screen.getByRole('button', { name: 'Send my answer' }));
    expect(await screen.findByText('Saved on this phone — it is sent as soon as there is a connection.')).toBeInTheDocument();
    const first = submitted()[0]!;
    // Queued in the outbox, kept in this phone's storage with the id it was made with.
    expect(localStorage.getItem(`raakvlak.outbox.${CODE}`)).toContain(first.answerId);

    // The connection drops and comes back: a fresh self view, and the same id goes out again.
    act(() => useStore.getState().setStatus('offline'));
    await act(async () => {
      useStore.getState().setStatus('online');
    });
    const retry = submitted().at(-1)!;
    expect(retry.answerId).toBe(first.answerId);
    expect(retry.answer).toEqual(first.answer);
    deliver(w);
    expect(screen.getByText(/Your answer is in/)).toBeInTheDocument();
    expect(localStorage.getItem(`raakvlak.draft.${CODE}.vote.${w.activityId}`)).toBeNull();
    expect(w.h.state.answers[w.activityId]?.[w.me.participantId]?.revisions).toBe(1);
  });

  it('keeps an unsent draft across a reload of the page', async () => {
    const w = voteWorkshop('dots');
    const view = phone(w);
    await userEvent.click(screen.getByRole('button', { name: 'Add a dot to Comfort' }));
    await userEvent.click(screen.getByRole('button', { name: 'Add a dot to Comfort' }));
    view.unmount();
    render(<ParticipantPage code={CODE} />);
    expect(screen.getByText('2 dots on Comfort')).toBeInTheDocument();
    expect(screen.getByText('3 dots left')).toBeInTheDocument();
  });
});

describe('phone: rounds', () => {
  it('starts the next round with an empty answer, not the previous round’s', () => {
    const w = voteWorkshop('rank', { rankK: 2 });
    w.answer(w.me, { kind: 'rank', order: [w.comfort, w.affordability] });
    phone(w);
    expect(screen.getByText(/Your answer is in/)).toBeInTheDocument();
    const round2 = w.h.must('agenda:duplicate', { activityId: w.activityId }, { role: 'host' });
    w.h.must('activity:control', { activityId: round2, action: 'open' }, { role: 'host' });
    act(() => {
      useStore.getState().receivePublic(w.pub());
      useStore.getState().receiveSelf(w.self());
    });
    expect(screen.queryByText(/Your answer is in/)).not.toBeInTheDocument();
    expect(screen.getByText('Choose 2 more values.')).toBeInTheDocument();
    expect(screen.getByText('0 of 2 chosen')).toBeInTheDocument();
  });
});

describe('phone: locked and revealed', () => {
  it('is read-only once the facilitator locks, with a clear message and the answer that counts', () => {
    const w = voteWorkshop('rank', { rankK: 2 });
    w.answer(w.me, { kind: 'rank', order: [w.comfort, w.affordability] });
    w.control('lock');
    phone(w);
    expect(screen.getByText('The facilitator paused this step. Your answer cannot be changed for now.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Move .* up/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Send my/ })).not.toBeInTheDocument();
    const mine = screen.getByRole('region', { name: 'Your answer' });
    expect(within(mine).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['1Comfort', '2Affordability']);
  });

  it('says so when the step was locked before any answer arrived', () => {
    const w = voteWorkshop('dots');
    w.control('lock');
    phone(w);
    expect(screen.getByText('The facilitator paused this step before your answer was in.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Add a dot/ })).not.toBeInTheDocument();
  });

  it('after the reveal shows the room’s result and where the own answer stands — nobody else’s', () => {
    const w = rankScenario();
    phone(w);
    const result = screen.getByRole('region', { name: "The room's result" });
    expect(within(result).getByText(/8 answers/)).toBeInTheDocument();
    const top = within(result).getAllByRole('list')[0]!;
    expect(within(top).getAllByRole('listitem').map((li) => li.querySelector('.room-title')?.textContent)).toEqual(['Affordability', 'Sustainability', 'Social fairness', 'Comfort']);
    // This phone ranked Affordability, Social fairness, Comfort.
    expect(within(result).getByText('You put Affordability at place 1; the room put it at place 1.')).toBeInTheDocument();
    expect(within(result).getByText('You put Social fairness at place 2; the room put it at place 3.')).toBeInTheDocument();
    expect(within(result).getByText('You put Comfort at place 3; the room put it at place 4.')).toBeInTheDocument();
    expect(result).not.toHaveTextContent(/Municipality|Business/);
  });

  it('revealed while the vote is still open: the result comes before the list, and the bar at the thumb links to it', () => {
    const w = voteWorkshop('dots');
    w.answer(w.me, { kind: 'dots', dots: { [w.affordability]: 2 } });
    w.control('reveal');
    phone(w);
    const result = screen.getByRole('region', { name: "The room's result" });
    const firstCard = screen.getByRole('button', { name: 'Add a dot to Affordability' });
    // The result precedes the first card in document order.
    expect(result.compareDocumentPosition(firstCard) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const link = screen.getByRole('link', { name: "See the room's result" });
    expect(link).toHaveAttribute('href', '#vote-result');
    expect(document.getElementById('vote-result')).toContainElement(result);
  });
});
