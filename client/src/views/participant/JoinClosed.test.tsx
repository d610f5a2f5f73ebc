import { act, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HOST } from '../../../../shared/domain/testing.js';
import { capsWith, directParts, publicView } from '../../../../shared/index.js';
import { send } from '../../net/send.js';
import { useStore } from '../../store/index.js';
import { CODE, connectStore, exploreWorkshop } from '../../test/fixtures.js';
import { ParticipantPage } from './ParticipantPage.js';

vi.mock('../../net/send.js', () => ({ send: vi.fn() }));
vi.mock('../../net/socket.js', () => ({ connectWorkshop: vi.fn(() => () => {}), setParticipantToken: vi.fn(), activeSocket: () => null }));

beforeEach(() => {
  vi.mocked(send).mockReset();
  connectStore();
});

describe('participant: joining is closed', () => {
  it('tells a new phone joining is closed and why, and shows the join form once it opens, live', () => {
    const w = exploreWorkshop({ open: false });
    w.h.must('settings:update', { joiningOpen: false }, HOST);
    act(() => useStore.getState().receivePublic(w.pub()));
    render(<ParticipantPage code={CODE} />);
    expect(screen.getByRole('heading', { level: 1, name: 'Joining is closed' })).toBeInTheDocument();
    expect(screen.getByText(/The facilitator is not letting new phones in right now\. .*This screen opens by itself/)).toBeInTheDocument();
    expect(screen.getAllByRole('status').map((el) => el.textContent)).toContain('Joining is closed');
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Join' })).not.toBeInTheDocument();

    w.h.must('settings:update', { joiningOpen: true }, HOST);
    act(() => useStore.getState().receivePublic(w.pub()));
    expect(screen.queryByRole('heading', { name: 'Joining is closed' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Join' })).toBeInTheDocument();
    expect(screen.getAllByRole('radio')).toHaveLength(w.pub().groups.length);
    // Someone who heard "closed" hears that it opened.
    const heading = screen.getByRole('heading', { level: 1 }).textContent;
    expect(heading).not.toBe('Joining is closed');
    expect(screen.getAllByRole('status').map((el) => el.textContent)).toContain(heading);
  });

  it('says the story cap is reached instead of offering "add my story"', () => {
    const w = exploreWorkshop();
    // Anna told one story; this server lets one person tell one.
    const view = publicView(w.h.state, directParts(w.h.state, capsWith({ storiesPerParticipant: 1 })));
    act(() => {
      useStore.getState().receivePublic(view);
      useStore.getState().becomeParticipant('tok', { id: w.anna.participantId, name: null, groupId: w.h.state.groups[0]!.id });
      useStore.getState().receiveSelf(w.self(w.anna));
    });
    render(<ParticipantPage code={CODE} />);
    expect(screen.getByText('You have told 1 story, the most one person can tell in this workshop.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /add my story/i })).not.toBeInTheDocument();
    // Bob, who told one too, under the default cap of 50 still can.
    act(() => {
      useStore.getState().receivePublic(w.pub());
      useStore.getState().receiveSelf(w.self(w.bob));
    });
    expect(screen.getAllByRole('button', { name: 'Add my story' })).toHaveLength(w.h.state.valueOrder.length);
    expect(screen.queryByText(/You have told/)).not.toBeInTheDocument();
  });
});
