import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProcessReport } from '../../../../shared/index.js';
import { i18n } from '../../i18n/index.js';
import { listMyProcesses, rememberProcess } from '../../lib/myProcesses.js';
import { listMyWorkshops, rememberWorkshop } from '../../lib/myWorkshops.js';
import { ProcessPage } from './ProcessPage.js';
import { processReport } from './report.fixture.js';

const CODE = 'PRCSS2';

afterEach(async () => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
  await act(() => i18n.changeLanguage('en'));
});

type Call = { url: string; method: string; auth: string | null; body: unknown };

/**
 * A fetch that answers GET /api/processes/:code with the report (the organiser's when the
 * request carries `Bearer tok-org`) and every other request with the next of `replies`.
 */
function serve(replies: (() => Response | Promise<Response>)[] = [], report: (organiser: boolean) => ProcessReport = (organiser) => processReport({ organiser })) {
  const calls: Call[] = [];
  const fetchMock = vi.fn(async (url: string, init: RequestInit = {}) => {
    const headers = (init.headers ?? {}) as Record<string, string>;
    const auth = headers.Authorization ?? null;
    const method = init.method ?? 'GET';
    calls.push({ url, method, auth, body: typeof init.body === 'string' ? JSON.parse(init.body) : null });
    if (method === 'GET' && url === `/api/processes/${CODE}`) return Response.json(report(auth === 'Bearer tok-org'));
    const next = replies.shift();
    if (!next) throw new Error(`unexpected ${method} ${url}`);
    return next();
  });
  vi.stubGlobal('fetch', fetchMock);
  return calls;
}

const cells = (row: HTMLElement) => [...row.querySelectorAll('td')].map((c) => c.textContent);

describe('process page: the public version', { timeout: 20_000 }, () => {
  it('shows every meeting and figure with its table, and no organiser controls', async () => {
    const calls = serve();
    render(<ProcessPage code="prc-ss2" />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Lombok heat plan' })).toBeInTheDocument();
    expect(calls).toEqual([{ url: `/api/processes/${CODE}`, method: 'GET', auth: null, body: null }]);
    expect(screen.getByText('Lombok, neighbourhood plan')).toBeInTheDocument();
    expect(screen.getByText('3 meetings · 3 groups')).toBeInTheDocument();

    // Meeting 1: when, common ground and tension (flagged ones only), the options, the published feedback.
    const m1 = screen.getByRole('article', { name: 'Meeting 1 Spring evening' });
    expect(within(m1).getByText(/^Held on 10 Mar 2027/)).toBeInTheDocument();
    expect(within(m1).getByText('Affordable: at least 63% support in every group (lowest in Gemeente Utrecht)')).toBeInTheDocument();
    expect(within(m1).queryByText(/^Together:/)).toBeNull();
    expect(within(m1).getByText('Sustainable: higher for Residents, lower for Gemeente Utrecht (difference 45%)')).toBeInTheDocument();
    // The option every group can live with has no English title: the Dutch one stands in.
    expect(within(m1).getByText(/Options: the room chose Heat network\. What every group can live with: Warmtepompen\./)).toBeInTheDocument();
    expect(within(m1).getByText('About Affordable')).toBeInTheDocument();
    expect(within(m1).getByText('We lowered the connection fee for the heat network.')).toBeInTheDocument();
    expect(within(m1).getByText('Why: Residents put affordability first.')).toBeInTheDocument();
    expect(within(m1).getByText('When: spring 2027')).toBeInTheDocument();
    expect(within(m1).getByRole('link', { name: 'Read the decision' })).toHaveAttribute('href', 'https://example.org/besluit-12');
    // The public page links the meeting's own page, never its console, report or record.
    expect(within(m1).getByRole('link', { name: 'This meeting’s page' })).toHaveAttribute('href', '/j/KLMNPQ');
    expect(screen.queryByRole('link', { name: 'Console' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Report' })).toBeNull();
    expect(document.querySelector('a[href^="/f/"], a[href*="/record"]')).toBeNull();

    const m2 = screen.getByRole('article', { name: 'Meeting 2 Autumn evening' });
    expect(within(m2).getByText(/^Open online until 20 Oct 2027/)).toBeInTheDocument();
    expect(within(m2).getByText('Nothing published about this meeting yet.')).toBeInTheDocument();
    expect(within(m2).queryByText('draft')).toBeNull();

    // No edit controls at all.
    expect(screen.queryByRole('complementary', { name: 'Manage the process' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Create meeting' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Delete/ })).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('gives each chart a text alternative: a summary on the picture and the figures in a table', async () => {
    serve();
    render(<ProcessPage code={CODE} />);
    await screen.findByRole('heading', { level: 1 });

    expect(screen.getByRole('img', { name: 'Bar chart of 3 groups in 3 meetings: share of those who took part against share of those invited. The figures are in the table below.' })).toBeInTheDocument();
    const part = screen.getByRole('table', { name: 'Participation against invited' });
    const rows = within(part).getAllByRole('row');
    // header, 3 groups × 3 meetings, 3 totals
    expect(rows).toHaveLength(1 + 9 + 3);
    // Residents at meeting 1: 12 of 400 (3%), 12 of the 20 there (60%), 400 of the 410 invited (98%).
    expect(cells(rows[1]!)).toEqual(['Meeting 1', '12', '0', '400', '3%', '60%', '98%']);
    // Meeting 2: 8 (3 online) of 400 (2%), 8 of 20 (40%) against 98% of those invited: under-represented.
    expect(cells(rows[2]!)).toEqual(['Meeting 2', '8', '3', '400', '2%', '40%under-represented', '98%']);
    // The municipality at meeting 2: 12 of its 10 invited (120%), 60% of those there, 10 of 410 invited (2%).
    expect(cells(rows[5]!)).toEqual(['Meeting 2', '12', '0', '10', '120%', '60%', '2%']);
    // Shops: added after meeting 1; at meeting 2 nobody, number invited not known.
    expect(cells(rows[7]!)).toEqual(['Meeting 1', 'Not in this meeting']);
    expect(cells(rows[8]!)).toEqual(['Meeting 2', '0', '0', 'not known', '—', '0%', '—']);
    expect(cells(rows[10]!)).toEqual(['Meeting 1', '20', '0', '410', '']);
    expect(within(rows[1]!).getByText('Residents')).toBeInTheDocument();

    expect(screen.getByRole('img', { name: 'Line chart of the place of 3 values over 2 meetings. The figures are in the table below.' })).toBeInTheDocument();
    const prio = screen.getByRole('table', { name: 'Place and score per meeting' });
    expect(within(prio).getAllByRole('columnheader').map((c) => c.textContent)).toEqual(['Value', 'Meeting 1', 'Meeting 2', 'Meeting 3']);
    expect(cells(within(prio).getByRole('row', { name: /^Affordable/ }))).toEqual(['1 (82%)', '2 (60%)', 'not voted on']);
    expect(cells(within(prio).getByRole('row', { name: /^Sustainable/ }))).toEqual(['2 (50%)', '1 (75%)', 'not voted on']);
    expect(cells(within(prio).getByRole('row', { name: /^Together/ }))).toEqual(['3 (20%)', 'not voted on', 'not voted on']);

    expect(screen.getByRole('img', { name: 'Line chart of Kendall’s W over 2 meetings. The figures are in the table below.' })).toBeInTheDocument();
    const agree = within(screen.getByRole('table', { name: 'Agreement per meeting' })).getAllByRole('row');
    // W 0.62 is strong, 0.41 moderate (agreementLevel's steps 0.5 and 0.3).
    expect(cells(agree[1]!)).toEqual(['0.62', 'strong agreement', '20 in the room, 0 online']);
    expect(cells(agree[2]!)).toEqual(['0.41', 'moderate agreement', '17 in the room, 3 online']);
    expect(cells(agree[3]!)).toEqual(['—', 'No vote with answers.', '0 in the room, 0 online']);

    expect(screen.getByRole('img', { name: 'Line chart of the scan’s four factors over 2 meetings. The figures are in the table below.' })).toBeInTheDocument();
    const scan = within(screen.getByRole('table', { name: 'Mean per factor' })).getAllByRole('row');
    expect(within(scan[0]!).getAllByRole('columnheader').map((c) => c.textContent)).toEqual(['Meeting', 'Motivation', 'Organisation', 'Interaction', 'Result', 'Answers']);
    expect(cells(scan[1]!)).toEqual(['4.2', '3.1', '3.8', '—', '18']);
    // 2.75 shown with one decimal: 2.8.
    expect(cells(scan[2]!)).toEqual(['4.0', '3.5', '3.9', '2.8', '15']);
    expect(cells(scan[3]!)).toEqual(['—', '—', '—', '—', '0']);

    // The pictures are SVG: a line per value that was voted on at two meetings, a dot per place.
    const prioSvg = screen.getByRole('img', { name: /^Line chart of the place/ });
    expect(prioSvg.tagName.toLowerCase()).toBe('svg');
    expect(prioSvg.querySelectorAll('path')).toHaveLength(2); // Together has one point only: a dot, no line.
    expect(prioSvg.querySelectorAll('circle')).toHaveLength(5);
    const words = [...prioSvg.querySelectorAll('text')].map((t) => t.textContent);
    expect(words).toEqual(expect.arrayContaining(['M1', 'M2', 'Affordable', 'Sustainable', 'Together']));
    // Meeting 3 has no vote yet: it is in the table, not a column of the picture.
    expect(words).not.toContain('M3');
  });

  it('reads Dutch: words, numbers with a decimal comma, group and value names in Dutch', async () => {
    serve();
    await act(() => i18n.changeLanguage('nl'));
    render(<ProcessPage code={CODE} />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Lombok heat plan' })).toBeInTheDocument();
    const agree = within(screen.getByRole('table', { name: 'Overeenstemming per bijeenkomst' })).getAllByRole('row');
    expect(cells(agree[1]!)).toEqual(['0,62', 'sterke overeenstemming', '20 in de zaal, 0 online']);
    expect(cells(within(screen.getByRole('table', { name: 'Plaats en score per bijeenkomst' })).getByRole('row', { name: /^Betaalbaar/ }))).toEqual(['1 (82%)', '2 (60%)', 'niet gestemd']);
    expect(screen.getByRole('img', { name: /^Lijndiagram van de plaats van 3 waarden over 2 bijeenkomsten/ })).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 4, name: /^Jullie zeiden, wij deden/ })).toHaveLength(3);
    expect(screen.getByText('Over Betaalbaar')).toBeInTheDocument();
    expect(within(screen.getByRole('table', { name: 'Deelname tegen uitgenodigd' })).getAllByText('Bewoners')).toHaveLength(1);
  });
});

describe('process page: the organiser', { timeout: 20_000 }, () => {
  it('takes the token from the fragment, remembers it, clears it from the address bar, and shows the console links and drafts', async () => {
    const calls = serve();
    window.history.replaceState(null, '', `/p/${CODE}#tok-org`);
    render(<ProcessPage code={CODE} />);
    expect(await screen.findByRole('complementary', { name: 'Manage the process' })).toBeInTheDocument();
    expect(calls[0]).toEqual({ url: `/api/processes/${CODE}`, method: 'GET', auth: 'Bearer tok-org', body: null });
    expect(listMyProcesses()).toMatchObject([{ code: CODE, title: 'Lombok heat plan', organiserToken: 'tok-org' }]);
    expect(window.location.hash).toBe('');
    expect(window.location.pathname).toBe(`/p/${CODE}`);

    const m1 = screen.getByRole('article', { name: 'Meeting 1 Spring evening' });
    const links = within(within(m1).getByRole('list', { name: 'Links of Spring evening' })).getAllByRole('link');
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Console', '/f/KLMNPQ#tok-org'],
      ['Board', '/b/KLMNPQ'],
      ['Join page', '/j/KLMNPQ'],
      ['Report', '/r/KLMNPQ#tok-org'],
      ['Participation record', '/r/KLMNPQ/record'.concat('#tok-org')],
    ]);
    expect(screen.getByRole('link', { name: 'The process’s participation record' })).toHaveAttribute('href', `/p/${CODE}/record`);
    // The draft of meeting 2, marked as such.
    const m2 = screen.getByRole('article', { name: 'Meeting 2 Autumn evening' });
    expect(within(m2).getByText('draft')).toBeInTheDocument();
    expect(within(m2).getByText('An evening on the options in January.')).toBeInTheDocument();
    expect(within(m2).getByText('About the option Heat network')).toBeInTheDocument();
    expect(within(m2).getByText(/^Not published yet: only you see these/)).toBeInTheDocument();
    expect(within(m2).getByText('About the meeting')).toBeInTheDocument();
  });

  it('uses the token this browser remembers; a token the server does not take shows the public page and says so', async () => {
    rememberProcess({ code: CODE, title: 'Lombok heat plan', organiserToken: 'tok-old', createdAt: 1 });
    const calls = serve();
    render(<ProcessPage code={CODE} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('This organiser link does not belong to this process. You see the public page.');
    expect(calls.map((c) => c.auth)).toEqual(['Bearer tok-old', null]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Lombok heat plan' })).toBeInTheDocument();
    expect(screen.queryByRole('complementary', { name: 'Manage the process' })).toBeNull();
    expect(listMyProcesses()).toEqual([]);
  });

  it('says when the process does not exist', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Response.json({ error: { code: 'NOT_FOUND', message: 'no' } }, { status: 404 })));
    render(<ProcessPage code={CODE} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('This process does not exist (any more).');
  });
});

describe('process page: the organiser’s forms', { timeout: 20_000 }, () => {
  const asOrganiser = () => window.history.replaceState(null, '', `/p/${CODE}#tok-org`);
  const created = () => Response.json({ code: 'NEWMT2', workshopId: 'w4', meeting: 4, urls: { host: '/f/NEWMT2', board: '/b/NEWMT2', join: '/j/NEWMT2' }, joinUrl: 'http://x/j/NEWMT2' }, { status: 201 });

  it('a later meeting starts from the previous one; a retry after a lost answer sends the same request id, the next meeting a new one', async () => {
    const calls = serve([
      () => Promise.reject(new TypeError('network down')),
      created,
      created,
    ]);
    asOrganiser();
    render(<ProcessPage code={CODE} />);
    const tool = await screen.findByRole('region', { name: 'New meeting' });
    expect(within(tool).getByText(/starts from the previous one’s groups and all its values/)).toBeInTheDocument();
    expect(within(tool).queryByRole('group', { name: 'Template' })).toBeNull();

    await userEvent.click(within(tool).getByRole('button', { name: 'Create meeting' }));
    expect(within(tool).getByRole('alert')).toHaveTextContent('Give the meeting a title.');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    await userEvent.type(within(tool).getByLabelText('Meeting title'), 'Winter evening');
    await userEvent.click(within(tool).getByRole('radio', { name: /From the template “Values-based working in the heat transition”/ }));
    await userEvent.click(within(tool).getByRole('checkbox', { name: 'Start from the last ranking’s order' }));
    await userEvent.click(within(tool).getByRole('button', { name: 'Create meeting' }));
    expect(await within(tool).findByRole('alert')).toHaveTextContent("The meeting was not created. Can't reach the server. Check your connection.");

    await userEvent.click(within(tool).getByRole('button', { name: 'Create meeting' }));
    expect(await within(tool).findByText('Meeting 4 is created.')).toBeInTheDocument();
    expect(within(tool).getByRole('link', { name: 'Open its console' })).toHaveAttribute('href', '/f/NEWMT2#tok-org');

    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts.map((p) => [p.url, p.auth])).toEqual([
      [`/api/processes/${CODE}/meetings`, 'Bearer tok-org'],
      [`/api/processes/${CODE}/meetings`, 'Bearer tok-org'],
    ]);
    const first = posts[0]!.body as { requestId: string };
    expect(first.requestId).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    expect(posts[0]!.body).toEqual({ requestId: first.requestId, title: 'Winter evening', agenda: 'heat-transition', rankingOrder: true });
    expect(posts[1]!.body).toEqual(posts[0]!.body);
    // The page fetched the report again after the meeting was made.
    expect(calls.filter((c) => c.method === 'GET')).toHaveLength(2);

    await userEvent.type(within(tool).getByLabelText('Meeting title'), 'Winter evening');
    await userEvent.click(within(tool).getByRole('button', { name: 'Create meeting' }));
    await vi.waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(3));
    expect((calls.filter((c) => c.method === 'POST')[2]!.body as { requestId: string }).requestId).not.toBe(first.requestId);
  });

  it('the first meeting is made from a template', async () => {
    const empty = (organiser: boolean): ProcessReport => ({ ...processReport({ organiser }), meetings: [], values: [], agreement: [], scan: [] });
    const calls = serve([created], empty);
    asOrganiser();
    render(<ProcessPage code={CODE} />);
    const tool = await screen.findByRole('region', { name: 'New meeting' });
    expect(screen.getAllByText('No meetings yet.').length).toBeGreaterThan(0);
    await userEvent.type(within(tool).getByLabelText('Meeting title'), 'Kick-off');
    await userEvent.click(within(tool).getByRole('radio', { name: /Values-based working in the social domain/ }));
    expect(within(tool).queryByRole('checkbox')).toBeNull();
    await userEvent.click(within(tool).getByRole('button', { name: 'Create meeting' }));
    await within(tool).findByText('Meeting 4 is created.');
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.body).toEqual({ requestId: (post.body as { requestId: string }).requestId, title: 'Kick-off', template: 'social-domain' });
  });

  it('changes the title, area, groups and invited numbers with one PATCH; a group in a meeting cannot be removed', async () => {
    const calls = serve([() => new Response(null, { status: 204 })]);
    asOrganiser();
    render(<ProcessPage code={CODE} />);
    const tool = await screen.findByRole('region', { name: 'Change the process' });
    await userEvent.click(within(tool).getByRole('button', { name: 'Change title, neighbourhood and groups…' }));
    // Default groups show in the reader's language; every group is in a meeting already.
    expect(within(tool).getByLabelText('Name of group 1')).toHaveValue('Residents');
    expect(within(tool).getByLabelText('Invited in Residents')).toHaveValue('400');
    expect(within(tool).getByRole('button', { name: 'Remove group Residents' })).toBeDisabled();
    expect(within(tool).getByRole('button', { name: 'Remove group Shops' })).toBeDisabled();

    const area = within(tool).getByLabelText('Neighbourhood or plan');
    await userEvent.clear(area);
    await userEvent.type(area, 'Lombok-Oost');
    await userEvent.type(within(tool).getByLabelText('Invited in Shops'), '25');
    await userEvent.click(within(tool).getByRole('button', { name: /Add a group/ }));
    await userEvent.type(within(tool).getByLabelText('Name of group 4'), 'Schools');
    await userEvent.type(within(tool).getByLabelText('Invited in Schools'), '3a');
    await userEvent.click(within(tool).getByRole('button', { name: 'Save' }));
    expect(within(tool).getByRole('alert')).toHaveTextContent('Invited is a whole number from 0 to 10000000, or empty.');
    expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(0);

    const schools = within(tool).getByLabelText('Invited in Schools');
    await userEvent.clear(schools);
    await userEvent.type(schools, '30');
    await userEvent.click(within(tool).getByRole('button', { name: 'Save' }));
    expect(await within(tool).findByRole('status')).toHaveTextContent('Saved.');
    const patch = calls.find((c) => c.method === 'PATCH')!;
    expect([patch.url, patch.auth]).toEqual([`/api/processes/${CODE}`, 'Bearer tok-org']);
    expect(patch.body).toEqual({
      requestId: (patch.body as { requestId: string }).requestId,
      title: 'Lombok heat plan',
      area: 'Lombok-Oost',
      // The default group keeps its stored name: only its shown (English) name was in the field.
      groups: [
        { id: 'g-res', name: 'Bewoners', invited: 400 },
        { id: 'g-mun', name: 'Gemeente Utrecht', invited: 10 },
        { id: 'g-shops', name: 'Shops', invited: 25 },
        { name: 'Schools', invited: 30 },
      ],
    });
    expect(calls.filter((c) => c.method === 'GET')).toHaveLength(2);
  });

  it('downloads the export with the token', async () => {
    const createObjectURL = vi.fn((_: Blob) => 'blob:x');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const calls = serve([() => Response.json({ schemaVersion: 1 })]);
    asOrganiser();
    render(<ProcessPage code={CODE} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Download the export (JSON)' }));
    await vi.waitFor(() => expect(createObjectURL).toHaveBeenCalledTimes(1));
    expect(calls[1]).toMatchObject({ url: `/api/processes/${CODE}/export`, method: 'GET', auth: 'Bearer tok-org' });
    expect(await createObjectURL.mock.calls[0]![0].text()).toBe('{"schemaVersion":1}');
  });

  it('deletes the process after the code is typed, and forgets it and its meetings', async () => {
    rememberWorkshop({ code: 'KLMNPQ', title: 'Spring evening', hostToken: 'tok-org', createdAt: 1 });
    rememberWorkshop({ code: 'OTHER2', title: 'Unrelated', hostToken: 'x', createdAt: 1 });
    const calls = serve([() => new Response(null, { status: 204 })]);
    asOrganiser();
    render(<ProcessPage code={CODE} />);
    const tool = await screen.findByRole('region', { name: 'Delete the process' });
    await userEvent.click(within(tool).getByRole('button', { name: 'Delete the process…' }));
    expect(within(tool).getByText(/^This deletes for good the process and 3 meetings/)).toBeInTheDocument();
    const confirm = within(tool).getByRole('button', { name: 'Delete for good' });
    expect(confirm).toBeDisabled();
    await userEvent.type(within(tool).getByLabelText(`Type the code ${CODE} to confirm`), 'prc ss2');
    await userEvent.click(confirm);
    expect(await screen.findByText('The process and its meetings are deleted.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'DELETE')).toMatchObject({ url: `/api/processes/${CODE}`, auth: 'Bearer tok-org' });
    expect(listMyProcesses()).toEqual([]);
    expect(listMyWorkshops().map((w) => w.code)).toEqual(['OTHER2']);
  });
});
