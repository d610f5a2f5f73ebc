import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { send } from '../../net/send.js';
import { useStore } from '../../store/index.js';
import { CODE, connectStore } from '../../test/fixtures.js';
import { onlineScenario } from '../console/online/onlineFixture.js';
import { ParticipantPage } from './ParticipantPage.js';

vi.mock('../../net/send.js', () => ({ send: vi.fn() }));
vi.mock('../../net/socket.js', () => ({ connectWorkshop: vi.fn(() => () => {}), setParticipantToken: vi.fn(), activeSocket: () => null }));

beforeEach(() => {
  vi.mocked(send).mockReset();
  vi.mocked(send).mockResolvedValue({ ok: true, data: {} } as never);
  connectStore();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('phone: steps open online', () => {
  it('lists the open steps with whether this phone answered, opens one and goes back, and closes the list at the deadline', () => {
    const w = onlineScenario();
    const newcomer = w.h.join(1);
    // Ten minutes before the deadline.
    vi.useFakeTimers({ now: w.until - 10 * 60_000, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    act(() => {
      useStore.getState().receivePhone(w.phone());
      useStore.getState().receiveSelf(w.self(newcomer));
    });
    render(<ParticipantPage code={CODE} />);

    expect(screen.getByRole('heading', { level: 1, name: 'Still open online' })).toBeInTheDocument();
    // until = the harness's start + 1 min + 3 days: 1_700_000_060_000 + 259_200_000 ms.
    const date = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }).format(new Date(1_700_259_260_000));
    expect(screen.getByText(`You can still answer these steps until ${date}.`)).toBeInTheDocument();
    // One step open online (the rank); explore and the other steps are not.
    const step = screen.getByRole('button', { name: /Rank/ });
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
    expect(step).toHaveTextContent('Not answered yet');

    fireEvent.click(step);
    // The rank's own phone step, taking answers although the evening closed it.
    expect(screen.getByRole('heading', { level: 1, name: 'Put the values in order of importance.' })).toBeInTheDocument();
    expect(screen.queryByText('This step is closed.')).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '← Back to the list' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Still open online' })).toBeInTheDocument();

    // The deadline passes: the list goes without a message from the server, the closed step is back.
    act(() => {
      vi.advanceTimersByTime(10 * 60_000 + 1);
    });
    expect(screen.queryByRole('heading', { name: 'Still open online' })).not.toBeInTheDocument();
    expect(screen.getByText('This step is closed.')).toBeInTheDocument();
  });

  it('marks a step this phone answered online', () => {
    const w = onlineScenario();
    vi.useFakeTimers({ now: w.until - 60 * 60_000, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    act(() => {
      useStore.getState().receivePhone(w.phone());
      useStore.getState().receiveSelf(w.self(w.late[0]));
    });
    render(<ParticipantPage code={CODE} />);
    expect(screen.getByRole('button', { name: /Rank/ })).toHaveTextContent('✓ Answered — you can still change it');
  });

  it('shows the evening as before when nothing is open online', () => {
    const w = onlineScenario();
    // After the deadline.
    vi.useFakeTimers({ now: w.until, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    act(() => {
      useStore.getState().receivePhone(w.phone());
      useStore.getState().receiveSelf(w.self(w.late[0]));
    });
    render(<ParticipantPage code={CODE} />);
    expect(screen.queryByRole('heading', { name: 'Still open online' })).not.toBeInTheDocument();
  });
});
