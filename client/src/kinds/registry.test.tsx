import { act, render, screen } from '@testing-library/react';
import type { ComponentType } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DomainHarness, HOST } from '../../../shared/domain/testing.js';
import { ACTIVITY_KINDS, exportWorkshop, hostView, publicView, type ActivityKind } from '../../../shared/index.js';
import { useStore } from '../store/index.js';
import { CODE, connectStore } from '../test/fixtures.js';
import { BoardPage } from '../views/board/BoardPage.js';
import { ConsolePage } from '../views/console/ConsolePage.js';
import { ActivityDialog } from '../views/console/agenda/ActivityDialog.js';
import { KindIcon } from '../views/console/agenda/KindIcon.js';
import { PhoneActivity } from '../views/participant/PhoneActivity.js';
import { ReportDocument } from '../views/report/ReportDocument.js';
import { CLIENT_KINDS } from './index.js';
import { PHONE_PARTS } from './phoneParts.js';
import type { SettingsProps, StepProps } from './types.js';

vi.mock('../net/send.js', () => ({ send: vi.fn(async () => ({ ok: true, data: {} })) }));
vi.mock('../net/socket.js', () => ({ connectWorkshop: vi.fn(() => () => {}), setParticipantToken: vi.fn(), activeSocket: () => null }));

/** What each kind registers (kinds/<kind>/index.ts): which parts it truly has none of. */
const EXPECTED: Record<ActivityKind, { answers: boolean; console: boolean; report: boolean; settings: boolean }> = {
  explore: { answers: false, console: false, report: false, settings: false },
  dots: { answers: true, console: true, report: true, settings: true },
  rank: { answers: true, console: true, report: true, settings: true },
  points: { answers: true, console: true, report: true, settings: true },
  scan: { answers: true, console: false, report: true, settings: true },
  options: { answers: true, console: true, report: true, settings: true },
};

const isComponent = (c: unknown): c is ComponentType => typeof c === 'function';

describe('the client kinds table', () => {
  it('has every kind, each with every part (a part it has none of is null, never left out)', () => {
    expect(Object.keys(CLIENT_KINDS).sort()).toEqual([...ACTIVITY_KINDS].sort());
    for (const kind of ACTIVITY_KINDS) {
      const k = CLIENT_KINDS[kind];
      const want = EXPECTED[kind];
      expect(k.kind, kind).toBe(kind);
      expect(isComponent(k.Icon), `${kind} icon`).toBe(true);
      expect(isComponent(k.phone.Step), `${kind} phone`).toBe(true);
      expect(['step', 'closed'], `${kind} phone after close`).toContain(k.phone.afterClose);
      expect(isComponent(k.board.View), `${kind} board`).toBe(true);
      expect(typeof k.board.revealedAfterClose, `${kind} board after close`).toBe('boolean');
      expect(k.answers, `${kind} answers`).toBe(want.answers);
      expect(k.Console === null ? false : isComponent(k.Console), `${kind} console`).toBe(want.console);
      expect(k.report === null ? false : isComponent(k.report.Section) && typeof k.report.hasResults === 'function', `${kind} report`).toBe(want.report);
      expect(k.Settings === null ? false : isComponent(k.Settings), `${kind} settings`).toBe(want.settings);
      // The phone's own table (what the participant route loads) holds the very same part.
      expect(PHONE_PARTS[kind], `${kind} phone table`).toBe(k.phone);
      // Results stay on the board after closing for every kind that has results to reveal.
      expect(k.board.revealedAfterClose, `${kind} revealed after close`).toBe(want.report);
    }
  });

  it('draws a different pictogram per kind', () => {
    const drawn = ACTIVITY_KINDS.map((kind) => {
      const { container } = render(<KindIcon kind={kind} />);
      const svg = container.querySelector('svg');
      expect(svg, kind).toHaveAttribute('aria-hidden', 'true');
      const inner = svg?.innerHTML ?? '';
      container.remove();
      return inner;
    });
    expect(new Set(drawn).size).toBe(ACTIVITY_KINDS.length);
  });
});

/** A workshop whose current step is of `kind` (added to the agenda when the template has none), opened. */
function roomWith(kind: ActivityKind) {
  const h = new DomainHarness({ title: 'Northside heat plan', language: 'en' });
  h.join(0);
  if (!h.state.activities.some((a) => a.kind === kind)) h.must('agenda:add', { kind }, HOST);
  const activity = h.state.activities.find((a) => a.kind === kind);
  if (!activity) throw new Error(`no ${kind} step`);
  if (kind === 'options' && activity.config.options.length === 0) {
    const option = (id: string, title: string) => ({ id, text: { nl: { title, description: '' }, en: { title, description: '' } } });
    h.must('activity:configure', { activityId: activity.id, options: [option('o1', 'Heat network'), option('o2', 'Heat pump')] }, HOST);
  }
  h.must('agenda:goto', { activityId: activity.id }, HOST);
  act(() => {
    useStore.getState().receivePublic(publicView(h.state));
    useStore.getState().receiveHost(hostView(h.state));
  });
  const pub = publicView(h.state);
  const current = pub.activities.find((a) => a.id === activity.id);
  if (!current) throw new Error('not in the public view');
  return { h, activity: current };
}

/** A stand-in that says which kind's part rendered it, and for which step. */
function probe(part: string) {
  return function Probe({ activity }: StepProps | SettingsProps) {
    return <p data-testid="probe">{`${part}:${activity.kind}:${activity.id}`}</p>;
  };
}

describe('each screen renders the part its kind registered', () => {
  const originals: (() => void)[] = [];
  /** Swaps a part of the table for the test's duration. */
  function swap<T extends object, K extends keyof T>(obj: T, key: K, value: T[K]) {
    const before = obj[key];
    obj[key] = value;
    originals.push(() => {
      obj[key] = before;
    });
  }
  beforeEach(() => connectStore());
  afterEach(() => {
    while (originals.length > 0) originals.pop()?.();
  });

  it.each(ACTIVITY_KINDS)('%s: the phone, the board, the console and the step dialog', (kind) => {
    const { activity } = roomWith(kind);
    const k = CLIENT_KINDS[kind];
    swap(k.phone, 'Step', probe('phone'));
    swap(k.board, 'View', probe('board'));
    if (k.Console) swap(k, 'Console', probe('console'));
    if (k.Settings) swap(k, 'Settings', probe('settings'));

    const phone = render(<PhoneActivity />);
    expect(screen.getByTestId('probe')).toHaveTextContent(`phone:${kind}:${activity.id}`);
    phone.unmount();

    const board = render(<BoardPage code={CODE} />);
    expect(screen.getByTestId('probe')).toHaveTextContent(`board:${kind}:${activity.id}`);
    board.unmount();

    window.location.hash = '#host-token';
    const console = render(<ConsolePage code={CODE} />);
    if (k.Console) expect(screen.getByTestId('probe')).toHaveTextContent(`console:${kind}:${activity.id}`);
    else expect(screen.queryByTestId('probe')).not.toBeInTheDocument();
    console.unmount();
    window.location.hash = '';

    const dialog = render(<ActivityDialog activity={activity} index={0} onClose={() => {}} />);
    if (k.Settings) expect(screen.getByTestId('probe')).toHaveTextContent(`settings:${kind}:${activity.id}`);
    else expect(screen.queryByTestId('probe')).not.toBeInTheDocument();
    dialog.unmount();
  });

  it('a closed explore shows "closed" on the phone; a closed scan keeps its own screen', () => {
    const explore = roomWith('explore');
    swap(CLIENT_KINDS.explore.phone, 'Step', probe('phone'));
    explore.h.must('activity:control', { activityId: explore.activity.id, action: 'close' }, HOST);
    act(() => useStore.getState().receivePublic(publicView(explore.h.state)));
    const first = render(<PhoneActivity />);
    expect(screen.queryByTestId('probe')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Thank you!' })).toBeInTheDocument();
    first.unmount();

    const scan = roomWith('scan');
    swap(CLIENT_KINDS.scan.phone, 'Step', probe('phone'));
    scan.h.must('activity:control', { activityId: scan.activity.id, action: 'close' }, HOST);
    act(() => useStore.getState().receivePublic(publicView(scan.h.state)));
    render(<PhoneActivity />);
    expect(screen.getByTestId('probe')).toHaveTextContent(`phone:scan:${scan.activity.id}`);
  });

  it('the report prints each step with results through its kind’s section, and “no results” without answers', () => {
    const { h } = roomWith('scan');
    const doc = exportWorkshop(h.state, Date.now());
    const sections: string[] = [];
    for (const kind of ACTIVITY_KINDS) {
      const part = CLIENT_KINDS[kind].report;
      if (!part) continue;
      swap(part, 'Section', ({ activity }) => {
        sections.push(`${kind}:${activity.id}`);
        return <p>{`report:${kind}`}</p>;
      });
      // Every step counts as having results, so each section must render through the table.
      swap(part, 'hasResults', () => true);
    }
    render(<ReportDocument doc={doc} lang="en" />);
    const expected = doc.activities.filter((a) => a.kind !== 'explore').map((a) => `${a.kind}:${a.id}`);
    expect(expected.length).toBeGreaterThan(0);
    expect(sections).toEqual(expected);
  });
});
