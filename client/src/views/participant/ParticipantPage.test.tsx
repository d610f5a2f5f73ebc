import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LIMITS } from '../../../../shared/index.js';
import { send } from '../../net/send.js';
import { setParticipantToken } from '../../net/socket.js';
import { useStore } from '../../store/index.js';
import { CODE, connectStore, exploreWorkshop } from '../../test/fixtures.js';
import { ParticipantPage } from './ParticipantPage.js';

// The socket layer is mocked at its module boundary; the store and the outbox are real.
vi.mock('../../net/send.js', () => ({ send: vi.fn() }));
vi.mock('../../net/socket.js', () => ({ connectWorkshop: vi.fn(() => () => {}), setParticipantToken: vi.fn(), activeSocket: () => null }));
const sendMock = vi.mocked(send);
/** A nanoid, as the outbox makes it: the protocol's id alphabet, 21 characters. */
const CLIENT_ID = /^[A-Za-z0-9_-]{21}$/;

beforeEach(() => {
  sendMock.mockReset();
  sendMock.mockResolvedValue({ ok: true, data: {} } as never);
  connectStore();
});

describe('participant: joining', () => {
  it('lists the groups as choices and sends participant:join with the chosen group', async () => {
    const w = exploreWorkshop({ open: false });
    useStore.getState().receivePublic(w.pub());
    sendMock.mockResolvedValueOnce({ ok: true, data: { participantId: 'p9', token: 'tok-9' } } as never);
    render(<ParticipantPage code={CODE} />);

    expect(screen.getByRole('radio', { name: 'Residents' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Municipality' })).toBeInTheDocument();
    expect(screen.getAllByRole('radio')).toHaveLength(w.pub().groups.length);
    // Names are not allowed in this workshop: no name field.
    expect(screen.queryByLabelText(/your name/i)).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('radio', { name: 'Municipality' }));
    await userEvent.click(screen.getByRole('button', { name: 'Join' }));

    const municipality = w.pub().groups[1]!.id;
    expect(sendMock).toHaveBeenCalledWith('participant:join', { groupId: municipality });
    expect(setParticipantToken).toHaveBeenCalledWith('tok-9');
    expect(await screen.findByText("You're in!")).toBeInTheDocument();
    expect(screen.getByText('Group: Municipality')).toBeInTheDocument();
  });

  it('asks for a name only when names are allowed, and sends it', async () => {
    const w = exploreWorkshop({ open: false, allowNames: true });
    useStore.getState().receivePublic(w.pub());
    sendMock.mockResolvedValueOnce({ ok: true, data: { participantId: 'p9', token: 'tok-9' } } as never);
    render(<ParticipantPage code={CODE} />);

    await userEvent.type(screen.getByLabelText(/your name/i), '  Dana ');
    await userEvent.click(screen.getByRole('radio', { name: 'Residents' }));
    await userEvent.click(screen.getByRole('button', { name: 'Join' }));
    expect(sendMock).toHaveBeenCalledWith('participant:join', { groupId: w.pub().groups[0]!.id, name: 'Dana' });
  });

  it('explains why the join form is back when the token was refused', () => {
    const w = exploreWorkshop({ open: false });
    useStore.getState().receivePublic(w.pub());
    useStore.getState().loseParticipant('rejected');
    render(<ParticipantPage code={CODE} />);
    expect(screen.getByRole('alert')).toHaveTextContent(/no longer recognised/i);
  });
});

describe('participant: explore', () => {
  function joinedAs(w: ReturnType<typeof exploreWorkshop>, who: 'anna' | 'bob' | 'carla') {
    useStore.getState().receivePublic(w.pub());
    useStore.getState().setParticipantToken('tok');
    useStore.getState().receiveSelf(w.self(w[who]));
  }

  it('shows a friendly waiting screen while no activity is open', () => {
    const w = exploreWorkshop({ open: false });
    joinedAs(w, 'anna');
    render(<ParticipantPage code={CODE} />);
    expect(screen.getByRole('heading', { name: "You're in!" })).toBeInTheDocument();
  });

  it('shows the value cards in the phone language', () => {
    const w = exploreWorkshop();
    joinedAs(w, 'anna');
    render(<ParticipantPage code={CODE} />);
    const card = screen.getByRole('article', { name: 'Affordability' });
    expect(within(card).getByText('The costs stay bearable for my household.')).toBeInTheDocument();
    expect(within(card).getByText('2 stories')).toBeInTheDocument();
    expect(screen.getAllByRole('article')).toHaveLength(w.pub().values.length);
  });

  it('adds a story with a character counter and the limit, and shows it as sending', async () => {
    const w = exploreWorkshop();
    joinedAs(w, 'anna');
    let resolveAck: (v: unknown) => void = () => {};
    sendMock.mockImplementationOnce(() => new Promise((r) => (resolveAck = r)) as never);
    render(<ParticipantPage code={CODE} />);

    const card = screen.getByRole('article', { name: 'Social fairness' });
    await userEvent.click(within(card).getByRole('button', { name: 'Add my story' }));
    const box = within(card).getByLabelText('Why does Social fairness matter to you?');
    expect(box).toHaveAttribute('maxLength', String(LIMITS.storyText));
    await userEvent.type(box, 'Nobody left behind');
    expect(within(card).getByText(`18 / ${LIMITS.storyText}`)).toBeInTheDocument();
    await userEvent.click(within(card).getByRole('button', { name: 'Send' }));

    expect(sendMock).toHaveBeenCalledWith('story:add', { valueId: w.fairness, text: 'Nobody left behind', storyId: expect.stringMatching(CLIENT_ID) });
    expect(within(card).getByText('Nobody left behind')).toBeInTheDocument();
    expect(within(card).getByText('Sending…')).toBeInTheDocument();
    await act(async () => resolveAck({ ok: true, data: { storyId: 'x' } }));
    expect(within(card).getByText('Sent')).toBeInTheDocument();
    // The next self view settles it: from then on the story is part of the workshop's own list.
    const { settleDelivered } = await import('../../net/outbox.js');
    act(() => settleDelivered());
    expect(within(card).queryByText('Sent')).not.toBeInTheDocument();
  });

  it('disables endorsing your own story and sends an endorsement for another', async () => {
    const w = exploreWorkshop();
    joinedAs(w, 'anna');
    render(<ParticipantPage code={CODE} />);
    const card = screen.getByRole('article', { name: 'Affordability' });
    await userEvent.click(within(card).getByRole('button', { name: 'Read stories' }));

    const own = within(card).getByRole('button', { name: /my energy bill doubled/i });
    expect(own).toBeDisabled();
    expect(within(card).getByText('Your story')).toBeInTheDocument();
    const other = within(card).getByRole('button', { name: /pensioners on our street/i });
    expect(other).toBeEnabled();
    await userEvent.click(other);
    expect(sendMock).toHaveBeenCalledWith('story:endorse', { storyId: w.s2 });
  });

  it('disables endorsing a story this participant already endorsed', async () => {
    const w = exploreWorkshop();
    joinedAs(w, 'bob');
    render(<ParticipantPage code={CODE} />);
    const card = screen.getByRole('article', { name: 'Affordability' });
    await userEvent.click(within(card).getByRole('button', { name: 'Read stories' }));
    expect(within(card).getByRole('button', { name: /my energy bill doubled/i })).toBeDisabled();
    expect(within(card).getByText('✓ Recognised')).toBeInTheDocument();
  });

  it('offers a proposal form only when the rules allow it', async () => {
    const w = exploreWorkshop({ allowProposals: false });
    joinedAs(w, 'anna');
    render(<ParticipantPage code={CODE} />);
    expect(screen.queryByRole('button', { name: /propose a value/i })).not.toBeInTheDocument();

    w.h.must('settings:update', { allowProposals: true }, { role: 'host' });
    act(() => useStore.getState().receivePublic(w.pub()));
    await userEvent.click(screen.getByRole('button', { name: /propose a value/i }));
    expect(screen.getByLabelText('Name of the value')).toHaveAttribute('maxLength', String(LIMITS.valueTitle));
    expect(screen.getByLabelText('What do you mean by it?')).toHaveAttribute('maxLength', String(LIMITS.valueDescription));
    await userEvent.type(screen.getByLabelText('Name of the value'), 'Quiet streets');
    await userEvent.click(screen.getByRole('button', { name: 'Propose' }));
    expect(sendMock).toHaveBeenCalledWith('value:propose', { title: 'Quiet streets', description: '', valueId: expect.stringMatching(CLIENT_ID) });
  });

  it('announces values that appear while the phone is open', () => {
    const w = exploreWorkshop();
    joinedAs(w, 'anna');
    render(<ParticipantPage code={CODE} />);
    w.h.must('value:propose', { title: 'Quiet streets', description: '' }, w.bob);
    act(() => useStore.getState().receivePublic(w.pub()));
    expect(screen.getByTestId('new-values')).toHaveTextContent('New value: Quiet streets');
  });
});

describe('participant: offline', () => {
  it('shows the offline banner, keeps a story while offline and sends it when the connection returns', async () => {
    const w = exploreWorkshop();
    useStore.getState().receivePublic(w.pub());
    useStore.getState().setParticipantToken('tok');
    useStore.getState().receiveSelf(w.self(w.anna));
    render(<ParticipantPage code={CODE} />);
    expect(screen.getByRole('status')).toBeEmptyDOMElement();

    act(() => useStore.getState().setStatus('offline'));
    expect(screen.getByRole('status')).toHaveTextContent("You're offline — what you enter is sent when the connection returns.");

    const card = screen.getByRole('article', { name: 'Comfort' });
    await userEvent.click(within(card).getByRole('button', { name: 'Add my story' }));
    await userEvent.type(within(card).getByRole('textbox'), 'Warm feet');
    await userEvent.click(within(card).getByRole('button', { name: 'Send' }));
    expect(sendMock).not.toHaveBeenCalled();
    expect(within(card).getByText('Waiting for connection')).toBeInTheDocument();
    expect(localStorage.getItem(`raakvlak.outbox.${CODE}`)).toContain('Warm feet');

    // Reconnected: the socket layer receives a fresh self view and flushes the outbox.
    const { flushOutbox } = await import('../../net/outbox.js');
    const { settleDelivered } = await import('../../net/outbox.js');
    await act(async () => {
      useStore.getState().setStatus('online');
      await flushOutbox();
      settleDelivered();
    });
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    expect(sendMock).toHaveBeenCalledWith('story:add', { valueId: w.h.state.valueOrder[3], text: 'Warm feet', storyId: expect.stringMatching(CLIENT_ID) });
    expect(within(card).queryByText('Warm feet')).not.toBeInTheDocument();
  });
});
