import { act, cleanup, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DomainHarness, HOST } from '../../../../../shared/domain/testing.js';
import { ACTIVITY_ACTIONS } from '../../../../../shared/domain/permissions.js';
import { commandSchemas, decide, hostView, publicView, type ActivityAction, type ActivityKind, type ActivityStatus, type WorkshopState } from '../../../../../shared/index.js';
import { i18n } from '../../../i18n/index.js';
import { send } from '../../../net/send.js';
import { useStore } from '../../../store/index.js';
import { connectStore } from '../../../test/fixtures.js';
import { isVoteActivity } from '../../board/results/voteText.js';
import { panelActionsFor } from '../results/VotePanel.js';
import { AgendaItem, type DragHandlers } from './AgendaItem.js';
import { RunBar } from './RunBar.js';

vi.mock('../../../net/send.js', () => ({ send: vi.fn() }));

beforeEach(() => {
  vi.mocked(send).mockReset();
  connectStore();
});

const KINDS: ActivityKind[] = ['explore', 'dots', 'rank', 'points', 'scan'];
const STATUSES: ActivityStatus[] = ['pending', 'open', 'locked', 'closed'];
const noDrag: DragHandlers = { onDragStart: () => {}, onDragOver: () => {}, onDrop: () => {}, onDragEnd: () => {} };

/** The button text of each action, as the console writes it (English). */
const label = (action: ActivityAction) => i18n.t(`console.agenda.actions.${action}`, { lng: 'en' });
const byLabel = new Map(ACTIVITY_ACTIONS.map((a) => [label(a), a]));

function workshop() {
  const h = new DomainHarness({ title: 'x', language: 'en' });
  h.must('agenda:add', { kind: 'points' }, HOST);
  const ids = Object.fromEntries(KINDS.map((k) => [k, h.state.activities.find((a) => a.kind === k)?.id as string])) as Record<ActivityKind, string>;
  return { h, ids };
}

function put(state: WorkshopState, activityId: string, status: ActivityStatus, revealed: boolean, current: boolean): WorkshopState {
  return { ...state, currentActivityId: current ? activityId : null, activities: state.activities.map((a) => (a.id === activityId ? { ...a, status, revealed } : a)) };
}

/** What decide() does with the action: accepted means it records something. */
function accepts(state: WorkshopState, activityId: string, action: ActivityAction): boolean {
  const payload = commandSchemas['activity:control'].parse({ activityId, action });
  const r = decide(state, { type: 'activity:control', payload }, HOST, { now: 1, newId: () => 'n1' });
  return r.ok && r.value.length > 0;
}

/** Every activity state: each kind × status × revealed × current or not. */
function* everyState() {
  const { h, ids } = workshop();
  for (const kind of KINDS)
    for (const status of STATUSES)
      for (const revealed of [false, true])
        for (const current of [false, true]) yield { kind, status, revealed, current, id: ids[kind], state: put(h.state, ids[kind], status, revealed, current) };
}

function expectMatchesDecide(where: string, s: WorkshopState, id: string, offered: ActivityAction[], among: readonly ActivityAction[]) {
  for (const action of among) expect(`${where} ${action}: ${accepts(s, id, action)}`).toBe(`${where} ${action}: ${offered.includes(action)}`);
}

describe('console actions against decide()', () => {
  it('the agenda offers, in every activity state, exactly the actions decide() accepts', () => {
    let walked = 0;
    for (const { kind, status, revealed, current, id, state } of everyState()) {
      const activity = publicView(state).activities.find((a) => a.id === id);
      if (!activity) throw new Error('missing activity');
      render(<AgendaItem activity={activity} index={0} count={1} isCurrent={current} answers={0} dropHint={null} dragging={false} drag={noDrag} onMove={() => {}} />);
      const buttons = within(document.querySelector('.agenda-actions') as HTMLElement).queryAllByRole('button');
      const offered = buttons.map((b) => byLabel.get(b.textContent ?? '') as ActivityAction);
      expect(offered.every((a) => a !== undefined)).toBe(true);
      expectMatchesDecide(`${kind} ${status} revealed=${revealed} current=${current}`, state, id, offered, ACTIVITY_ACTIONS);
      cleanup();
      walked += 1;
    }
    expect(walked).toBe(80);
  });

  it('the run bar offers reveal or hide for the current step exactly when decide() accepts it', () => {
    for (const { kind, status, revealed, current, id, state } of everyState()) {
      if (!current) continue;
      act(() => useStore.getState().receivePublic(publicView(state)));
      render(<RunBar />);
      const nav = document.querySelector('.run-nav') as HTMLElement;
      const offered = ACTIVITY_ACTIONS.filter((a) => within(nav).queryByRole('button', { name: new RegExp(`^${label(a)}:`) }) !== null);
      expectMatchesDecide(`run bar: ${kind} ${status} revealed=${revealed}`, state, id, offered, ['reveal', 'hide']);
      cleanup();
    }
  });

  it('the vote panel offers lock, unlock, reveal and hide exactly when decide() accepts them', () => {
    for (const { kind, status, revealed, current, id, state } of everyState()) {
      const host = hostView(state);
      const activity = host.activities.find((a) => a.id === id);
      if (!isVoteActivity(activity)) continue;
      expectMatchesDecide(`vote panel: ${kind} ${status} revealed=${revealed} current=${current}`, state, id, panelActionsFor(activity, host.currentActivityId), ['lock', 'unlock', 'reveal', 'hide']);
    }
  });

  it('offers, by hand: a locked current vote can be resumed, closed or revealed; a pending one only opened', () => {
    const { h, ids } = workshop();
    const offeredFor = (s: WorkshopState, id: string, current: boolean) => {
      const activity = publicView(s).activities.find((a) => a.id === id);
      if (!activity) throw new Error('missing activity');
      render(<AgendaItem activity={activity} index={0} count={1} isCurrent={current} answers={0} dropHint={null} dragging={false} drag={noDrag} onMove={() => {}} />);
      const names = within(document.querySelector('.agenda-actions') as HTMLElement).queryAllByRole('button').map((b) => b.textContent);
      cleanup();
      return names;
    };
    expect(offeredFor(put(h.state, ids.rank, 'locked', false, true), ids.rank, true)).toEqual(['Resume', 'Close', 'Reveal results']);
    expect(offeredFor(put(h.state, ids.dots, 'pending', false, false), ids.dots, false)).toEqual(['Open']);
    expect(offeredFor(put(h.state, ids.explore, 'open', false, true), ids.explore, true)).toEqual(['Pause', 'Close']);
    expect(screen.queryByRole('button')).toBeNull();
  });
});
