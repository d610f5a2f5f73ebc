import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HOST } from '../../../../shared/domain/testing.js';
import { rememberWorkshop } from '../../lib/myWorkshops.js';
import { send } from '../../net/send.js';
import { connectWorkshop } from '../../net/socket.js';
import { useStore } from '../../store/index.js';
import { CODE, connectStore, exploreWorkshop } from '../../test/fixtures.js';
import { ConsolePage } from './ConsolePage.js';

vi.mock('../../net/send.js', () => ({ send: vi.fn() }));
vi.mock('../../net/socket.js', () => ({ connectWorkshop: vi.fn(() => () => {}), setParticipantToken: vi.fn(), activeSocket: () => null }));
const sendMock = vi.mocked(send);

beforeEach(() => {
  sendMock.mockReset();
  sendMock.mockResolvedValue({ ok: true, data: {} } as never);
  rememberWorkshop({ code: CODE, title: 'Northside heat plan', hostToken: 'host-secret', createdAt: 1 });
  connectStore();
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  window.location.hash = '';
});

function load(w: ReturnType<typeof exploreWorkshop>) {
  act(() => {
    useStore.getState().receivePublic(w.pub());
    useStore.getState().receiveHost(w.host());
  });
}

describe('facilitator console', () => {
  it('connects with the host token from the URL fragment, else from this browser', () => {
    window.location.hash = '#from-fragment';
    render(<ConsolePage code={CODE} />);
    expect(connectWorkshop).toHaveBeenLastCalledWith({ code: CODE, hostToken: 'from-fragment', participantToken: null });
  });

  it('shows the title, the join code grouped, participation per group and the agenda', () => {
    const w = exploreWorkshop();
    render(<ConsolePage code={CODE} />);
    load(w);
    act(() => useStore.getState().receivePresence({ connected: 2, byGroup: { [w.pub().groups[0]!.id]: 2 }, joinsRefused: 0 }));
    expect(screen.getByRole('heading', { level: 1, name: 'Northside heat plan' })).toBeInTheDocument();
    expect(screen.getByText('ABC DEF')).toBeInTheDocument();
    const residents = screen.getByRole('row', { name: /Residents/ });
    expect(within(residents).getAllByRole('cell').map((c) => c.textContent)).toEqual(['2', '2']);
    const current = screen.getByRole('listitem', { current: 'step' });
    expect(within(current).getByText('Explore')).toBeInTheDocument();
    expect(within(current).getByText('Open')).toBeInTheDocument();
  });

  it('controls activities: pause the current one, open the next', async () => {
    const w = exploreWorkshop();
    render(<ConsolePage code={CODE} />);
    load(w);
    const [explore, dots] = w.pub().activities;
    await userEvent.click(screen.getByRole('button', { name: 'Pause: Explore' }));
    expect(sendMock).toHaveBeenCalledWith('activity:control', { activityId: explore!.id, action: 'lock' });
    await userEvent.click(screen.getByRole('button', { name: 'Open: Dots' }));
    expect(sendMock).toHaveBeenCalledWith('activity:control', { activityId: dots!.id, action: 'open' });
  });

  it('moderates a value: hide, edit and merge send the right commands', async () => {
    const w = exploreWorkshop();
    render(<ConsolePage code={CODE} />);
    load(w);

    await userEvent.click(screen.getByRole('button', { name: 'Hide Comfort' }));
    expect(sendMock).toHaveBeenCalledWith('value:hide', { valueId: w.h.state.valueOrder[3], hidden: true });

    await userEvent.click(screen.getByRole('button', { name: 'Edit Affordability' }));
    const card = screen.getByRole('article', { name: 'Affordability' });
    const title = within(card).getByLabelText('Title');
    expect(title).toHaveAttribute('maxLength', '60');
    await userEvent.clear(title);
    await userEvent.type(title, 'Low costs');
    await userEvent.click(within(card).getByRole('button', { name: 'Save' }));
    expect(sendMock).toHaveBeenCalledWith('value:edit', { valueId: w.affordability, title: 'Low costs', description: 'The costs stay bearable for my household.' });

    await userEvent.click(screen.getByRole('button', { name: 'Merge Social fairness into another value' }));
    const fairness = screen.getByRole('article', { name: 'Social fairness' });
    await userEvent.selectOptions(within(fairness).getByLabelText('Merge into'), 'Affordability');
    await userEvent.click(within(fairness).getByRole('button', { name: 'Merge' }));
    expect(sendMock).toHaveBeenCalledWith('value:merge', { sourceId: w.fairness, targetId: w.affordability });
  });

  it('hides a story and lists hidden values separately, to show them again', async () => {
    const w = exploreWorkshop();
    w.h.must('value:hide', { valueId: w.fairness, hidden: true }, HOST);
    render(<ConsolePage code={CODE} />);
    load(w);

    const card = screen.getByRole('article', { name: 'Affordability' });
    const story = within(card).getByText('My energy bill doubled last winter.').closest('li')!;
    await userEvent.click(within(story as HTMLElement).getByRole('button', { name: 'Hide story' }));
    expect(sendMock).toHaveBeenCalledWith('story:hide', { storyId: w.s1, hidden: true });

    expect(screen.queryByRole('article', { name: 'Social fairness' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Show Social fairness again' }));
    expect(sendMock).toHaveBeenCalledWith('value:hide', { valueId: w.fairness, hidden: false });
  });

  it('suggests duplicates and merges them into the first with one click', async () => {
    const w = exploreWorkshop();
    const a = w.h.must('value:propose', { title: 'Lower bills', description: '' }, w.anna);
    const b = w.h.must('value:propose', { title: 'lower bill!', description: '' }, w.bob);
    render(<ConsolePage code={CODE} />);
    load(w);

    expect(screen.getByText('These look alike: Lower bills · lower bill!')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Merge into Lower bills' }));
    expect(sendMock).toHaveBeenCalledWith('value:merge', { sourceId: b, targetId: a });
  });

  it("shows a merged value's provenance", () => {
    const w = exploreWorkshop();
    const proposed = w.h.must('value:propose', { title: 'Cheap heat', description: '' }, w.anna);
    w.h.must('value:merge', { sourceId: proposed, targetId: w.affordability }, HOST);
    render(<ConsolePage code={CODE} />);
    load(w);
    expect(screen.getByText('Merged from: Affordability (Template), Cheap heat (Proposed by Residents)')).toBeInTheDocument();
  });

  it('toggles proposals and names with settings:update, and adds a value', async () => {
    const w = exploreWorkshop();
    render(<ConsolePage code={CODE} />);
    load(w);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Participants may propose values' }));
    expect(sendMock).toHaveBeenCalledWith('settings:update', { allowProposals: false });
    await userEvent.click(screen.getByRole('checkbox', { name: 'Show names' }));
    expect(sendMock).toHaveBeenCalledWith('settings:update', { allowNames: true });

    const add = screen.getByRole('region', { name: 'Add a value' });
    await userEvent.type(within(add).getByLabelText('Title'), 'Heritage');
    await userEvent.click(within(add).getByRole('button', { name: 'Add' }));
    expect(sendMock).toHaveBeenCalledWith('value:add', { title: 'Heritage', description: '', valueId: expect.stringMatching(/^[A-Za-z0-9_-]{21}$/) });
  });

  it('sets the smallest group the groups lens shows, and ignores a number out of range', async () => {
    const w = exploreWorkshop();
    render(<ConsolePage code={CODE} />);
    load(w);
    const input = screen.getByRole('spinbutton', { name: 'Smallest group shown in the groups lens' });
    expect(input).toHaveValue(3);
    await userEvent.clear(input);
    await userEvent.type(input, '0{Enter}');
    expect(sendMock).not.toHaveBeenCalledWith('settings:update', expect.anything());
    await userEvent.clear(input);
    await userEvent.type(input, '5{Enter}');
    expect(sendMock).toHaveBeenCalledWith('settings:update', { minGroupSize: 5 });
  });

  it('shows the reason when the server refuses a command', async () => {
    const w = exploreWorkshop();
    sendMock.mockResolvedValueOnce({ ok: false, error: { code: 'CONFLICT', message: 'merged' } });
    render(<ConsolePage code={CODE} />);
    load(w);
    await userEvent.click(screen.getByRole('button', { name: 'Hide Comfort' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('That already happened.');
  });

  it('exports with the host token as a bearer header and downloads a file', async () => {
    const w = exploreWorkshop();
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ schemaVersion: 1 }), { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    // jsdom has no object URLs.
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:x'), revokeObjectURL: vi.fn() }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    render(<ConsolePage code={CODE} />);
    load(w);

    await userEvent.click(screen.getByRole('button', { name: 'Export (JSON)' }));
    expect(fetchMock).toHaveBeenCalledWith(`/api/workshops/${CODE}/export`, { headers: { Authorization: 'Bearer host-secret' } });
    expect(click).toHaveBeenCalled();
  });
});
