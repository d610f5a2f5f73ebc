import { act, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { exportWorkshop } from '../../../../shared/index.js';
import { i18n } from '../../i18n/index.js';
import { reportNames } from '../../views/report/reportData.js';
import { SummaryContent } from '../../views/summary/SummaryContent.js';
import { OptionsReport } from './OptionsReport.js';
import { optionsScenario } from './optionsFixture.js';

beforeEach(async () => {
  await act(() => i18n.changeLanguage('en'));
});

function renderReport(w: ReturnType<typeof optionsScenario>) {
  const doc = exportWorkshop(w.h.state, w.h.now);
  const names = reportNames(doc, 'en');
  return render(<OptionsReport activity={w.exportActivity()} results={{ ...w.activityResults, options: w.results }} names={names} lang="en" minGroupSize={3} />);
}

describe('the options in the report', () => {
  it('prints the fits as a table with headers, the option every group can live with marked with its lowest group', () => {
    const w = optionsScenario();
    renderReport(w);
    const table = screen.getByRole('table', { name: 'The options weighed against the values' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Option', 'Room', 'Residents', 'Municipality', 'Every group can live with it', 'Lowest group']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['Heat network✔ every group can live with it', 'Hybrid heat pump', 'All-electric heat pump', 'Wait for green gas']);
    // The board's numbers: +0.9 for the room, +0.4 / +1.5 per group, √(4/6 · 4/5) = 73 %, lowest Residents (3 + 1)/(4 + 2) = 67 %.
    expect(within(rows[0]!).getAllByRole('cell').map((c) => c.textContent)).toEqual(['1', '+0.9helps a bit', '+0.4', '+1.5', '73%', 'Residents 67%']);
    // Hybrid: Municipality 1 of 3, (1 + 1)/(3 + 2) = 40 %.
    expect(within(rows[1]!).getAllByRole('cell').at(-1)).toHaveTextContent('Municipality 40%');
    expect(rows[0]).toHaveClass('r-options-live');
    expect(rows.filter((r) => r.classList.contains('r-options-live'))).toHaveLength(1);
  });

  it('names the weights’ source, the flip and the groups left out', () => {
    const w = optionsScenario();
    renderReport(w);
    expect(screen.getByText('Weights: the shares of the vote ‘Rank’, per group.')).toBeInTheDocument();
    expect(screen.getByText(/The weights flip the outcome/)).toHaveTextContent('with the room’s Heat network wins, with those of Residents Hybrid heat pump.');
    expect(screen.getByText('Not shown separately (fewer than 3 answers): Business')).toBeInTheDocument();
    const weights = screen.getByRole('table', { name: 'Weights per value' });
    expect(within(weights).getAllByRole('row').map((r) => [...r.children].map((c) => c.textContent))).toEqual([
      ['Value', 'Room', 'Residents', 'Municipality'],
      ['Affordability', '50%', '60%', '30%'],
      ['Social fairness', '30%', '30%', '20%'],
      ['Sustainability', '20%', '10%', '50%'],
    ]);
  });

  it('per option: its values per group, its split, and every why sentence, most endorsed first', () => {
    const w = optionsScenario();
    renderReport(w);
    const heat = screen.getByRole('table', { name: /^Heat network/ });
    const aff = within(heat).getByRole('rowheader', { name: 'Affordability' }).closest('tr')!;
    expect([...aff.children].map((c) => c.textContent)).toEqual(['Affordability', '+0.3', '± 0.5', '70%', '3 (0)', '−0.5', '+1.3']);
    const section = heat.closest('section')!;
    expect(within(section).getByText(/What splits us/).closest('p')).toHaveTextContent('What splits us: Affordability — Municipality +1.3, Residents −0.5');
    const why = within(section)
      .getAllByRole('listitem')
      .map((li) => li.querySelector('blockquote')?.textContent);
    expect(why).toEqual(['If the rent stays the same, the tenants gain.', 'One pipe for the whole street, no machine in every house.', 'The connection fee worries me.']);
    // Green gas: nobody knew about Sustainability, and no split with no value the groups both scored apart.
    const gas = screen.getByRole('table', { name: /^Wait for green gas/ });
    expect([...within(gas).getByRole('rowheader', { name: 'Sustainability' }).closest('tr')!.children].map((c) => c.textContent)).toEqual(['Sustainability', '–', '–', '–', '0 (3)', '–', '–']);
  });

  it('notes the answers from late joiners', () => {
    const w = optionsScenario();
    renderReport(w);
    expect(screen.getByText('2 of 8 answers came from phones that joined after the vote opened.')).toBeInTheDocument();
  });
});

describe('the options in the summary', () => {
  it('says what every group can live with, with its lowest group, the room’s winner and that weights flip it', () => {
    const w = optionsScenario();
    const doc = exportWorkshop(w.h.state, w.h.now);
    const names = { ...reportNames(doc, 'en'), option: (_activityId: string, optionId: string) => w.activity.config.options.find((o) => o.id === optionId)?.text.en.title ?? '' };
    const summary = { ...doc.summary, options: { activityId: w.activity.id, winnerIds: ['heat'], liveWithIds: ['heat'], lowestGroupId: w.groups.residents, lowestShare: 4 / 6, flips: true } };
    render(<SummaryContent summary={summary} names={names} variant="report" />);
    const block = screen.getByRole('heading', { name: 'The options weighed' }).closest('section')!;
    expect(within(block).getByText('Every group can live with Heat network — lowest: Residents 67%.')).toBeInTheDocument();
    expect(within(block).getByText('Fits the room’s values best: Heat network.')).toBeInTheDocument();
    expect(within(block).getByText('The weights flip the outcome: with one group’s, another option wins.')).toBeInTheDocument();
  });
});
