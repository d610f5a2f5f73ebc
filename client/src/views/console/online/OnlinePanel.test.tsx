import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { send } from '../../../net/send.js';
import { useStore } from '../../../store/index.js';
import { connectStore } from '../../../test/fixtures.js';
import { rankScenario } from '../../../test/voteFixtures.js';
import { DAY_MS, onlineScenario } from './onlineFixture.js';
import { fromLocalInput, OnlinePanel, toLocalInput } from './OnlinePanel.js';

vi.mock('../../../net/send.js', () => ({ send: vi.fn() }));
const sendMock = vi.mocked(send);

beforeEach(() => {
  sendMock.mockReset();
  sendMock.mockResolvedValue({ ok: true, data: {} } as never);
  connectStore();
});

function load(w: { pub: () => unknown; host: () => unknown }) {
  act(() => {
    useStore.getState().receivePublic(w.pub() as never);
    useStore.getState().receiveHost(w.host() as never);
  });
}

describe('console: keep open online', () => {
  it('sends online:open with the chosen steps and deadline, after saying it ends the live session', () => {
    const w = rankScenario({ reveal: true });
    load(w);
    render(<OnlinePanel />);
    fireEvent.click(screen.getByRole('button', { name: 'Keep open online…' }));
    const dialog = screen.getByRole('dialog', { name: 'Keep open online' });
    // Only the kinds that take answers: the template's explore step is not offered.
    const boxes = within(dialog).getAllByRole('checkbox');
    const steps = w.host().activities.filter((a) => a.kind !== 'explore');
    expect(boxes).toHaveLength(steps.length);
    expect(within(dialog).queryByText('Explore')).not.toBeInTheDocument();
    // The template's agenda without explore: dots, rank, rank, scan, options. The rank that ran
    // this evening (the first, which rankScenario paused) is picked; the steps not started are not.
    expect(boxes.map((b) => (b as HTMLInputElement).checked)).toEqual([false, true, false, false, false]);
    expect(boxes[1]).toHaveAccessibleName(/^Rank Put the values in order of importance\. Paused$/);
    expect(dialog).toHaveTextContent('This ends the live session: every answer from now on counts as online');

    const deadline = toLocalInput(Date.now() + 2 * DAY_MS);
    fireEvent.change(within(dialog).getByLabelText('Open until'), { target: { value: deadline } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'End the live session and open online' }));
    expect(sendMock).toHaveBeenCalledTimes(1);
    const [name, payload] = sendMock.mock.calls[0] as [string, { activityIds: string[]; until: number }];
    expect(name).toBe('online:open');
    expect(payload.activityIds).toEqual([w.activityId]);
    expect(payload.until).toBe(fromLocalInput(deadline));
    // The input holds minutes: two days from now, rounded down to the minute.
    expect(Date.now() + 2 * DAY_MS - payload.until).toBeGreaterThanOrEqual(0);
    expect(Date.now() + 2 * DAY_MS - payload.until).toBeLessThan(60_000);
  });

  it('refuses a deadline under an hour or over 60 days away, and no step at all', () => {
    const w = rankScenario({ reveal: true });
    load(w);
    render(<OnlinePanel />);
    fireEvent.click(screen.getByRole('button', { name: 'Keep open online…' }));
    const dialog = screen.getByRole('dialog');
    const input = within(dialog).getByLabelText('Open until');
    const submit = within(dialog).getByRole('button', { name: 'End the live session and open online' });

    fireEvent.change(input, { target: { value: toLocalInput(Date.now() + 30 * 60_000) } });
    fireEvent.click(submit);
    expect(within(dialog).getByRole('alert')).toHaveTextContent(/^Pick a time between .+ and .+\.$/);
    expect(input).toHaveAttribute('aria-invalid', 'true');

    fireEvent.change(input, { target: { value: toLocalInput(Date.now() + 61 * DAY_MS) } });
    fireEvent.click(submit);
    expect(within(dialog).getByRole('alert')).toHaveTextContent(/^Pick a time between/);

    fireEvent.change(input, { target: { value: toLocalInput(Date.now() + 3 * DAY_MS) } });
    fireEvent.click(within(dialog).getAllByRole('checkbox')[1] as HTMLElement);
    fireEvent.click(submit);
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Pick at least one step.');
    expect(sendMock).not.toHaveBeenCalled();
  });

  it('says until when which steps are open, changes the window and closes it now', () => {
    const w = onlineScenario();
    load(w);
    render(<OnlinePanel />);
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('The live session ended at');
    expect(status).toHaveTextContent('Open online until');
    expect(within(status).getByRole('listitem')).toHaveTextContent('Rank: Put the values in order of importance.');

    fireEvent.click(screen.getByRole('button', { name: 'Close online now' }));
    expect(sendMock).toHaveBeenLastCalledWith('online:close', {});

    fireEvent.click(screen.getByRole('button', { name: 'Change…' }));
    const dialog = screen.getByRole('dialog');
    // The window's deadline and steps; the live session already ended, so no warning about ending it.
    expect(within(dialog).getByLabelText('Open until')).toHaveValue(toLocalInput(w.until));
    expect(within(dialog).getAllByRole('checkbox').map((b) => (b as HTMLInputElement).checked)).toEqual([false, true, false, false, false]);
    expect(dialog).not.toHaveTextContent('This ends the live session');
    expect(within(dialog).getByRole('button', { name: 'Save' })).toBeInTheDocument();
  });
});
