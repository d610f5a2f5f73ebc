import { render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { rememberWorkshop } from '../../lib/myWorkshops.js';
import { CODE } from '../../test/fixtures.js';
import { ReportPage } from './ReportPage.js';
import { fullWorkshop } from './workshop.fixture.js';

afterEach(() => {
  vi.unstubAllGlobals();
  window.location.hash = '';
});

function serve(body: unknown, status = 200) {
  const fetchMock = vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

describe('report page', () => {
  it('fetches the export with the host token from the fragment and renders the whole workshop', async () => {
    const w = fullWorkshop();
    const doc = w.exportDoc();
    const fetchMock = serve(doc);
    window.location.hash = '#tok-from-link';
    render(<ReportPage code={CODE} />);

    expect(await screen.findByRole('heading', { level: 1, name: 'Northside heat plan' })).toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledWith(`/api/workshops/${CODE}/export`, { headers: { Authorization: 'Bearer tok-from-link' } });
    expect(screen.getByRole('button', { name: 'Print / save as PDF' })).toBeEnabled();

    // Title page: participants per group and the agenda with answers.
    const cover = screen.getByRole('region', { name: 'Northside heat plan' });
    expect(within(cover).getByText('7 participants')).toBeInTheDocument();
    expect(within(cover).getByRole('row', { name: /Residents 3/ })).toBeInTheDocument();
    expect(within(cover).getByRole('row', { name: /4\. Rank · round 2/ })).toHaveTextContent('7');

    // The summary, then one section per step with results.
    const summary = screen.getByRole('region', { name: 'What we found together' });
    const top = doc.values.find((v) => v.id === doc.summary.topValues[0]!.valueId)!.title;
    expect(within(summary).getAllByText(top).length).toBeGreaterThan(0);

    expect(screen.getAllByRole('region', { name: 'Put the values in order of importance.' })).toHaveLength(2);
    const sections = screen.getAllByRole('region').filter((r) => r.classList.contains('report-section'));
    // cover, summary, dots, rank, rank, scan, options, stories
    expect(sections).toHaveLength(8);
    const round2 = sections[4]!;
    expect(within(round2).getByText('Step 4 · Rank · round 2')).toBeInTheDocument();
    expect(within(round2).getByText('Priority')).toBeInTheDocument();
    expect(within(round2).getAllByRole('row')[1]).toHaveTextContent(`1${top}`);
    expect(within(round2).getByText(/^Agreement in the room: /)).toBeInTheDocument();
    expect(within(round2).getByText('Groups lens')).toBeInTheDocument();
    expect(within(round2).getByText('Not shown separately (fewer than 3 answers): Housing association')).toBeInTheDocument();
    expect(within(round2).getByText('Common ground')).toBeInTheDocument();
    expect(within(round2).getByText('Shift since the previous round')).toBeInTheDocument();
    // Every chart table is named by its heading, so a screen reader can list and pick them.
    expect(within(round2).getByRole('table', { name: 'Priority' })).toBeInTheDocument();
    expect(within(round2).getByRole('table', { name: 'Groups lens' })).toBeInTheDocument();
    expect(within(round2).getByRole('table', { name: 'Shift since the previous round' })).toBeInTheDocument();
    // Charts are inline SVG.
    expect(round2.querySelectorAll('svg').length).toBeGreaterThan(10);

    const scan = sections[5]!;
    expect(within(scan).getByRole('table', { name: 'Average and spread per factor' })).toBeInTheDocument();
    expect(within(scan).getByRole('table', { name: 'Statements' })).toBeInTheDocument();
    expect(within(scan).getByRole('columnheader', { name: 'Interaction' })).toBeInTheDocument();
    expect(within(scan).getByRole('rowheader', { name: /^Everyone/ })).toBeInTheDocument();
    expect(within(scan).getByText('We listen to each other (2)')).toBeInTheDocument();
    expect(within(scan).getByText('Clearer roles please (3)')).toBeInTheDocument();

    const stories = sections[7]!;
    expect(within(stories).getByText('My energy bill doubled last winter.')).toBeInTheDocument();
    expect(within(stories).getByText('2 recognise this')).toBeInTheDocument();
  });

  it('uses the token this browser remembered, and explains a refused one', async () => {
    rememberWorkshop({ code: CODE, title: 'Northside heat plan', hostToken: 'remembered', createdAt: 1 });
    const fetchMock = serve({ error: { code: 'FORBIDDEN', message: 'no' } }, 403);
    render(<ReportPage code={CODE} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('This facilitator link does not belong to this workshop.');
    expect(fetchMock).toHaveBeenCalledWith(`/api/workshops/${CODE}/export`, { headers: { Authorization: 'Bearer remembered' } });
  });

  it('asks for the facilitator link when there is no token', () => {
    render(<ReportPage code={CODE} />);
    expect(screen.getByRole('alert')).toHaveTextContent('This report needs the facilitator link.');
  });
});
