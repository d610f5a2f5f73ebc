import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DomainHarness, HOST } from '../../../../shared/domain/testing.js';
import { hostView, publicView } from '../../../../shared/index.js';
import { send } from '../../net/send.js';
import { useStore } from '../../store/index.js';
import { CODE, connectStore } from '../../test/fixtures.js';
import { ParticipationPanel } from './ParticipationPanel.js';

vi.mock('../../net/send.js', () => ({ send: vi.fn() }));
vi.mock('../../net/socket.js', () => ({ connectWorkshop: vi.fn(() => () => {}), setParticipantToken: vi.fn(), activeSocket: () => null }));
const sendMock = vi.mocked(send);

// 20:00 local time, whatever the machine's time zone: the panel shows local clock times.
const T0 = new Date(2026, 11, 1, 20, 0, 0).getTime();

/** 4 phones at 20:00, a dots vote opened at 20:02, then 20 phones at 20:02:30: a burst. */
function burstRoom() {
  const h = new DomainHarness({ title: 'Zuid', template: 'heat-transition', language: 'en' });
  h.now = T0;
  for (let i = 0; i < 4; i++) h.join();
  h.now = T0 + 120_000;
  h.openFirst('dots');
  h.now = T0 + 150_000;
  for (let i = 0; i < 20; i++) h.join();
  return h;
}

function load(h: DomainHarness, joinsRefused = 0) {
  act(() => {
    useStore.getState().receivePublic(publicView(h.state));
    useStore.getState().receiveHost(hostView(h.state));
    useStore.getState().receivePresence({ connected: 24, byGroup: {}, joinsRefused });
  });
}

beforeEach(() => {
  sendMock.mockReset();
  sendMock.mockResolvedValue({ ok: true, data: {} } as never);
  connectStore(CODE);
});

describe('console: the doors', () => {
  it('shows joins per minute as a table, the burst warning, and refused joins', () => {
    const h = burstRoom();
    render(<ParticipationPanel />);
    load(h, 7);
    const chart = screen.getByRole('table', { name: 'Joins per minute' });
    const rows = within(chart).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell').slice(0, 2).map((c) => c.textContent))).toEqual([
      ['4', '0'],
      ['20', '0'],
    ]);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['20:00', '20:02']);
    const warning = screen.getByRole('alert');
    expect(warning).toHaveTextContent('Many new phones during the vote');
    expect(warning).toHaveTextContent('20 phones joined between 20:02:00 and 20:02:30, while a vote was running; 4 were in before them.');
    expect(screen.getByText('7 attempts to join refused by the rate limit (since the workshop was loaded).')).toBeInTheDocument();
    expect(screen.getByText('New phones can join.')).toBeInTheDocument();
  });

  it('closes joining in one click from the warning, and opens it again', async () => {
    const h = burstRoom();
    render(<ParticipationPanel />);
    load(h);
    await userEvent.click(within(screen.getByRole('alert')).getByRole('button', { name: 'Close joining' }));
    expect(sendMock).toHaveBeenLastCalledWith('settings:update', { joiningOpen: false });
    h.must('settings:update', { joiningOpen: false }, HOST);
    load(h);
    expect(screen.getByText(/Joining is closed: new phones see/)).toBeInTheDocument();
    expect(within(screen.getByRole('alert')).queryByRole('button', { name: 'Close joining' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Open joining again' }));
    expect(sendMock).toHaveBeenLastCalledWith('settings:update', { joiningOpen: true });
  });

  it('removes everyone who joined from a picked minute on, after a confirm step that names how many', async () => {
    const h = burstRoom();
    render(<ParticipationPanel />);
    load(h);
    sendMock.mockResolvedValueOnce({ ok: true, data: { removed: 20 } } as never);
    await userEvent.click(screen.getByRole('button', { name: 'Remove everyone who joined from 20:02 on…' }));
    // 20 joined at 20:02:30; the 4 of 20:00 stay.
    expect(screen.getByText('This removes 20 participants who joined from 20:02 on. Their answers stop counting; their phones are told they were removed.')).toBeInTheDocument();
    expect(screen.getByLabelText('Remove everyone who joined from')).toHaveValue('20:02');
    await userEvent.click(screen.getByRole('button', { name: 'Remove 20 participants' }));
    expect(sendMock).toHaveBeenLastCalledWith('participant:removeMany', { joinedAfter: T0 + 120_000 });
    expect(useStore.getState().notice).toEqual({ tone: 'info', message: '20 participants removed.' });
  });

  it('checks a typed time, and says when nobody joined from then on', async () => {
    const h = burstRoom();
    render(<ParticipationPanel />);
    load(h);
    const field = screen.getByLabelText('Remove everyone who joined from');
    await userEvent.type(field, '20:00');
    await userEvent.click(screen.getByRole('button', { name: 'Check…' }));
    expect(screen.getByRole('button', { name: 'Remove 24 participants' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await userEvent.clear(field);
    await userEvent.type(field, '20:03');
    await userEvent.click(screen.getByRole('button', { name: 'Check…' }));
    expect(screen.getByText('Nobody still taking part joined from 20:03 on.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Remove \d+ participant/ })).not.toBeInTheDocument();
    expect(sendMock).not.toHaveBeenCalled();
  });

  it('picks the burst itself from the warning', async () => {
    const h = burstRoom();
    render(<ParticipationPanel />);
    load(h);
    await userEvent.click(screen.getByRole('button', { name: 'Remove these 20…' }));
    await userEvent.click(screen.getByRole('button', { name: 'Remove 20 participants' }));
    // Everyone who joined after the vote opened at 20:02: from one millisecond later on.
    expect(sendMock).toHaveBeenLastCalledWith('participant:removeMany', { joinedAfter: T0 + 120_001 });
  });
});
