import { io as connectClient, type Socket } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type AckResult } from '../../shared/index.js';
import { connectHost, createWorkshop, mustAck, serverPool, waitFor } from './harness.js';

/**
 * The limits do not hit a real room: 2,000 phones behind ONE address (every client here is
 * 127.0.0.1, like a venue Wi-Fi behind NAT) arrive, join, answer a dots vote and come back all
 * at once after a Wi-Fi blip, with the DEFAULT limits. The phones arrive 50 a second, the
 * fastest a room arrives when everyone scans one QR code (docs/security.md, "How the default
 * limits were chosen"); they answer within 5 s of the vote opening.
 */
const PHONES = 2000;
const ARRIVAL_PER_SECOND = 50;
const ANSWER_WINDOW_MS = 5000;

interface Phone {
  socket: Socket;
  token: string | null;
}

type Ack = AckResult<Record<string, unknown>>;

describe('a 2,000-phone room behind one address, default limits', () => {
  const start = serverPool();

  it('joins, answers and reconnects after a blip without one refusal', { timeout: 150_000 }, async () => {
    const server = await start();
    const w = await createWorkshop(server, { title: 'Stadsgesprek', template: 'heat-transition', language: 'nl', groups: ['Bewoners', 'Gemeente', 'Corporatie', 'Netbeheerder'] });
    const host = await connectHost(server, w);
    const view = await waitFor(host, 'workshop:host');
    const groups = view.groups.map((g) => g.id);
    const values = view.allValues.map((v) => v.id);
    const dots = view.activities.find((a) => a.kind === 'dots')?.id as string;
    let refusals = 0;

    const phones: Phone[] = [];
    let transportRetries = 0;
    const openOnce = (phone: Phone): Promise<void> =>
      new Promise((resolve, reject) => {
        phone.socket.once('connect', () => resolve());
        phone.socket.once('connect_error', (err) => reject(new Error(err.message)));
        phone.socket.connect();
      });
    /**
     * Connects as a phone's socket.io client does: a transport error (the TCP backlog of a test
     * machine full during the storm) is tried again after 1 s ± 50 %. A refusal by the server
     * (RATE_LIMITED or any other connect error) fails the test.
     */
    const open = async (phone: Phone): Promise<void> => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await openOnce(phone);
        } catch (err) {
          const message = (err as Error).message;
          if (message === 'RATE_LIMITED') refusals += 1;
          if (!/websocket error|timeout/.test(message) || attempt >= 10) throw err;
          transportRetries += 1;
          await new Promise((r) => setTimeout(r, 500 + Math.random() * 1000));
        }
      }
    };
    const newPhone = (): Phone => {
      const phone: Phone = { token: null, socket: null as unknown as Socket };
      phone.socket = connectClient(server.url, {
        auth: (cb) => cb({ protocol: PROTOCOL_VERSION, code: w.code, view: 'phone', ...(phone.token ? { participantToken: phone.token } : {}) }),
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
        autoConnect: false,
      });
      return phone;
    };
    const emit = (phone: Phone, event: string, payload: unknown): Promise<Ack> =>
      new Promise((resolve) => (phone.socket.emit as (e: string, p: unknown, ack: (r: Ack) => void) => void)(event, payload, resolve));
    const must = async (phone: Phone, event: string, payload: unknown): Promise<Record<string, unknown>> => {
      const ack = await emit(phone, event, payload);
      if (!ack.ok) {
        if (ack.error.code === 'RATE_LIMITED') refusals += 1;
        throw new Error(`${event}: ${ack.error.code} ${ack.error.message}`);
      }
      return ack.data;
    };

    try {
      // ---- Arrival: a phone at least every 20 ms, each connecting and joining its group. One
      // after the other (not 2,000 timers set at once), so a busy test machine that runs this
      // process late makes the room arrive later, never in a clump no room would make.
      const t0 = Date.now();
      const arrivals: Promise<void>[] = [];
      for (let i = 0; i < PHONES; i++) {
        const phone = newPhone();
        phones.push(phone);
        arrivals.push(
          (async () => {
            await open(phone);
            const data = await must(phone, 'participant:join', { groupId: groups[i % groups.length] });
            phone.token = String(data.token);
          })(),
        );
        await new Promise((r) => setTimeout(r, 1000 / ARRIVAL_PER_SECOND));
      }
      await Promise.all(arrivals);
      const arrivalMs = Date.now() - t0;
      const joined = await waitFor(host, 'workshop:host', (v) => v.participants.length === PHONES, { timeoutMs: 20_000 });
      expect(joined.participants).toHaveLength(PHONES);

      // ---- The vote: every phone puts 3 dots within 5 s of it opening.
      await mustAck(host, 'agenda:goto', { activityId: dots });
      await Promise.all(
        phones.map(async (phone, i) => {
          await new Promise((r) => setTimeout(r, Math.random() * ANSWER_WINDOW_MS));
          const a = values[i % values.length] as string;
          const b = values[(i + 1) % values.length] as string;
          await must(phone, 'answer:submit', { activityId: dots, answerId: `a${i}`, answer: { kind: 'dots', dots: { [a]: 2, [b]: 1 } } });
        }),
      );
      const answered = await waitFor(host, 'workshop:host', (v) => v.answerCounts[dots]?.total === PHONES, { timeoutMs: 20_000 });
      expect(answered.answerCounts[dots]?.total).toBe(PHONES);

      // ---- A Wi-Fi blip: every phone drops and comes back at the same moment, with its token.
      for (const phone of phones) phone.socket.disconnect();
      const stormAt = Date.now();
      await Promise.all(phones.map((phone) => open(phone)));
      expect(phones.every((p) => p.socket.connected)).toBe(true);
      const back = await waitFor(host, 'workshop:presence', (p) => p.connected === PHONES, { timeoutMs: 20_000 });
      console.info(`2,000 phones: arrival ${arrivalMs} ms, reconnect storm ${Date.now() - stormAt} ms, ${transportRetries} transport retries`);

      expect(back.joinsRefused).toBe(0);
      expect(refusals).toBe(0);
    } finally {
      for (const phone of phones) phone.socket.disconnect();
    }
  });
});
