import { act, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useStore } from '../../../store/index.js';
import { HOST } from '../../../../../shared/domain/testing.js';
import { CODE, connectStore } from '../../../test/fixtures.js';
import { rankScenario, smallGroupsScenario, voteWorkshop } from '../../../test/voteFixtures.js';
import { BoardPage } from '../BoardPage.js';
import { BOARD_PAGE_MS } from '../BoardWall.js';
import { BOARD_THROTTLE_MS } from './useThrottled.js';

vi.mock('../../../net/send.js', () => ({ send: vi.fn() }));
vi.mock('../../../net/socket.js', () => ({ connectWorkshop: vi.fn(() => () => {}), setParticipantToken: vi.fn(), activeSocket: () => null }));
vi.mock('../../../net/api.js', () => ({ getWorkshop: vi.fn(() => new Promise(() => {})), qrUrl: (code: string) => `/api/workshops/${code}/qr.svg` }));

beforeEach(() => connectStore());

function show(w: { pub: () => ReturnType<ReturnType<typeof voteWorkshop>['pub']> }) {
  useStore.getState().receivePublic(w.pub());
  render(<BoardPage code={CODE} />);
}

const TABLE = 'Priority of the values and how each group scores them';

/** The callouts beside the table turn with the board's pages. */
function turnCallouts(): void {
  act(() => vi.advanceTimersByTime(BOARD_PAGE_MS));
}

/** The value rows of the priority table (the first row holds the column headers). */
function rows(): HTMLElement[] {
  return within(screen.getByRole('table', { name: TABLE })).getAllByRole('row').slice(1);
}

function rowTitles(): string[] {
  return rows().map((r) => within(r).getByRole('rowheader').textContent ?? '');
}

function row(title: string): HTMLElement {
  const r = rows().find((x) => within(x).getByRole('rowheader').textContent === title);
  if (!r) throw new Error(`no row ${title}`);
  return r;
}

/** A row's cell under the column header with this accessible name: headers and cells line up one to one. */
function cellIn(r: HTMLElement, column: string): HTMLElement {
  const table = within(screen.getByRole('table', { name: TABLE }));
  const headers = table.getAllByRole('columnheader');
  const i = headers.indexOf(table.getByRole('columnheader', { name: column }));
  const cells = [...r.querySelectorAll<HTMLElement>('[role="cell"], [role="rowheader"]')];
  expect(cells).toHaveLength(headers.length);
  return cells[i] as HTMLElement;
}

describe('board: a vote before the reveal', () => {
  it('shows the question and only how many answered, per group — no results', () => {
    const w = rankScenario({ reveal: false });
    show(w);
    expect(screen.getByRole('heading', { level: 1, name: 'Put the values in order of importance.' })).toBeInTheDocument();
    expect(screen.getByText('answers in')).toBeInTheDocument();
    expect(screen.getByText('of 8 participants')).toBeInTheDocument();
    const residents = screen.getByText('Residents').closest('li') as HTMLElement;
    expect(residents).toHaveTextContent('4 of 4');
    const business = screen.getByText('Business').closest('li') as HTMLElement;
    expect(business).toHaveTextContent('1 of 1');
    expect(screen.getByText('Voting is paused. The result follows.')).toBeInTheDocument();
    // Nothing of the result leaks: no priority list, no value names, no agreement.
    expect(screen.queryByRole('table', { name: TABLE })).not.toBeInTheDocument();
    expect(screen.queryByText('Affordability')).not.toBeInTheDocument();
    expect(screen.queryByText(/agreement/i)).not.toBeInTheDocument();
  });

  it('counts answers live while the vote is open, with the timer once', () => {
    const w = voteWorkshop('dots', { timerSeconds: 300 }, { open: false });
    w.h.must('activity:control', { activityId: w.activityId, action: 'open' }, { role: 'host' });
    show(w);
    expect(screen.getByText('The result appears when the facilitator reveals it.')).toBeInTheDocument();
    expect(screen.getAllByRole('timer')).toHaveLength(1);
    expect(screen.getByText('0')).toHaveClass('vw-n');
    w.answer(w.me, { kind: 'dots', dots: { [w.affordability]: 2 } });
    act(() => useStore.getState().receivePublic(w.pub()));
    return waitFor(() => expect(screen.getByText('1')).toHaveClass('vw-n'));
  });
});

describe('board: the consensus board after the reveal', () => {
  it('orders the priority bars by Borda score, with score, share and the spread', () => {
    const w = rankScenario();
    show(w);
    expect(rowTitles()).toEqual(['Affordability', 'Sustainability', 'Social fairness', 'Comfort']);
    const first = row('Affordability');
    expect(first).toHaveTextContent('19 points');
    expect(first).toHaveTextContent('40%'); // 19 / (19 + 11 + 10 + 8)
    // Affordability per person: 3,3,3,3, 2,1,2, 2 → mean 2.375, quartiles 2 and 3, range 1–3.
    expect(cellIn(first, 'Priority')).toHaveTextContent('Average 2.4 per person; middle half 2 to 3; from 1 to 3');
    expect(cellIn(first, 'Score and share of the total')).toHaveTextContent('19 points40%40% of the total');
    expect(cellIn(first, 'Place')).toHaveTextContent('1');
    expect(row('Comfort')).toHaveTextContent('8 points');
  });

  it('says how much the room agrees, in words, with W and p small', () => {
    const w = rankScenario();
    show(w);
    const vote = w.pub().results[w.activityId]!.vote!;
    const card = screen.getByRole('region', { name: 'Agreement in the room' });
    const words = { none: 'No agreement', weak: 'Weak agreement', moderate: 'Moderate agreement', strong: 'Strong agreement', 'very-strong': 'Very strong agreement' };
    expect(within(card).getByText(words[vote.agreementLevel!])).toBeInTheDocument();
    expect(within(card).getByText(new RegExp(`Kendall's W = ${vote.kendallW!.w.toFixed(2)}`))).toBeInTheDocument();
    expect(within(card).getByText("Over everyone's order.")).toBeInTheDocument();
  });

  it('shows the groups lens with a cell per included group and names the excluded groups', () => {
    const w = rankScenario();
    show(w);
    const a = row('Affordability');
    // A screen reader hears each number under its group's column header, not a bare "100 56".
    expect(cellIn(a, 'Residents: score 0–100')).toHaveTextContent(/^100$/);
    expect(cellIn(a, 'Municipality: score 0–100')).toHaveTextContent(/^56$/);
    expect(cellIn(row('Sustainability'), 'Residents: score 0–100')).toHaveTextContent(/^8$/);
    // Business answered once: too few to show, and named as such.
    expect(screen.queryByRole('columnheader', { name: /Business/ })).not.toBeInTheDocument();
    expect(screen.getByText('Business: too few answers to show')).toBeInTheDocument();
    expect(screen.getByText(/^No answers from Housing association, /)).toBeInTheDocument();
  });

  it('calls out common ground with its place and every group’s supporters, and tension with the high and low group', () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
    const w = rankScenario();
    show(w);
    const common = screen.getByRole('region', { name: 'Common ground' });
    const items = within(common).getAllByRole('listitem');
    // Top 3 of 4 values; a supporter ranked it 1st or 2nd (⌈4/2⌉). Affordability: residents 4 of 4,
    // municipality 2 of 3 → at least half of each group: common ground. Social fairness: residents
    // 3 of 4 but municipality 1 of 3 → not (before, "in the top 3" counted 3 of 3 and 2 of 3 here).
    // Affordability is 1st (19 Borda points); the rule is said in words for this kind of vote.
    expect(items.map((li) => li.textContent)).toEqual(['Affordabilityplace 1 · Residents 4 of 4 · Municipality 2 of 3']);
    expect(within(common).getByText('In every group at least half put it in the upper half of their order')).toBeInTheDocument();
    // The same list the phones' summary sends: one definition (CommonGroundItem.flagged).
    const vote = w.pub().results[w.activityId]!.vote!;
    expect(vote.lens.commonGround.filter((c) => c.flagged).map((c) => c.valueId)).toEqual([w.affordability]);
    // The phones' summary of the same vote lists the same values. Tension: Sustainability
    // (municipality 3/3 − residents 1/12 = 11/12) and Affordability (1 − 5/9 = 4/9) lead both lists.
    w.h.must('summary:publish', { published: true }, HOST);
    const summary = w.pub().summary!;
    expect(summary.commonGround.map((c) => c.valueId)).toEqual([w.affordability]);
    expect(summary.tensions.slice(0, 2).map((x) => x.valueId)).toEqual([w.sustainability, w.affordability]);
    // The callouts take turns beside the table: tension is next.
    turnCallouts();
    const tension = screen.getByRole('region', { name: 'Tension' });
    expect(within(tension).getAllByRole('listitem')[0]).toHaveTextContent('SustainabilityMunicipality high (100), Residents low (8)');
    expect(within(tension).getAllByRole('listitem')[1]).toHaveTextContent('AffordabilityResidents high (100), Municipality low (56)');
    } finally {
      vi.useRealTimers();
    }
  });

  it('puts the most endorsed story beside the top value', () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const w = rankScenario();
      show(w);
      turnCallouts();
      turnCallouts();
      const stories = screen.getByRole('region', { name: 'In their words' });
      expect(within(stories).getByText('Our energy bill doubled last winter.')).toBeInTheDocument();
      expect(within(stories).getByLabelText('2 people recognise this')).toHaveTextContent('+2');
    } finally {
      vi.useRealTimers();
    }
  });

  it('lets common ground, tension and the stories take turns beside the table, and holds them with one button', () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const w = rankScenario();
      show(w);
      const shown = () => ['Common ground', 'Tension', 'In their words'].filter((name) => screen.queryByRole('region', { name }));
      expect(shown()).toEqual(['Common ground']);
      turnCallouts();
      expect(shown()).toEqual(['Tension']);
      // Four values fit one page, so the button holds the callouts alone (no page count).
      expect(screen.queryByText(/^Page \d of \d$/)).not.toBeInTheDocument();
      act(() => screen.getByRole('button', { name: 'Hold this page' }).click());
      turnCallouts();
      turnCallouts();
      expect(shown()).toEqual(['Tension']);
      act(() => screen.getByRole('button', { name: 'Turn pages' }).click());
      turnCallouts();
      expect(shown()).toEqual(['In their words']);
      turnCallouts();
      expect(shown()).toEqual(['Common ground']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows what moved since the previous round, and how W changed', () => {
    const w = rankScenario({ round2: true });
    show(w);
    // Round 2: Sustainability 18, Affordability 16, Social fairness 7, Comfort 1.
    expect(rowTitles()).toEqual(['Sustainability', 'Affordability', 'Social fairness', 'Comfort']);
    // The arrow is for the eye; a screen reader hears the words, under the column "Change since the previous round".
    const move = (title: string) => cellIn(row(title), 'Change since the previous round');
    expect(move('Sustainability')).toHaveTextContent('▲ 1Up 1 place since the previous round');
    expect(within(move('Sustainability')).getByText('▲ 1')).toHaveAttribute('aria-hidden', 'true');
    expect(move('Affordability')).toHaveTextContent('▼ 1Down 1 place since the previous round');
    expect(move('Comfort')).toHaveTextContent('=Same place as in the previous round');
    const cmp = w.pub().results[w.round2Id!]!.previousRound!.comparison;
    expect(screen.getByText(new RegExp(`Round 1: W ${cmp.wBefore!.toFixed(2)} → now ${cmp.wAfter!.toFixed(2)}`))).toBeInTheDocument();
  });

  it('redraws at most a few times a second: a burst of views is coalesced', () => {
    vi.useFakeTimers();
    try {
      const w = rankScenario();
      show(w);
      // The facilitator hides the result, then reveals it again, within one throttle window.
      w.control('hide');
      act(() => useStore.getState().receivePublic(w.pub()));
      expect(screen.getByRole('table', { name: TABLE })).toBeInTheDocument();
      w.control('reveal');
      act(() => useStore.getState().receivePublic(w.pub()));
      act(() => vi.advanceTimersByTime(BOARD_THROTTLE_MS));
      expect(screen.getByRole('table', { name: TABLE })).toBeInTheDocument();
      w.control('hide');
      act(() => useStore.getState().receivePublic(w.pub()));
      act(() => vi.advanceTimersByTime(BOARD_THROTTLE_MS));
      expect(screen.queryByRole('table', { name: TABLE })).not.toBeInTheDocument();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('board: a small workshop whose groups are all below the smallest group', () => {
  it('says why the groups lens is empty and which smallest group would show it', () => {
    const w = smallGroupsScenario();
    show(w);
    // Two answers in each of three groups; the default smallest group is 3.
    expect(w.pub().settings.minGroupSize).toBe(3);
    expect(screen.getAllByText('No group has enough answers yet').length).toBeGreaterThan(0);
    expect(screen.getByText('A group is shown from 3 answers. At 2 answers per group, the groups could be compared.')).toBeInTheDocument();
    expect(screen.queryByRole('columnheader', { name: /score 0–100/ })).not.toBeInTheDocument();
    // The board only says it; the button is the facilitator's.
    expect(screen.queryByRole('button', { name: /Show groups from/ })).not.toBeInTheDocument();
  });
});
