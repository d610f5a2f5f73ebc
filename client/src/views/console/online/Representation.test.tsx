import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { send } from '../../../net/send.js';
import { useStore } from '../../../store/index.js';
import { connectStore } from '../../../test/fixtures.js';
import { GroupCounts } from '../../board/GroupCounts.js';
import { VoteBoard } from '../../board/results/VoteBoard.js';
import { VotePanel } from '../results/VotePanel.js';
import { onlineScenario } from './onlineFixture.js';
import { RepresentationTable } from './RepresentationTable.js';

vi.mock('../../../net/send.js', () => ({ send: vi.fn() }));

beforeEach(() => {
  vi.mocked(send).mockReset();
  connectStore();
});

function load(w: ReturnType<typeof onlineScenario>) {
  act(() => {
    useStore.getState().receivePublic(w.pub());
    useStore.getState().receiveHost(w.host());
  });
}

describe('room and online: representation and the split', () => {
  it('console: invited, took part in the room and online, turnout, and the warning in words', () => {
    const w = onlineScenario();
    const host = w.host();
    render(<RepresentationTable representation={host.representation} groups={host.groups} />);
    const rows = within(screen.getByRole('table', { name: 'Representation' })).getAllByRole('row').slice(1);
    const row = (group: string) => rows.find((r) => within(r).getByRole('rowheader').textContent === group);
    // onlineScenario: residents 4 + 2 of 150 (6/150 = 4%), municipality 3 of 10 (30%), business 1 of 60 (1.67% → 2%).
    expect(row('Residents')).toHaveTextContent('Residents1506 (4 room · 2 online)4%');
    expect(row('Municipality')).toHaveTextContent('Municipality103 (3 room · 0 online)30%');
    expect(row('Business')).toHaveTextContent('Business601 (1 room · 0 online)2% · under-represented');
    // The groups with no invited number and nobody there are left out.
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['Residents', 'Municipality', 'Business']);
    expect(screen.getByRole('listitem')).toHaveTextContent('⚠ Business: 1 of 60 invited — under-represented');
  });

  it('board: the warning under the group counts', () => {
    const w = onlineScenario();
    load(w);
    render(<GroupCounts />);
    expect(screen.getByText('Business: 1 of 60 invited — under-represented')).toBeInTheDocument();
  });

  it('board: no warning when no group is under-represented', () => {
    const w = onlineScenario();
    const pub = w.pub();
    act(() => useStore.getState().receivePublic({ ...pub, representation: pub.representation && { ...pub.representation, underGroupIds: [] } }));
    render(<GroupCounts />);
    expect(screen.queryByText(/under-represented/)).not.toBeInTheDocument();
  });

  it('console: n in the room, m online, and the room and online results side by side', () => {
    const w = onlineScenario();
    load(w);
    render(<VotePanel />);
    expect(screen.getByText('8 in the room, 2 online')).toBeInTheDocument();
    const toggle = screen.getByRole('button', { name: 'Room and online apart' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    expect(screen.queryByRole('region', { name: 'Online (2)' })).not.toBeInTheDocument();
    fireEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    const room = screen.getByRole('region', { name: 'In the room (8)' });
    const online = screen.getByRole('region', { name: 'Online (2)' });
    const order = (region: HTMLElement) =>
      within(region)
        .getAllByRole('row')
        .slice(1)
        .map((r) => within(r).getByRole('rowheader').textContent);
    // The room's 8 ballots: rankScenario's order (Affordability 19, Sustainability 11, Social fairness 10, Comfort 8).
    expect(order(room)).toEqual(['Affordability', 'Sustainability', 'Social fairness', 'Comfort']);
    // Online: C A F and C S A → Comfort 3 + 3 = 6, Affordability 2 + 1 = 3, Sustainability 2, Social fairness 1.
    expect(order(online)).toEqual(['Comfort', 'Affordability', 'Sustainability', 'Social fairness']);
    expect(screen.getByRole('heading', { name: 'Room and online together (10):' })).toBeInTheDocument();
  });

  it('board: the room and online figures on the revealed results', () => {
    const w = onlineScenario();
    load(w);
    render(<VoteBoard activityId={w.activityId} />);
    expect(screen.getByText('Answers in the room 8 · online 2')).toBeInTheDocument();
  });
});
