import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { templateFileSchema, type HostView, type PublicView } from '../../../../../shared/index.js';
import { send } from '../../../net/send.js';
import { useStore } from '../../../store/index.js';
import { CODE, connectStore, exploreWorkshop } from '../../../test/fixtures.js';
import { HomePage } from '../../home/HomePage.js';
import { fullWorkshop } from '../../report/workshop.fixture.js';
import { ClosePanel } from './ClosePanel.js';
import { listMyTemplates } from './myTemplates.js';
import { ParticipantList } from './ParticipantList.js';

vi.mock('../../../net/send.js', () => ({ send: vi.fn() }));
const sendMock = vi.mocked(send);

let downloads: { name: string; blob: Blob }[] = [];

beforeEach(() => {
  sendMock.mockReset();
  sendMock.mockResolvedValue({ ok: true, data: {} } as never);
  connectStore();
  downloads = [];
  // jsdom has no object URLs and no downloads: record what would be saved.
  let lastBlob: Blob | null = null;
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn((b: Blob) => ((lastBlob = b), 'blob:x')), revokeObjectURL: vi.fn() }));
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    if (lastBlob) downloads.push({ name: this.download, blob: lastBlob });
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function load(view: { pub: () => PublicView; host: () => HostView }) {
  act(() => {
    useStore.getState().receivePublic(view.pub());
    useStore.getState().receiveHost(view.host());
  });
}

describe('participants', () => {
  it('lists who joined (name when given, group, time) and removes one after confirming', async () => {
    const w = exploreWorkshop({ allowNames: true });
    load(w);
    render(<ParticipantList />);
    await userEvent.click(screen.getByRole('button', { name: 'Show who is in (3)' }));
    const list = screen.getByRole('list', { name: 'Participants' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(3);
    expect(within(list).getByText('Anna')).toBeInTheDocument();
    expect(within(list).getAllByText('Anonymous')).toHaveLength(2);
    expect(within(list).getAllByText(/^Residents · joined at \d\d:\d\d$/)).toHaveLength(2);

    await userEvent.click(screen.getByRole('button', { name: 'Remove Anna (Residents)' }));
    expect(sendMock).not.toHaveBeenCalled();
    expect(screen.getByText(/Remove Anna\? The phone goes back to the join screen/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Yes, remove' }));
    expect(sendMock).toHaveBeenCalledWith('participant:remove', { participantId: w.anna.participantId });
  });
});

describe('close and report', () => {
  it('previews the summary and sends it to everyone', async () => {
    const w = fullWorkshop({ upTo: 'scan-revealed' });
    load(w);
    render(<ClosePanel code={CODE} hostToken="host-secret" />);
    const panel = screen.getByRole('region', { name: 'Close and report' });
    expect(within(panel).getByText('What weighs most').nextElementSibling).toHaveTextContent(/^1Affordability/);
    // The fixture's scan factors all have the same mean: the preview says so rather than naming one.
    expect(within(panel).getByText('The factors score alike: none stands out as strongest or weakest.')).toBeInTheDocument();
    await userEvent.click(within(panel).getByRole('button', { name: 'Send summary to everyone' }));
    expect(sendMock).toHaveBeenCalledWith('summary:publish', { published: true });
    expect(within(panel).getByRole('link', { name: /Printable report/ })).toHaveAttribute('href', `/r/${CODE}#host-secret`);
  });

  it('links the participation record, and the process page when the workshop is a meeting of one', () => {
    const w = fullWorkshop({ upTo: 'scan-revealed' });
    load(w);
    const { unmount } = render(<ClosePanel code={CODE} hostToken="org-secret" />);
    const panel = screen.getByRole('region', { name: 'Close and report' });
    expect(within(panel).getByRole('link', { name: /Participation record/ })).toHaveAttribute('href', `/r/${CODE}/record#org-secret`);
    expect(within(panel).queryByRole('link', { name: /Process page/ })).toBeNull();
    unmount();
    load({ pub: w.pub, host: () => ({ ...w.host(), process: { id: 'p1', code: 'PRCSSS', title: 'Heat plan Northside', meeting: 2 } }) });
    render(<ClosePanel code={CODE} hostToken="org-secret" />);
    expect(screen.getByRole('link', { name: 'Process page: Heat plan Northside (meeting 2)' })).toHaveAttribute('href', '/p/PRCSSS#org-secret');
  });

  it('downloads JSON, CSV and CSV for Dutch Excel with the host token', async () => {
    const w = fullWorkshop({ upTo: 'scan-open' });
    load(w);
    const fetchMock = vi.fn(async () => new Response('a;b\r\n', { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    render(<ClosePanel code={CODE} hostToken="host-secret" />);
    await userEvent.click(screen.getByRole('button', { name: 'Download the answers as CSV for Dutch Excel (semicolon)' }));
    await userEvent.click(screen.getByRole('button', { name: 'Download the answers as CSV (comma)' }));
    await userEvent.click(screen.getByRole('button', { name: 'Download everything as JSON' }));
    const auth = { headers: { Authorization: 'Bearer host-secret' } };
    expect(fetchMock.mock.calls).toEqual([
      [`/api/workshops/${CODE}/export.csv?sep=%3B`, auth],
      [`/api/workshops/${CODE}/export.csv`, auth],
      [`/api/workshops/${CODE}/export`, auth],
    ]);
    expect(downloads.map((d) => d.name)).toEqual([expect.stringMatching(/-excel-nl\.csv$/), expect.stringMatching(/\d\.csv$/), expect.stringMatching(/\.json$/)]);
  });

  it('saves the workshop as my template and downloads it as a valid template file', async () => {
    const w = fullWorkshop({ upTo: 'scan-open' });
    load(w);
    render(<ClosePanel code={CODE} hostToken="host-secret" />);
    const name = screen.getByLabelText('Template name');
    expect(name).toHaveValue('Northside heat plan');
    await userEvent.clear(name);
    await userEvent.type(name, 'Heat plan, evening');
    await userEvent.click(screen.getByRole('button', { name: 'Save as my template' }));
    const [saved] = listMyTemplates();
    expect(saved?.file).toMatchObject({ format: 'raakvlak-template', name: 'Heat plan, evening', language: 'en' });
    expect(saved?.file.agenda.map((a) => a.kind)).toEqual(['explore', 'dots', 'rank', 'rank', 'scan', 'options']);
    expect(saved?.file.cards).toHaveLength(12);
    expect(useStore.getState().notice?.message).toMatch(/Saved as “Heat plan, evening”/);

    await userEvent.click(screen.getByRole('button', { name: /Download template file/ }));
    expect(downloads[0]?.name).toBe('raakvlak-template-heat-plan-evening.json');
    const file = JSON.parse(await downloads[0]!.blob.text()) as unknown;
    expect(templateFileSchema.safeParse(file).success).toBe(true);
  });
});

describe('my templates on the home page', () => {
  function renderHome() {
    const location = memoryLocation({ path: '/', record: true });
    render(
      <Router hook={location.hook}>
        <HomePage />
      </Router>,
    );
  }
  const fileOf = (text: string) => new File([text], 'template.json', { type: 'application/json' });

  it('refuses an invalid template file with a clear error', async () => {
    renderHome();
    const input = screen.getByLabelText('Import a template file…');
    await userEvent.upload(input, fileOf('not json'));
    expect(await screen.findByRole('alert')).toHaveTextContent('This file is not JSON.');
    await userEvent.upload(input, fileOf(JSON.stringify({ format: 'raakvlak-template', version: 1, name: 'X', language: 'en', cards: [], agenda: [] })));
    expect(await screen.findByRole('alert')).toHaveTextContent('This is not a valid Raakvlak template: agenda:');
    expect(listMyTemplates()).toEqual([]);
  });

  it('imports a template file, offers it next to the built-in ones and creates a workshop from it', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ code: 'XYZ234', hostToken: 't', workshopId: 'w', urls: {}, joinUrl: '' }), { status: 201 }));
    vi.stubGlobal('fetch', fetchMock);
    renderHome();
    const template = {
      format: 'raakvlak-template',
      version: 1,
      name: 'Neighbourhood check',
      language: 'nl',
      cards: [{ title: 'Rust', description: 'Geen bouwlawaai' }],
      agenda: [{ kind: 'explore' }, { kind: 'scan', config: { timerSeconds: 300 } }],
      groups: ['Bewoners', 'Gemeente'],
    };
    await userEvent.upload(screen.getByLabelText('Import a template file…'), fileOf(JSON.stringify(template)));
    expect(await screen.findByRole('status')).toHaveTextContent('“Neighbourhood check” imported.');
    const mine = screen.getByRole('radio', { name: /Neighbourhood check/ });
    expect(mine).toBeChecked();
    expect(screen.getByText('2 steps · 1 value card')).toBeInTheDocument();
    expect(screen.getByLabelText('Name of group 1')).toHaveValue('Bewoners');

    await userEvent.type(screen.getByLabelText('Workshop title'), 'Check-up');
    await userEvent.click(screen.getByRole('button', { name: 'Create workshop' }));
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    const body = JSON.parse(init.body as string) as Record<string, unknown>;
    expect(body).not.toHaveProperty('template');
    expect(body).toMatchObject({ title: 'Check-up', language: 'nl', groups: ['Bewoners', 'Gemeente'], custom: { name: 'Neighbourhood check', agenda: [{ kind: 'explore' }, { kind: 'scan', config: { timerSeconds: 300 } }] } });
  });

  it('downloads and removes an own template', async () => {
    renderHome();
    await userEvent.upload(screen.getByLabelText('Import a template file…'), fileOf(JSON.stringify({ format: 'raakvlak-template', version: 1, name: 'Mine', language: 'en', cards: [], agenda: [{ kind: 'scan' }] })));
    await userEvent.click(await screen.findByRole('button', { name: 'Download template Mine' }));
    expect(downloads[0]?.name).toBe('raakvlak-template-mine.json');
    await userEvent.click(screen.getByRole('button', { name: 'Remove template Mine' }));
    expect(screen.queryByRole('radio', { name: /Mine/ })).not.toBeInTheDocument();
    expect(screen.getByRole('radio', { name: /Values-based working in the heat transition/ })).toBeChecked();
  });
});
