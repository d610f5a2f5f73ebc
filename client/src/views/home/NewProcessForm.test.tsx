import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { listMyProcesses, rememberProcess } from '../../lib/myProcesses.js';
import { HomePage } from './HomePage.js';

afterEach(() => vi.unstubAllGlobals());

function renderHome() {
  const location = memoryLocation({ path: '/', record: true });
  render(
    <Router hook={location.hook}>
      <HomePage />
    </Router>,
  );
  return location;
}

describe('home: a new process', { timeout: 20_000 }, () => {
  it('posts the title, area, language and groups with their invited numbers, then opens the organiser page', async () => {
    const fetchMock = vi.fn(async () =>
      Response.json({ code: 'PRCSS2', processId: 'p1', organiserToken: 'org-secret', urls: { organiser: '/p/PRCSS2#org-secret', public: '/p/PRCSS2' } }, { status: 201 }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const location = renderHome();

    const section = screen.getByRole('region', { name: 'Or: a process of meetings' });
    await userEvent.click(within(section).getByRole('button', { name: 'New process…' }));
    const form = within(section).getByRole('form', { name: 'New process' });
    await userEvent.type(within(form).getByLabelText('Process title'), 'Lombok heat plan');
    await userEvent.type(within(form).getByLabelText('Neighbourhood or plan'), 'Lombok');
    await userEvent.click(within(form).getByRole('radio', { name: 'Nederlands' }));
    // The default groups follow the process's language until edited.
    expect(within(form).getByLabelText('Name of group 1')).toHaveValue('Bewoners');
    await userEvent.type(within(form).getByLabelText('Invited in Bewoners'), '400');
    await userEvent.type(within(form).getByLabelText('Invited in Gemeente'), '12');
    for (const name of ['Anders', 'Bedrijven', 'Energiecoöperatie / bewonersinitiatief', 'Netbeheerder / warmtebedrijf']) {
      await userEvent.click(within(form).getByRole('button', { name: `Remove group ${name}` }));
    }
    await userEvent.click(within(form).getByRole('button', { name: 'Create process' }));

    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect([url, init.method]).toEqual(['/api/processes', 'POST']);
    expect(JSON.parse(init.body as string)).toEqual({
      title: 'Lombok heat plan',
      area: 'Lombok',
      language: 'nl',
      groups: [
        { name: 'Bewoners', invited: 400 },
        { name: 'Gemeente', invited: 12 },
        { name: 'Woningcorporatie', invited: null },
      ],
    });
    expect(location.history.at(-1)).toBe('/p/PRCSS2#org-secret');
    expect(listMyProcesses()).toMatchObject([{ code: 'PRCSS2', title: 'Lombok heat plan', organiserToken: 'org-secret' }]);
  });

  it('says what to fix instead of posting', async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    renderHome();
    await userEvent.click(screen.getByRole('button', { name: 'New process…' }));
    const form = screen.getByRole('form', { name: 'New process' });
    await userEvent.type(within(form).getByLabelText('Invited in Residents'), '-3');
    const second = within(form).getByLabelText('Name of group 2');
    await userEvent.clear(second);
    await userEvent.type(second, 'residents');
    await userEvent.click(within(form).getByRole('button', { name: 'Create process' }));
    const alert = within(form).getByRole('alert');
    expect(within(alert).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Give the process a title.',
      'Two groups have the same name.',
      'Invited is a whole number from 0 to 10000000, or empty.',
    ]);
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

describe('home: my processes', { timeout: 20_000 }, () => {
  it('lists remembered processes to reopen with the organiser link, and forgets one after confirming', async () => {
    rememberProcess({ code: 'PRCSS2', title: 'Lombok heat plan', organiserToken: 'org-a', createdAt: Date.UTC(2027, 0, 5) });
    renderHome();
    const mine = screen.getByRole('region', { name: 'My processes' });
    expect(within(mine).getByText('created 5 Jan 2027')).toBeInTheDocument();
    expect(within(mine).getByRole('link', { name: 'Open process Lombok heat plan' })).toHaveAttribute('href', '/p/PRCSS2#org-a');
    await userEvent.click(within(mine).getByRole('button', { name: 'Forget process Lombok heat plan' }));
    await userEvent.click(within(mine).getByRole('button', { name: 'Yes, forget it' }));
    expect(within(mine).getByText('No processes in this browser yet.')).toBeInTheDocument();
    expect(listMyProcesses()).toEqual([]);
    // The workshops' list is a list of its own.
    expect(screen.getByRole('region', { name: 'My workshops' })).toBeInTheDocument();
  });
});
