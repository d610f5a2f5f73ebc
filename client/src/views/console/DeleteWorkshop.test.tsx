import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ConnectionGate } from '../../components/ConnectionGate.js';
import { listMyWorkshops, rememberWorkshop } from '../../lib/myWorkshops.js';
import { useStore } from '../../store/index.js';
import { CODE, connectStore, exploreWorkshop } from '../../test/fixtures.js';
import { DeleteWorkshop } from './SettingsPanel.js';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  localStorage.clear();
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
  connectStore();
  const w = exploreWorkshop();
  useStore.getState().receivePublic(w.pub());
  useStore.getState().receiveHost(w.host());
  rememberWorkshop({ code: CODE, title: 'Northside heat plan', hostToken: 'host-secret', createdAt: 1 });
});

function consoleWithDelete() {
  return render(
    <ConnectionGate>
      <p>console</p>
      <DeleteWorkshop code={CODE} hostToken="host-secret" />
    </ConnectionGate>,
  );
}

describe('deleting the workshop from the console', () => {
  it('names what goes, deletes only once the join code is typed, then shows "deleted" and forgets the workshop', async () => {
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }));
    consoleWithDelete();
    await userEvent.click(screen.getByRole('button', { name: 'Delete this workshop…' }));
    // What goes, with the count of the three participants in the fixture.
    expect(screen.getByText(/This deletes for good: 3 participants with their names, every story \(hidden ones too\)/)).toBeInTheDocument();
    const confirm = screen.getByRole('button', { name: 'Delete for good' });
    expect(confirm).toBeDisabled();
    const field = screen.getByRole('textbox', { name: `Type the code ${CODE} to confirm` });
    await userEvent.type(field, 'ABCDEX');
    expect(confirm).toBeDisabled();
    await userEvent.clear(field);
    // Lower case and a space are the same code, as everywhere a code is typed.
    await userEvent.type(field, 'abc def');
    expect(confirm).toBeEnabled();
    expect(fetchMock).not.toHaveBeenCalled();
    await userEvent.click(confirm);

    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe(`/api/workshops/${CODE}`);
    expect(init).toMatchObject({ method: 'DELETE', headers: { Authorization: 'Bearer host-secret' } });
    expect(await screen.findByRole('alert')).toHaveTextContent('This workshop was deleted.');
    expect(screen.queryByText('console')).not.toBeInTheDocument();
    expect(listMyWorkshops()).toEqual([]);
  });

  it('keeps the workshop and says why when the server refuses; cancel closes the step', async () => {
    fetchMock.mockResolvedValue(new Response(JSON.stringify({ error: { code: 'FORBIDDEN', message: 'no' } }), { status: 403 }));
    consoleWithDelete();
    await userEvent.click(screen.getByRole('button', { name: 'Delete this workshop…' }));
    await userEvent.type(screen.getByRole('textbox'), CODE);
    await userEvent.click(screen.getByRole('button', { name: 'Delete for good' }));
    expect(await screen.findByRole('alert')).toHaveTextContent("The workshop could not be deleted. Your role can't do that.");
    expect(useStore.getState().deleted).toBe(false);
    expect(listMyWorkshops().map((w) => w.code)).toEqual([CODE]);
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('button', { name: 'Delete for good' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Delete this workshop…' })).toBeInTheDocument();
  });
});
