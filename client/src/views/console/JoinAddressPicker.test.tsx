import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { JoinAddress, JoinAddressOptions } from '../../../../shared/index.js';
import { announceJoinAddress } from '../../net/joinAddress.js';
import { useStore } from '../../store/index.js';
import { JoinAddressPicker } from './JoinAddressPicker.js';

const CODE = 'ABCDEF';
const WIFI = 'http://192.168.1.23:3000';
const HOTSPOT = 'http://10.42.0.1:3000';
const options = (origin: string, reachable = true): JoinAddressOptions => ({
  joinUrl: `${origin}/j/${CODE}`,
  reachable,
  origin,
  offered: reachable
    ? [
        { origin: WIFI, kind: 'lan', interface: 'wlan0' },
        { origin: HOTSPOT, kind: 'lan', interface: 'ap0' },
      ]
    : [],
});

type Call = { url: string; method: string; auth: string | null; body: string | null };

/** The server's three join-address answers, with a current origin the test moves. */
function fakeServer(initial: JoinAddressOptions) {
  let current = initial;
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      calls.push({ url, method: init.method ?? 'GET', auth: headers.get('Authorization'), body: typeof init.body === 'string' ? init.body : null });
      if (url.endsWith('/join-address')) return Response.json({ joinUrl: current.joinUrl, reachable: current.reachable } satisfies JoinAddress);
      if (init.method === 'PUT') {
        const { origin } = JSON.parse(String(init.body)) as { origin: string };
        current = options(origin);
      }
      return Response.json(current);
    }),
  );
  return { calls, set: (next: JoinAddressOptions) => (current = next) };
}

afterEach(() => vi.unstubAllGlobals());

describe('JoinAddressPicker', () => {
  it("offers the server's origins with their interfaces and switches with the host token", async () => {
    const server = fakeServer(options(WIFI));
    render(<JoinAddressPicker code={CODE} hostToken="tok" />);
    const select = await screen.findByLabelText('Address for phones');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['192.168.1.23:3000 (wlan0)', '10.42.0.1:3000 (ap0)']);
    expect(select).toHaveValue(WIFI);

    await userEvent.selectOptions(select, HOTSPOT);
    const put = server.calls.find((c) => c.method === 'PUT');
    expect(put).toEqual({ url: `/api/workshops/${CODE}/join-address/options`, method: 'PUT', auth: 'Bearer tok', body: JSON.stringify({ origin: HOTSPOT }) });
    expect(await screen.findByLabelText('Address for phones')).toHaveValue(HOTSPOT);
    expect(useStore.getState().notice).toEqual({ tone: 'info', message: `Phones now join at 10.42.0.1:3000/j/${CODE}` });
  });

  it('says phones cannot reach the laptop when it has no network, and shows the address once one appears', async () => {
    const server = fakeServer(options('http://localhost:3000', false));
    render(<JoinAddressPicker code={CODE} hostToken="tok" />);
    expect(await screen.findByRole('alert')).toHaveTextContent('Phones cannot reach this laptop: connect to a Wi-Fi or start a hotspot.');
    expect(screen.queryByLabelText('Address for phones')).toBeNull();

    // A hotspot is started; the board's poll (or the socket) announces the new address.
    server.set(options(HOTSPOT));
    announceJoinAddress(CODE, { joinUrl: `${HOTSPOT}/j/${CODE}`, reachable: true });
    expect(await screen.findByLabelText('Address for phones')).toHaveValue(HOTSPOT);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
