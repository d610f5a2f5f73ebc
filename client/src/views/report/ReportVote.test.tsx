import { act, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { computeVoteResults, type Response, type VoteAnswer } from '../../../../shared/consensus/index.js';
import type { ActivityResults } from '../../../../shared/index.js';
import { i18n } from '../../i18n/index.js';
import { ReportVote } from './ReportVote.js';

const points = (participantId: string, groupId: string, p: Record<string, number>): Response<VoteAnswer> => ({ participantId, groupId, answer: { kind: 'points', points: p } });

describe('report: common ground and tension are the values the consensus math flags', () => {
  //            A   B   C
  //   g1 ×3   70  20  10
  //   g2 ×3   50   0  50
  const vote = computeVoteResults({
    kind: 'points',
    valueIds: ['A', 'B', 'C'],
    groupIds: ['g1', 'g2'],
    responses: [...['a1', 'a2', 'a3'].map((id) => points(id, 'g1', { A: 70, B: 20, C: 10 })), ...['b1', 'b2', 'b3'].map((id) => points(id, 'g2', { A: 50, C: 50 }))],
    minGroupSize: 3,
  });
  const results: ActivityResults & { vote: typeof vote } = { activityId: 'v1', kind: 'points', vote, previousRound: null, scan: null, openAnswers: [], answers: { counted: 6, fromLateJoiners: 0 } };
  const names = { value: (id: string) => `Value ${id}`, group: (id: string) => `Group ${id}`, groupIndex: (id: string) => (id === 'g1' ? 0 : 1) };

  it('lists only flagged common ground, and every flagged tension including a spread of exactly 0.2', async () => {
    await act(() => i18n.changeLanguage('en'));
    render(<ReportVote results={results} names={names} lang="en" minGroupSize={3} />);
    // Common ground: A only (all members of both groups gave ≥ 100/3). C and B, listed by the lens, are not called.
    const common = screen.getByRole('heading', { name: 'Common ground' }).parentElement as HTMLElement;
    expect(within(common).getAllByRole('listitem').map((li) => li.querySelector('strong')?.textContent)).toEqual(['Value A']);
    // Tension: C (0.4), then A and B (both 0.2; 0.7 − 0.5 is 0.19999999999999996) in display order.
    const tension = screen.getByRole('heading', { name: 'Tension' }).parentElement as HTMLElement;
    expect(within(tension).getAllByRole('listitem').map((li) => li.querySelector('strong')?.textContent)).toEqual(['Value C', 'Value A', 'Value B']);
  });

  it('names each common-ground value’s place and every group’s supporters, not a "lowest support"', async () => {
    await act(() => i18n.changeLanguage('en'));
    render(<ReportVote results={results} names={names} lang="en" minGroupSize={3} />);
    // Mean points: A (3·70 + 3·50)/6 = 60, C (3·10 + 3·50)/6 = 30, B 60/6 = 10 → A is 1st.
    // Support = at least 100/3 points: A from all 3 of g1 (70) and all 3 of g2 (50).
    const common = screen.getByRole('heading', { name: 'Common ground' }).parentElement as HTMLElement;
    expect(within(common).getByRole('listitem')).toHaveTextContent('Value Aplace 1 · supporters per group: Group g1 3 of 3, Group g2 3 of 3');
  });

  it('gives its tables names and headers a screen reader reads with every number', async () => {
    await act(() => i18n.changeLanguage('en'));
    render(<ReportVote results={results} names={names} lang="en" minGroupSize={3} />);
    const lens = screen.getByRole('table', { name: 'Groups lens' });
    expect(within(lens).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Value', 'Group g1', 'Group g2']);
    expect(within(lens).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['Value A', 'Value C', 'Value B']);
    // Normalised group score = mean points / 100: A in g1 70/100, C in g2 50/100.
    const rowA = within(lens).getByRole('rowheader', { name: 'Value A' }).closest('tr') as HTMLElement;
    expect(within(rowA).getAllByRole('cell').map((c) => c.textContent)).toEqual(['70%', '50%']);
    const priority = screen.getByRole('table', { name: 'Priority' });
    expect(within(priority).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['Value A', 'Value C', 'Value B']);
  });
});
