import { act, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n/index.js';
import { useStore } from '../../store/index.js';
import { connectStore } from '../../test/fixtures.js';
import { BOARD_PAGE_MS } from '../../views/board/BoardWall.js';
import { OptionsBoard, WHY_ON_BOARD } from './OptionsBoard.js';
import { optionsScenario } from './optionsFixture.js';

vi.mock('../../net/send.js', () => ({ send: vi.fn() }));

beforeEach(async () => {
  connectStore();
  await act(() => i18n.changeLanguage('en'));
});

function show(w: ReturnType<typeof optionsScenario>) {
  act(() => useStore.getState().receivePublic(w.pub()));
  return render(<OptionsBoard activity={w.activity} />);
}

describe('the options on the board', () => {
  it('before the reveal: how many answered, per group, and nothing of the outcome', () => {
    const w = optionsScenario({ reveal: false });
    show(w);
    const count = screen.getByRole('status');
    // 8 of the 8 who joined (4 residents, 3 municipality, 1 business) answered.
    expect(count).toHaveTextContent('8have weighed the optionsof 8 participants');
    const groups = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(groups.slice(0, 2)).toEqual(['Residents4 of 4', 'Municipality3 of 3']);
    expect(screen.getByText('Answers closed. The outcome appears when the facilitator shows it.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.queryByText('Heat network')).not.toBeInTheDocument();
    expect(screen.queryByText(/One pipe for the whole street/)).not.toBeInTheDocument();
  });

  it('after the reveal: a table of the options by the room’s fit, per included group, in numbers and words', () => {
    const w = optionsScenario();
    show(w);
    const table = screen.getByRole('table', { name: 'How well each option serves the values, for the room and per group' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['#Place', 'Option', 'Room', 'Residents', 'Municipality']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').querySelector('.oft-title-text')?.textContent)).toEqual(['✔ Heat network', 'Hybrid heat pump', 'All-electric heat pump', 'Wait for green gas']);
    // Heat network: room +0.9 ("helps a bit", the nearest step), Residents +0.4, Municipality +1.5.
    const cells = within(rows[0]!).getAllByRole('cell').map((c) => c.textContent);
    expect(cells).toEqual(['1', '+0.9helps a bit', '+0.4no difference', '+1.5serves well']);
    // Green gas: −1.1 with a true minus sign, "a bit against".
    expect(within(rows[3]!).getAllByRole('cell')[1]).toHaveTextContent('−1.1a bit against');
    // Business answered once: below the minimum, left out of the columns and named.
    expect(screen.getByText('Too few answers: Business')).toBeInTheDocument();
  });

  it('highlights the option every group can live with, with its lowest group', () => {
    const w = optionsScenario();
    show(w);
    const table = screen.getByRole('table');
    const marked = within(table)
      .getAllByRole('row')
      .filter((r) => r.classList.contains('is-livewith'));
    expect(marked).toHaveLength(1);
    expect(within(marked[0]!).getByRole('rowheader')).toHaveAccessibleName('Heat network every group can live with it');
    const card = screen.getByRole('region', { name: 'Every group can live with it' });
    // Residents: 3 of 4 can live with it, smoothed (3 + 1) / (4 + 2) = 67 %.
    expect(within(card).getByText('lowest: Residents 67%')).toBeInTheDocument();
    expect(within(card).getByText(/Heat network/)).toBeInTheDocument();
  });

  it('says plainly that the choice of weights flips the outcome, and where the weights come from', () => {
    const w = optionsScenario();
    show(w);
    const card = screen.getByRole('region', { name: 'Whose values decide' });
    expect(within(card).getByText(/The weights flip the outcome/)).toHaveTextContent('The weights flip the outcome: with the room’s Heat network wins, with those of Residents Hybrid heat pump.');
    expect(within(card).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Residents → Hybrid heat pump', 'Municipality → Heat network']);
    expect(screen.getByText('Weights: the shares of the vote ‘Rank’, per group.')).toBeInTheDocument();
  });

  it('says the outcome stays when no group’s weights change the winner', () => {
    const w = optionsScenario();
    const pub = w.pub();
    const r = pub.results[w.activity.id]!.options!;
    pub.results[w.activity.id] = { ...pub.results[w.activity.id]!, options: { ...r, flips: false, whoseValues: r.whoseValues.map((g) => ({ ...g, winnerIds: ['heat'] })), weights: { ...r.weights, mode: 'equal', voteActivityId: null } } };
    act(() => useStore.getState().receivePublic(pub));
    render(<OptionsBoard activity={w.activity} />);
    expect(screen.getByText('Whichever group’s weights count, the outcome stays: Heat network.')).toBeInTheDocument();
    expect(screen.queryByText(/flip the outcome/)).not.toBeInTheDocument();
    expect(screen.getByText('Weights: equal — every value weighs the same.')).toBeInTheDocument();
  });

  it('beside the table, one option at a time: what splits us and the why sentences, most endorsed first', () => {
    const w = optionsScenario();
    show(w);
    const focus = screen.getByRole('region', { name: 'Option 1 of 4: Heat network' });
    // The option every group can live with: its lowest group is in the card above, not repeated here.
    expect(within(focus).queryByText(/Live with it/)).not.toBeInTheDocument();
    expect(within(focus).getByText(/What splits us/).closest('p')).toHaveTextContent('What splits us: Affordability — Municipality +1.3, Residents −0.5');
    // Endorsements 1, 4, 1 as they arrived: 4 first, then the older of the two with 1.
    const why = within(focus).getAllByRole('listitem');
    expect(why).toHaveLength(WHY_ON_BOARD);
    expect(why.map((li) => li.querySelector('blockquote')?.textContent)).toEqual(['If the rent stays the same, the tenants gain.', 'One pipe for the whole street, no machine in every house.']);
    expect(within(why[0]!).getByLabelText('4 people recognise this')).toHaveTextContent('+4');
    expect(within(focus).getByText('and 1 more reason')).toBeInTheDocument();
    // The row the card is about is marked in the table.
    expect(screen.getByRole('rowheader', { name: /Heat network/ }).closest('tr')).toHaveClass('is-focus');
  });

  it('turns to the next option after a page’s time, with its own live-with figure and split', () => {
    vi.useFakeTimers();
    try {
      const w = optionsScenario();
      show(w);
      act(() => vi.advanceTimersByTime(BOARD_PAGE_MS));
      const focus = screen.getByRole('region', { name: 'Option 2 of 4: Hybrid heat pump' });
      // √(5/6 · 2/5) = 58 %, lowest Municipality (1 + 1)/(3 + 2) = 40 %.
      expect(within(focus).getByText('Live with it: 58% — lowest Municipality 40%')).toBeInTheDocument();
      expect(within(focus).getByText(/What splits us/).closest('p')).toHaveTextContent('What splits us: Sustainability — Residents +1.5, Municipality −0.7');
      expect(within(focus).getAllByRole('listitem').map((li) => li.querySelector('blockquote')?.textContent)).toEqual(['We can start this winter without digging up the street.']);
      expect(screen.getByRole('rowheader', { name: /Hybrid heat pump/ }).closest('tr')).toHaveClass('is-focus');
    } finally {
      vi.useRealTimers();
    }
  });

  it('says nothing splits the groups when every group scores the option alike (a spread of 0)', () => {
    const w = optionsScenario();
    const pub = w.pub();
    const r = pub.results[w.activity.id]!.options!;
    const heat = { ...r.options[0]!, split: { valueId: w.affordability, spread: 0, highGroupId: w.groups.residents, lowGroupId: w.groups.residents } };
    pub.results[w.activity.id] = { ...pub.results[w.activity.id]!, options: { ...r, options: [heat, ...r.options.slice(1)] } };
    act(() => useStore.getState().receivePublic(pub));
    render(<OptionsBoard activity={w.activity} />);
    const focus = screen.getByRole('region', { name: 'Option 1 of 4: Heat network' });
    expect(within(focus).getByText('The groups score this option alike on every value.')).toBeInTheDocument();
    expect(within(focus).queryByText(/What splits us/)).not.toBeInTheDocument();
  });

  it('speaks Dutch on a Dutch board', async () => {
    const w = optionsScenario();
    await act(() => i18n.changeLanguage('nl'));
    show(w);
    expect(screen.getByRole('region', { name: 'Elke groep kan ermee leven' })).toHaveTextContent('laagst: Bewoners 67%');
    expect(screen.getByText(/draaien de uitkomst om/)).toHaveTextContent('De gewichten draaien de uitkomst om: met die van de zaal wint Warmtenet, met die van Bewoners Hybride warmtepomp.');
    expect(screen.getByText('Te weinig antwoorden: Bedrijven')).toBeInTheDocument();
    expect(within(screen.getByRole('table')).getAllByRole('row')[1]).toHaveTextContent('+0,9helpt iets');
  });
});
