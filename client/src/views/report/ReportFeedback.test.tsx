import { act, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { HOST } from '../../../../shared/domain/testing.js';
import { i18n } from '../../i18n/index.js';
import { ReportDocument } from './ReportDocument.js';
import { fullWorkshop } from './workshop.fixture.js';

beforeEach(async () => {
  await act(() => i18n.changeLanguage('en'));
});

/** The full workshop of workshop.fixture.ts with an entry on its top value, one on an option and a general one. */
function withFeedback(opts: { publish: boolean }) {
  const w = fullWorkshop();
  const options = w.h.state.activities.find((a) => a.kind === 'options')!;
  w.h.must('feedback:set', { entryId: 'entry-afford', target: { kind: 'value', id: w.values.affordability, activityId: null }, decision: 'The connection fee is capped at €1,000.', reason: 'Most stories were about the costs.', when: 'March 2027', link: 'https://example.org/raad/2027-03' }, HOST);
  w.h.must('feedback:set', { entryId: 'entry-heat', target: { kind: 'option', id: 'heat-network', activityId: options.id }, decision: 'A study of a heat network starts.' }, HOST);
  w.h.must('feedback:set', { entryId: 'entry-general', target: { kind: 'general', id: null, activityId: null }, decision: 'The minutes are at the library.' }, HOST);
  if (opts.publish) w.h.must('feedback:publish', { published: true }, HOST);
  return w;
}

describe('"you said, we did" in the printed report', () => {
  it('prints every entry in the order written, with what it is about, the decision, why, when and the link written out', () => {
    const w = withFeedback({ publish: true });
    render(<ReportDocument doc={w.exportDoc()} lang="en" />);
    const section = screen.getByRole('region', { name: 'You said, we did' });
    // The harness clock, 1_700_000_000_000: 14 November 2023.
    expect(within(section).getByText('Published at the join link on 14 November 2023.')).toBeInTheDocument();
    const items = within(section).getAllByRole('listitem');
    expect(items.map((li) => within(li).getByRole('heading', { level: 3 }).textContent)).toEqual(['Put high by the roomAffordability', 'An option weighedHeat network', 'About the meeting']);
    expect(items[0]).toHaveTextContent('What was doneThe connection fee is capped at €1,000.WhyMost stories were about the costs.WhenMarch 2027Read morehttps://example.org/raad/2027-03');
    expect(within(items[0]!).getByRole('link', { name: 'https://example.org/raad/2027-03' })).toHaveAttribute('rel', 'noopener noreferrer');
    expect(items[1]).toHaveTextContent('What was doneA study of a heat network starts.');
    expect(items[1]).not.toHaveTextContent('Why');
    // After the summary, before the steps.
    const sections = screen.getAllByRole('region').map((r) => r.getAttribute('aria-labelledby'));
    expect(sections.indexOf('feedback-h')).toBe(sections.indexOf('summary-h') + 1);
  });

  it('says when the entries are not published yet, and prints no section when there are none', () => {
    const draft = withFeedback({ publish: false });
    const { unmount } = render(<ReportDocument doc={draft.exportDoc()} lang="en" />);
    expect(within(screen.getByRole('region', { name: 'You said, we did' })).getByText('Not published at the join link yet.')).toBeInTheDocument();
    unmount();
    render(<ReportDocument doc={fullWorkshop().exportDoc()} lang="en" />);
    expect(screen.queryByRole('region', { name: 'You said, we did' })).not.toBeInTheDocument();
  });

  it('in Dutch', async () => {
    const w = withFeedback({ publish: true });
    await act(() => i18n.changeLanguage('nl'));
    render(<ReportDocument doc={w.exportDoc()} lang="nl" />);
    const section = screen.getByRole('region', { name: 'Jullie zeiden, wij deden' });
    expect(within(section).getByText('Gepubliceerd bij de deelnamelink op 14 november 2023.')).toBeInTheDocument();
    expect(within(section).getAllByRole('listitem')[1]).toHaveTextContent('Afgewogen optieWarmtenetWat er is gedaanA study of a heat network starts.');
  });
});
