import { render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PROCESS_EXPORT_SCHEMA_VERSION, type ProcessExportDocument, type ProcessMeeting } from '../../../../shared/index.js';
import { rememberProcess } from '../../lib/myProcesses.js';
import { ProcessRecordPage } from './RecordPage.js';
import { INVITED, recordWorkshop } from './record.fixture.js';

afterEach(() => {
  vi.unstubAllGlobals();
  window.location.hash = '';
});

/**
 * A process of two meetings: the record fixture's workshop twice (the first as meeting 1, in
 * the spring, without feedback), with a report whose series are written out by hand.
 */
function processExport(): ProcessExportDocument {
  const w = recordWorkshop();
  const second = w.doc;
  const first = { ...second, workshop: { ...second.workshop, id: 'w0', code: 'SPRING', title: 'Spring meeting' }, process: { id: 'p1', code: 'PROCES', title: 'Warmteplan Noord', meeting: 1 }, feedback: { publishedAt: null, entries: [] } };
  const { affordability, sustainability } = w.values;
  const meeting = (doc: typeof second, index: number, kendallW: number, heldAt: number): ProcessMeeting => ({
    workshopId: doc.workshop.id,
    code: doc.workshop.code,
    title: doc.workshop.title,
    index,
    createdAt: heldAt,
    heldAt,
    liveEndedAt: null,
    online: null,
    representation: second.participation,
    voteActivityId: doc.summary.voteActivityId,
    voteKind: 'rank',
    kendallW,
    voteAnswers: { room: 7, online: 0 },
    commonGround: [],
    tensions: [],
    scan: [],
    options: null,
    feedback: null,
    feedbackOptions: {},
  });
  const spring = Date.UTC(2027, 3, 14, 18);
  const autumn = Date.UTC(2027, 9, 6, 18);
  return {
    schemaVersion: PROCESS_EXPORT_SCHEMA_VERSION,
    exportedAt: new Date(autumn + 86_400_000).toISOString(),
    process: { id: 'p1', code: 'PROCES', title: 'Warmteplan Noord', area: 'Wijk Noord, warmteplan', language: 'en', createdAt: new Date(spring).toISOString(), updatedAt: new Date(autumn).toISOString() },
    groups: w.state.groups.map((g, i) => ({ id: g.id, name: g.name, ...(g.i18n ? { i18n: g.i18n } : {}), invited: INVITED[i] ?? null })),
    report: {
      process: { id: 'p1', code: 'PROCES', title: 'Warmteplan Noord', area: 'Wijk Noord, warmteplan', language: 'en', createdAt: spring },
      groups: [],
      meetings: [meeting(first, 1, 0.41, spring), meeting(second, 2, 0.62, autumn)],
      values: [
        { valueId: affordability, title: 'Affordability', points: [{ meeting: 1, position: 2, normalizedScore: 0.7, share: 0.3 }, { meeting: 2, position: 1, normalizedScore: 0.9, share: 0.4 }] },
        { valueId: sustainability, title: 'Sustainability', points: [{ meeting: 1, position: 1, normalizedScore: 0.8, share: 0.35 }, { meeting: 2, position: null, normalizedScore: null, share: null }] },
      ],
      agreement: [
        { meeting: 1, kendallW: 0.41 },
        { meeting: 2, kendallW: 0.62 },
      ],
      scan: [
        { meeting: 1, factors: [{ factor: 'motivation', mean: 3.2 }, { factor: 'organisation', mean: 2.5 }, { factor: 'interaction', mean: 3.9 }, { factor: 'result', mean: null }] },
        { meeting: 2, factors: [{ factor: 'motivation', mean: 3.6 }, { factor: 'organisation', mean: 3.1 }, { factor: 'interaction', mean: 4 }, { factor: 'result', mean: 2.8 }] },
      ],
      organiser: true,
    },
    meetings: [first, second],
  };
}

function serve(body: unknown, status = 200) {
  const fetchMock = vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

// Role queries over a whole record (hundreds of elements) take seconds on a busy machine.
describe('the process participation record', { timeout: 20_000 }, () => {
  it('loads the process export with the organiser token and shows the series over time', async () => {
    const fetchMock = serve(processExport());
    window.location.hash = '#organiser-tok';
    render(<ProcessRecordPage code="PROCES" />);
    await screen.findByRole('heading', { level: 1, name: 'Warmteplan Noord' });
    expect(fetchMock).toHaveBeenCalledWith('/api/processes/PROCES/export', { headers: { Authorization: 'Bearer organiser-tok' } });

    const cover = screen.getByRole('region', { name: 'Warmteplan Noord' });
    expect(within(cover).getByText('Wijk Noord, warmteplan')).toBeInTheDocument();
    expect(within(cover).getByText('14 April 2027 – 6 October 2027')).toBeInTheDocument();
    expect(within(cover).getByRole('row', { name: 'Residents 400' })).toBeInTheDocument();

    const time = screen.getByRole('region', { name: 'Over the course of the process' });
    const participation = within(time).getByRole('table', { name: 'Participation per group against those invited' });
    expect(within(participation).getByRole('row', { name: /^Residents/ })).toHaveTextContent('Residents3 of 400 · 1%under-represented3 of 400 · 1%under-represented');
    const priority = within(time).getByRole('table', { name: 'The values’ positions per meeting' });
    expect(within(priority).getByRole('row', { name: /^Affordability/ })).toHaveTextContent('Affordability21');
    expect(within(priority).getByRole('row', { name: /^Sustainability/ })).toHaveTextContent('Sustainability1–');
    // W 0.41 is moderate, 0.62 strong (thresholds 0.3 and 0.5).
    expect(within(time).getByText('Meeting 1: 0.41 (moderate)')).toBeInTheDocument();
    expect(within(time).getByText('Meeting 2: 0.62 (strong)')).toBeInTheDocument();
    const scan = within(time).getByRole('table', { name: 'The collaboration scan’s four factors per meeting' });
    expect(within(scan).getByRole('row', { name: /^Result/ })).toHaveTextContent('Result–2.8');
    // Every chart is drawn next to its table and hidden from screen readers.
    for (const svg of time.querySelectorAll('svg')) expect(svg).toHaveAttribute('aria-hidden', 'true');
    expect(time.querySelectorAll('svg.rec-line')).toHaveLength(4);
  });

  it('gives each meeting in brief: its turnout per group, its results and what was done with it', async () => {
    serve(processExport());
    window.location.hash = '#organiser-tok';
    render(<ProcessRecordPage code="PROCES" />);
    const spring = await screen.findByRole('region', { name: 'Spring meeting' });
    expect(within(spring).getByText('Meeting 1 · 14 April 2027')).toBeInTheDocument();
    expect(within(spring).getByText('Residents: 3 of 400 invited took part (1%).')).toBeInTheDocument();
    expect(within(spring).getByText('What was done with the results has not been recorded (yet).')).toBeInTheDocument();
    const autumn = screen.getByRole('region', { name: 'Northside heat plan' });
    expect(within(autumn).getByText('Meeting 2 · 6 October 2027')).toBeInTheDocument();
    expect(within(within(autumn).getByRole('region', { name: 'What was done with it' })).getAllByRole('listitem')[0]).toHaveTextContent('What was doneThe heat plan caps the connection cost at €2,500 per household.');
    // One story per top value in brief.
    const stories = within(autumn).getByRole('region', { name: 'The stories next to the numbers' });
    expect(within(stories).getByText('My energy bill doubled last winter.')).toBeInTheDocument();
    expect(within(stories).queryByText('Pensioners on our street worry about the costs.')).toBeNull();
  });

  it('uses the organiser token this browser remembered', async () => {
    rememberProcess({ code: 'PROCES', title: 'Warmteplan Noord', organiserToken: 'remembered', createdAt: 1 });
    const fetchMock = serve({ error: { code: 'NOT_FOUND', message: 'no' } }, 404);
    render(<ProcessRecordPage code="PROCES" />);
    expect(await screen.findByRole('alert')).toHaveTextContent('This meeting or process does not exist (any more).');
    expect(fetchMock).toHaveBeenCalledWith('/api/processes/PROCES/export', { headers: { Authorization: 'Bearer remembered' } });
  });
});
