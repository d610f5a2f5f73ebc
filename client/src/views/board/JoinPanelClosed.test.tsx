import { act, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HOST } from '../../../../shared/domain/testing.js';
import { useStore } from '../../store/index.js';
import { CODE, connectStore, exploreWorkshop } from '../../test/fixtures.js';
import { BoardPage } from './BoardPage.js';

vi.mock('../../net/send.js', () => ({ send: vi.fn() }));
vi.mock('../../net/socket.js', () => ({ connectWorkshop: vi.fn(() => () => {}), setParticipantToken: vi.fn(), activeSocket: () => null }));

beforeEach(() => connectStore());

describe('board: joining is closed', () => {
  it('shows that joining is closed instead of the code and the QR, and invites again once it opens', () => {
    const w = exploreWorkshop({ open: false });
    w.h.must('settings:update', { joiningOpen: false }, HOST);
    act(() => useStore.getState().receivePublic(w.pub()));
    render(<BoardPage code={CODE} />);
    expect(screen.getByText('Joining is closed')).toBeInTheDocument();
    expect(screen.getByText('The facilitator is not letting new phones in right now.')).toBeInTheDocument();
    expect(screen.queryByText('ABC DEF')).not.toBeInTheDocument();
    expect(screen.queryByRole('img', { name: /QR code/ })).not.toBeInTheDocument();

    w.h.must('settings:update', { joiningOpen: true }, HOST);
    act(() => useStore.getState().receivePublic(w.pub()));
    expect(screen.queryByText('Joining is closed')).not.toBeInTheDocument();
    expect(screen.getByText('ABC DEF')).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /QR code/ })).toBeInTheDocument();
  });
});
