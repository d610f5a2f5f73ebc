import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { send } from '../../../net/send.js';
import { useStore } from '../../../store/index.js';
import { connectStore } from '../../../test/fixtures.js';
import { HOST } from '../../../../../shared/domain/testing.js';
import { rankScenario, smallGroupsScenario, voteWorkshop } from '../../../test/voteFixtures.js';
import { VotePanel } from './VotePanel.js';
import { VoteSettings } from './VoteSettings.js';

vi.mock('../../../net/send.js', () => ({ send: vi.fn() }));
const sendMock = vi.mocked(send);

beforeEach(() => {
  sendMock.mockReset();
  sendMock.mockResolvedValue({ ok: true, data: {} } as never);
  connectStore();
});

function load(w: { pub: () => never; host: () => never } | ReturnType<typeof voteWorkshop>) {
  act(() => {
    useStore.getState().receivePublic(w.pub());
    useStore.getState().receiveHost(w.host());
  });
}

describe('console: vote panel', () => {
  it('always shows the live results to the facilitator, before the room sees them', () => {
    const w = rankScenario({ reveal: false });
    render(<VotePanel />);
    load(w);
    const panel = screen.getByRole('tabpanel');
    expect(within(panel).getByText('Only you see this')).toBeInTheDocument();
    expect(within(panel).getByText('8 of 8 answered')).toBeInTheDocument();
    const rows = within(within(panel).getByRole('table', { name: 'Priority of the values and how each group scores them' })).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['Affordability', 'Sustainability', 'Social fairness', 'Comfort']);
    // Support in a top 3 of 4 = ranked 1st or 2nd (⌈4/2⌉): everyone but Municipality's second voter (3rd).
    expect(rows[0]).toHaveTextContent('7/8 support it');
    expect(within(panel).getByText('Business: too few answers to show')).toBeInTheDocument();
    expect(within(panel).getByRole('region', { name: 'Common ground' })).toHaveTextContent('Affordability');
  });

  it('shows how alike each group ranked and how alike two groups order the values', () => {
    const w = rankScenario({ reveal: false });
    render(<VotePanel />);
    load(w);
    const card = screen.getByRole('region', { name: 'Within and between the groups' });
    // Kendall's W within a group (n = 4 values, unranked = rank 4; see rankScenario's ballots):
    //   Residents   A F C · A F S · A C F · A F C → rank sums A 4, F 9, C 12, S 15; mean 10;
    //               S = 36 + 1 + 4 + 25 = 66; W = 12·66 / (4²·(4³ − 4)) = 792 / 960 = 0.825
    //   Municipality S A F · S F A · S A C → rank sums S 3, A 7, F 9, C 11; mean 7.5;
    //               S = 20.25 + 0.25 + 2.25 + 12.25 = 35; W = 420 / 540 = 0.78
    expect(card).toHaveTextContent('Residents: very strong agreement (W = 0.8');
    expect(card).toHaveTextContent('Municipality: very strong agreement (W = 0.78)');
    // Spearman between the group scores: Residents order A F C S, Municipality S A F C;
    // d = −1, −1, −1, 3 → Σd² = 12; ρ = 1 − 6·12 / (4·15) = −0.2. Business (1 answer) is left out.
    expect(card).toHaveTextContent('Residents and Municipality: ρ = -0.20');
    expect(card).not.toHaveTextContent('Business');
  });

  it('reveals and hides, locks and unlocks the vote it shows', async () => {
    const w = rankScenario({ reveal: false });
    render(<VotePanel />);
    load(w);
    await userEvent.click(screen.getByRole('button', { name: 'Reveal results to the room: Rank' }));
    expect(sendMock).toHaveBeenLastCalledWith('activity:control', { activityId: w.activityId, action: 'reveal' });
    await userEvent.click(screen.getByRole('button', { name: 'Resume: Rank' }));
    expect(sendMock).toHaveBeenLastCalledWith('activity:control', { activityId: w.activityId, action: 'unlock' });

    w.control('reveal');
    w.control('unlock');
    load(w);
    expect(screen.getByText('Visible to the room')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Hide results from the room: Rank' }));
    expect(sendMock).toHaveBeenLastCalledWith('activity:control', { activityId: w.activityId, action: 'hide' });
    const pause = screen.getByRole('button', { name: 'Pause: Rank' });
    await userEvent.click(pause);
    expect(sendMock).toHaveBeenLastCalledWith('activity:control', { activityId: w.activityId, action: 'lock' });
    // The server applies it: the same button now resumes, and keeps the focus.
    w.control('lock');
    load(w);
    expect(pause).toHaveAccessibleName('Resume: Rank');
    expect(pause).toHaveFocus();
  });

  it('has a tab per vote and shows the current one first', async () => {
    const w = rankScenario({ round2: true });
    render(<VotePanel />);
    load(w);
    const tabs = screen.getAllByRole('tab');
    // The template's own second rank becomes round 3 once the first is repeated.
    expect(tabs.map((t) => t.textContent)).toEqual(['Dots Not started', 'Rank Paused', 'Rank · round 2 Paused', 'Rank · round 3 Not started']);
    expect(screen.getByRole('tab', { selected: true })).toHaveTextContent('Rank · round 2');
    await userEvent.click(tabs[0]!);
    expect(screen.getByRole('tab', { selected: true })).toHaveTextContent('Dots');
    expect(screen.getByRole('group', { name: 'Vote settings' })).toBeInTheDocument();
  });
});

describe('console: vote settings', () => {
  it('sets K and the values that take part before the vote opens', async () => {
    const w = voteWorkshop('rank', {}, { open: false });
    load(w);
    const activity = w.pub().activities.find((a) => a.id === w.activityId)!;
    render(<VoteSettings activity={activity} host={w.host()} />);
    expect(screen.getByRole('checkbox', { name: 'Rank all values' })).not.toBeChecked();
    const k = screen.getByRole('spinbutton', { name: 'How many values to rank' });
    expect(k).toHaveValue(5);
    await userEvent.clear(k);
    await userEvent.type(k, '3');
    await userEvent.click(screen.getByRole('checkbox', { name: /All visible values/ }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Trust' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Comfort' }));
    expect(screen.getByText('10 of 12 chosen')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    const ids = w.h.state.valueOrder.filter((id) => id !== w.comfort && id !== w.h.state.valueOrder[8]);
    expect(sendMock).toHaveBeenCalledWith('activity:configure', { activityId: w.activityId, rankK: 3, valueIds: ids });
  });

  it('sets dots N and the most per value', async () => {
    const w = voteWorkshop('dots', {}, { open: false });
    load(w);
    const activity = w.pub().activities.find((a) => a.id === w.activityId)!;
    render(<VoteSettings activity={activity} host={w.host()} />);
    const n = screen.getByRole('spinbutton', { name: 'Dots per participant' });
    await userEvent.clear(n);
    await userEvent.type(n, '8');
    const max = screen.getByRole('spinbutton', { name: 'At most per value' });
    await userEvent.clear(max);
    await userEvent.type(max, '4');
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(sendMock).toHaveBeenCalledWith('activity:configure', { activityId: w.activityId, dotsPerParticipant: 8, dotsMaxPerValue: 4 });
  });

  it('is locked once answers are in: a change would be a new round', () => {
    const w = voteWorkshop('dots');
    w.answer(w.me, { kind: 'dots', dots: { [w.affordability]: 1 } });
    load(w);
    const activity = w.pub().activities.find((a) => a.id === w.activityId)!;
    render(<VoteSettings activity={activity} host={w.host()} />);
    expect(screen.getByText(/Answers are in: these settings are fixed/)).toBeInTheDocument();
    expect(screen.getByRole('spinbutton', { name: 'Dots per participant' })).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Save settings' })).not.toBeInTheDocument();
  });
});

describe('console: the groups lens in a small workshop', () => {
  it('explains the empty lens and sets the smallest group that shows it in one click', async () => {
    const w = smallGroupsScenario();
    render(<VotePanel />);
    load(w);
    expect(screen.getByText('A group is shown from 3 answers. At 2 answers per group, the groups could be compared.')).toBeInTheDocument();
    const button = screen.getByRole('button', { name: 'Show groups from 2 answers' });
    expect(button).toHaveAccessibleDescription('Sets the smallest group shown in the groups lens; groups with fewer answers stay hidden.');
    await userEvent.click(button);
    expect(sendMock).toHaveBeenLastCalledWith('settings:update', { minGroupSize: 2 });
    // Accepted: focus goes to the results heading, not to <body> when the button goes.
    expect(screen.getByRole('heading', { name: 'Live results' })).toHaveFocus();
    // The server applies it: the lens compares all three groups and the explanation goes.
    w.h.must('settings:update', { minGroupSize: 2 }, HOST);
    load(w);
    expect(screen.getAllByRole('columnheader', { name: /score 0–100/ }).map((h) => h.textContent)).toEqual(['Residents', 'Municipality', 'Business']);
    expect(screen.queryByRole('button', { name: /Show groups from/ })).not.toBeInTheDocument();
    expect(screen.queryByText(/A group is shown from/)).not.toBeInTheDocument();
  });
});
