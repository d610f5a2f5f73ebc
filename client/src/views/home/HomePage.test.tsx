import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { i18n } from '../../i18n/index.js';
import { listMyWorkshops, rememberWorkshop } from '../../lib/myWorkshops.js';
import { HomePage } from './HomePage.js';

afterEach(async () => {
  vi.unstubAllGlobals();
  await act(() => i18n.changeLanguage('en'));
});

function renderHome() {
  const location = memoryLocation({ path: '/', record: true });
  render(
    <Router hook={location.hook}>
      <HomePage />
    </Router>,
  );
  return location;
}

describe('home: create a workshop', () => {
  it('posts the chosen settings with the groups as edited and goes to the console', async () => {
    const fetchMock = vi.fn(
      async () =>
        new Response(JSON.stringify({ code: 'XYZ234', hostToken: 'secret-token', workshopId: 'w1', urls: { host: '/f/XYZ234#secret-token', board: '/b/XYZ234', join: '/j/XYZ234' }, joinUrl: 'http://x/j/XYZ234' }), {
          status: 201,
        }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const location = renderHome();

    await userEvent.type(screen.getByLabelText('Workshop title'), 'Heat plan Northside');
    await userEvent.click(screen.getByRole('radio', { name: /Values-based working in the social domain/ }));
    await userEvent.click(screen.getByRole('radio', { name: 'Nederlands' }));
    // Untouched default groups follow the workshop language.
    expect(screen.getByLabelText('Name of group 1')).toHaveValue('Bewoners');
    await userEvent.click(screen.getByRole('button', { name: 'Remove group Anders' }));
    const fourth = screen.getByLabelText('Name of group 4');
    await userEvent.clear(fourth);
    await userEvent.type(fourth, 'Warmtenet');
    await userEvent.click(screen.getByRole('button', { name: /Add a group/ }));
    await userEvent.type(screen.getByLabelText('Name of group 7'), 'Scholen');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Participants may give their name' }));
    await userEvent.click(screen.getByRole('button', { name: 'Create workshop' }));

    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/workshops');
    expect(init.method).toBe('POST');
    expect(JSON.parse(init.body as string)).toEqual({
      title: 'Heat plan Northside',
      template: 'social-domain',
      language: 'nl',
      groups: ['Bewoners', 'Gemeente', 'Woningcorporatie', 'Warmtenet', 'Energiecoöperatie / bewonersinitiatief', 'Bedrijven', 'Scholen'],
      allowNames: true,
      allowProposals: true,
    });
    expect(location.history.at(-1)).toBe('/f/XYZ234#secret-token');
    expect(listMyWorkshops()).toMatchObject([{ code: 'XYZ234', title: 'Heat plan Northside', hostToken: 'secret-token' }]);
  });

  it('says what to fix instead of posting an incomplete form', async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    renderHome();
    await userEvent.click(screen.getByRole('button', { name: /Add a group/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Create workshop' }));
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Give the workshop a title.');
    expect(alert).toHaveTextContent('Name every group or remove it.');
    // The alert holds a real list: its items are list items of a list, not of an alert.
    expect(within(within(alert).getByRole('list')).getAllByRole('listitem')).toHaveLength(2);
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

describe('home: my workshops', () => {
  it('lists remembered workshops to reopen, and forgets one after confirming', async () => {
    rememberWorkshop({ code: 'ABCDEF', title: 'Old session', hostToken: 'tok-a', createdAt: Date.UTC(2026, 0, 5) });
    renderHome();
    const mine = screen.getByRole('region', { name: 'My workshops' });
    expect(within(mine).getByRole('link', { name: 'Open workshop Old session' })).toHaveAttribute('href', '/f/ABCDEF#tok-a');
    await userEvent.click(within(mine).getByRole('button', { name: 'Forget workshop Old session' }));
    await userEvent.click(within(mine).getByRole('button', { name: 'Yes, forget it' }));
    expect(within(mine).getByText('No workshops in this browser yet.')).toBeInTheDocument();
    expect(listMyWorkshops()).toEqual([]);
  });
});

describe('home: default groups', () => {
  it('leaves groups out of the body when they are the untouched defaults', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ code: 'XYZ234', hostToken: 't', workshopId: 'w', urls: {}, joinUrl: '' }), { status: 201 }));
    vi.stubGlobal('fetch', fetchMock);
    renderHome();
    await userEvent.type(screen.getByLabelText('Workshop title'), 'Check-up');
    await userEvent.click(screen.getByRole('button', { name: 'Create workshop' }));
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(JSON.parse(init.body as string)).toEqual({ title: 'Check-up', template: 'heat-transition', language: 'en', allowNames: false, allowProposals: true });
  });
});

describe('home: the workshop language follows the screen until chosen by hand', () => {
  it('tapping NL makes the workshop Dutch with Dutch groups; a hand-picked language and typed groups stay', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ code: 'XYZ234', hostToken: 't', workshopId: 'w', urls: {}, joinUrl: '' }), { status: 201 }));
    vi.stubGlobal('fetch', fetchMock);
    renderHome();
    expect(screen.getByRole('radio', { name: 'English' })).toBeChecked();
    expect(screen.getByLabelText('Name of group 1')).toHaveValue('Residents');

    await userEvent.click(screen.getByRole('button', { name: 'Nederlands' }));
    expect(screen.getByRole('group', { name: 'Taal van de workshop' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Nederlands' })).toBeChecked();
    // All seven default groups in Dutch.
    expect(screen.getAllByRole('textbox', { name: /^Naam van groep \d$/ }).map((i) => (i as HTMLInputElement).value)).toEqual([
      'Bewoners',
      'Gemeente',
      'Woningcorporatie',
      'Netbeheerder / warmtebedrijf',
      'Energiecoöperatie / bewonersinitiatief',
      'Bedrijven',
      'Anders',
    ]);
    await userEvent.type(screen.getByLabelText('Titel van de workshop'), 'Wijkavond');
    await userEvent.click(screen.getByRole('button', { name: 'Workshop aanmaken' }));
    // Untouched Dutch defaults: the body says nl and leaves the groups to the server.
    expect(JSON.parse((fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1].body as string)).toMatchObject({ language: 'nl' });
    expect(JSON.parse((fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1].body as string)).not.toHaveProperty('groups');
  });

  it('once the facilitator picks the language or types a group, the screen language no longer changes them', async () => {
    renderHome();
    // A hand choice: Dutch, then back to English (clicking the checked radio changes nothing).
    await userEvent.click(screen.getByRole('radio', { name: 'Nederlands' }));
    await userEvent.click(screen.getByRole('radio', { name: 'English' }));
    const first = screen.getByLabelText('Name of group 1');
    await userEvent.clear(first);
    await userEvent.type(first, 'Tenants');
    await userEvent.click(screen.getByRole('button', { name: 'Nederlands' }));
    expect(screen.getByRole('radio', { name: 'English' })).toBeChecked();
    expect(screen.getByLabelText('Naam van groep 1')).toHaveValue('Tenants');
    expect(screen.getByLabelText('Naam van groep 2')).toHaveValue('Municipality');
  });
});
