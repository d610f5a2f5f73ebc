import { render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HOST } from '../../../../shared/domain/testing.js';
import { exportWorkshop, type ProcessReport } from '../../../../shared/index.js';
import { i18n } from '../../i18n/index.js';
import { rememberWorkshop } from '../../lib/myWorkshops.js';
import { CODE } from '../../test/fixtures.js';
import { WorkshopRecordPage } from './RecordPage.js';
import { recordWorkshop } from './record.fixture.js';

afterEach(() => {
  vi.unstubAllGlobals();
  window.location.hash = '';
});

/** Serves the export at its URL and the public process page (for the area); anything else 404. */
function serve(routes: Record<string, { status?: number; body: unknown }>) {
  const fetchMock = vi.fn(async (url: string) => {
    const r = routes[url];
    return new Response(JSON.stringify(r?.body ?? { error: { code: 'NOT_FOUND', message: 'no' } }), { status: r ? (r.status ?? 200) : 404, headers: { 'Content-Type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const processPage = { process: { id: 'p1', code: 'PROCES', title: 'Warmteplan Noord', area: 'Wijk Noord, warmteplan', language: 'en', createdAt: 1 } } as Partial<ProcessReport>;

async function openRecord() {
  const w = recordWorkshop();
  const fetchMock = serve({ [`/api/workshops/${CODE}/export`]: { body: w.doc }, '/api/processes/PROCES': { body: processPage } });
  window.location.hash = '#tok-from-link';
  render(<WorkshopRecordPage code={CODE} />);
  await screen.findByRole('heading', { level: 1, name: 'Northside heat plan' });
  return { w, fetchMock };
}

// Role queries over a whole record (hundreds of elements) take seconds on a busy machine.
describe('the workshop participation record', { timeout: 20_000 }, () => {
  it('loads the export with the host token and names the decision moment', async () => {
    const { fetchMock } = await openRecord();
    expect(fetchMock).toHaveBeenCalledWith(`/api/workshops/${CODE}/export`, { headers: { Authorization: 'Bearer tok-from-link' } });
    // The area is the process's, from its public page (no token).
    expect(fetchMock).toHaveBeenCalledWith('/api/processes/PROCES', undefined);
    const cover = screen.getByRole('region', { name: 'Northside heat plan' });
    expect(within(cover).getByText('Warmteplan Noord · meeting 2')).toBeInTheDocument();
    expect(await within(cover).findByText('Wijk Noord, warmteplan')).toBeInTheDocument();
    // 11 took part of 400 + 20 + 10 = 430 invited.
    expect(within(cover).getByText('11 of 430 invited')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Print / save as PDF' })).toBeEnabled();
  });

  it('shows who was invited and who took part per group, and names the under-represented group', async () => {
    await openRecord();
    const who = screen.getByRole('region', { name: 'Who was invited and who took part' });
    // Residents 3/400 = 0.75 % → 1 %; municipality 7/20 = 35 %; housing association 1/10 = 10 %.
    expect(within(who).getByText('Residents: 3 of 400 invited took part (1%).')).toBeInTheDocument();
    expect(within(who).getByText('Municipality: 7 of 20 invited took part (35%).')).toBeInTheDocument();
    expect(within(who).getByText('Housing association: 1 of 10 invited took part (10%).')).toBeInTheDocument();
    const table = within(who).getByRole('table');
    const residents = within(table).getByRole('row', { name: /^Residents/ });
    expect(residents).toHaveTextContent('under-represented');
    expect(residents).toHaveTextContent('3 of 400 · 1%');
    // Share of participants 3/11 = 27 % against 400/430 = 93 % of those invited.
    expect(residents).toHaveTextContent('27% / 93%');
    expect(within(table).getByRole('row', { name: /^Municipality/ })).not.toHaveTextContent('under-represented');
    expect(within(table).getByRole('row', { name: /^Total/ })).toHaveTextContent('11 of 430');
    expect(within(who).getByText(/^Under-represented: Residents \(27% of the participants against 93% of those invited\)\. This group/)).toBeInTheDocument();
    expect(within(who).getByText('In the room: 11 · online after the meeting: 0.')).toBeInTheDocument();
  });

  it('lists what was asked, the results with their agreement, and the stories next to the top values', async () => {
    const { w } = await openRecord();
    const asked = screen.getByRole('region', { name: 'What was asked' });
    const steps = within(asked).getByRole('table', { name: /The meeting’s steps/ });
    expect(within(steps).getByRole('row', { name: /^4\. Rank · round 2/ })).toHaveTextContent('Put the values in order of importance.7');
    expect(within(steps).getByRole('row', { name: /^6\. Weigh the options/ })).toHaveTextContent('not held');

    const results = screen.getByRole('region', { name: 'What came out, and how much agreement there was' });
    const top = w.doc.summary.topValues;
    const title = (id: string) => w.doc.values.find((v) => v.id === id)!.title;
    expect(top[0]!.valueId).toBe(w.values.affordability);
    const rows = within(within(results).getByRole('table', { name: 'Top values' })).getAllByRole('row');
    expect(rows[1]).toHaveTextContent(`1${title(top[0]!.valueId)}`);
    expect(within(results).getByText('From the last vote with answers (4. Rank · round 2).')).toBeInTheDocument();
    expect(within(results).getByText(/^Agreement in the room: .+ \(Kendall’s W = 0[.,]\d\d\)\.$/)).toBeInTheDocument();
    expect(within(results).getByText(/^Motivation: \d\.\d out of 5$/)).toBeInTheDocument();

    // The stories next to the numbers: affordability's most recognised story first, with its 2 endorsements.
    const stories = screen.getByRole('region', { name: 'The stories next to the numbers' });
    const first = within(stories).getByRole('heading', { name: `1. ${title(w.values.affordability)}` }).closest('section')!;
    const quotes = within(first).getAllByRole('listitem');
    expect(quotes[0]).toHaveTextContent('My energy bill doubled last winter.2 recognise this');
    expect(quotes[1]).toHaveTextContent('Pensioners on our street worry about the costs.');
  });

  it('prints what was done with it, with the link written out, and how the meeting was run', async () => {
    await openRecord();
    const did = screen.getByRole('region', { name: 'What was done with it' });
    const entries = within(did).getAllByRole('listitem');
    expect(entries).toHaveLength(2);
    expect(entries[0]).toHaveTextContent('Value: Affordability');
    expect(entries[0]).toHaveTextContent('What was doneThe heat plan caps the connection cost at €2,500 per household.');
    expect(entries[0]).toHaveTextContent('WhenCouncil decision, 12 March 2027');
    const link = within(entries[0]!).getByRole('link');
    expect(link).toHaveAttribute('href', 'https://example.org/raad/2027-03-12/warmteplan');
    expect(link).toHaveTextContent('https://example.org/raad/2027-03-12/warmteplan');
    // An entry without a reason, time or link shows only its decision.
    expect(entries[1]).toHaveTextContent(/^Tension: Social fairnessWhat was doneTenants and owners get a separate information evening\.$/);
    expect(within(did).getByText(/^Published at the meeting’s link on /)).toBeInTheDocument();

    const run = screen.getByRole('region', { name: 'How the meeting was run' });
    expect(within(run).getByText('5 of 6: 1. Explore, 2. Dots, 3. Rank, 4. Rank · round 2, 5. Collaboration scan')).toBeInTheDocument();
    expect(within(run).getByText('Participants stayed anonymous to the room.')).toBeInTheDocument();
    // The 4 municipality people came in 10 minutes after the first step opened.
    expect(within(run).getByText('4 participants came in after the first step opened.')).toBeInTheDocument();
    expect(within(run).getByText('Nothing stayed open online after the meeting.')).toBeInTheDocument();
    expect(within(run).getByText('Hidden values: 0 · hidden stories: 0 · merged values: 0 · removed participants: 0')).toBeInTheDocument();
  });

  it('reads in Dutch', async () => {
    await i18n.changeLanguage('nl');
    const w = recordWorkshop();
    serve({ [`/api/workshops/${CODE}/export`]: { body: w.doc } });
    window.location.hash = '#tok';
    render(<WorkshopRecordPage code={CODE} />);
    const who = await screen.findByRole('region', { name: 'Wie werd uitgenodigd en wie deed mee' });
    expect(within(who).getByText('Bewoners: 3 van 400 uitgenodigden deden mee (1%).')).toBeInTheDocument();
    expect(within(who).getByText(/^Ondervertegenwoordigd: Bewoners \(27% van de deelnemers tegen 93% van de uitgenodigden\)/)).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Wat er mee is gedaan' })).toHaveTextContent('Wat er is gedaan');
  });

  it('uses the token this browser remembered, and explains a refused one', async () => {
    rememberWorkshop({ code: CODE, title: 'Northside heat plan', hostToken: 'remembered', createdAt: 1 });
    const fetchMock = serve({ [`/api/workshops/${CODE}/export`]: { status: 403, body: { error: { code: 'FORBIDDEN', message: 'no' } } } });
    render(<WorkshopRecordPage code={CODE} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('This link does not belong to this meeting or process.');
    expect(fetchMock).toHaveBeenCalledWith(`/api/workshops/${CODE}/export`, { headers: { Authorization: 'Bearer remembered' } });
  });

  it('asks for the facilitator link when there is no token', () => {
    render(<WorkshopRecordPage code={CODE} />);
    expect(screen.getByRole('alert')).toHaveTextContent('This record needs the facilitator link');
  });
});

describe('the record after an online window', { timeout: 20_000 }, () => {
  it('counts who took part online and the answers given online, and names the window', async () => {
    const w = recordWorkshop();
    const { h } = w;
    // The dots step stays open online for two days; a resident joins afterwards and answers.
    h.now += 3_600_000;
    const until = h.now + 2 * 86_400_000;
    h.must('online:open', { activityIds: [w.ids.dots], until }, HOST);
    h.now += 60_000;
    const late = h.join(0);
    h.must('answer:submit', { activityId: w.ids.dots, answerId: 'online-1', answer: { kind: 'dots', dots: { [w.values.fairness]: 2 } } }, late);
    const doc = exportWorkshop({ ...h.state, process: w.state.process ?? null }, h.now);
    serve({ [`/api/workshops/${CODE}/export`]: { body: doc } });
    window.location.hash = '#tok';
    render(<WorkshopRecordPage code={CODE} />);
    const who = await screen.findByRole('region', { name: 'Who was invited and who took part' });
    // Residents 3 in the room + 1 online = 4 of 400 (1 %).
    expect(within(who).getByText('Residents: 4 of 400 invited took part (1%).')).toBeInTheDocument();
    expect(within(who).getByText('In the room: 11 · online after the meeting: 1.')).toBeInTheDocument();
    const steps = within(screen.getByRole('region', { name: 'What was asked' })).getByRole('table', { name: /The meeting’s steps/ });
    expect(within(steps).getByRole('row', { name: /^2\. Dots/ })).toHaveTextContent('8 (7 room, 1 online)');
    const run = screen.getByRole('region', { name: 'How the meeting was run' });
    expect(within(run).getByText(/^2\. Dots stayed open online from .+ until .+\.$/)).toBeInTheDocument();
  });
});
