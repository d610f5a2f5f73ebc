import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AckResult } from '../../../shared/index.js';
import { RATE_LIMIT_PATIENCE_MS, send } from './send.js';
import { activeSocket } from './socket.js';

vi.mock('./socket.js', () => ({ activeSocket: vi.fn() }));

/** A connected socket whose acks are the scripted answers, one per emit; records when each emit went out. */
function scripted(answers: AckResult<Record<string, unknown>>[]) {
  const emits: number[] = [];
  const socket = {
    connected: true,
    timeout: () => ({
      emit: (_name: string, _payload: unknown, ack: (err: Error | null, r: unknown) => void) => {
        emits.push(Date.now());
        const answer = answers.shift();
        setTimeout(() => ack(null, answer), 0);
      },
    }),
  };
  vi.mocked(activeSocket).mockReturnValue(socket as never);
  return emits;
}

const limited = (retryAfterMs?: number): AckResult<Record<string, unknown>> => ({
  ok: false,
  error: { code: 'RATE_LIMITED', message: 'Too many joins at once', ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) },
});

beforeEach(() => {
  vi.useFakeTimers();
  vi.spyOn(Math, 'random').mockReturnValue(0.5);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('send() and RATE_LIMITED', () => {
  it('waits retryAfterMs (plus up to a second at random) and sends the same again, until it is accepted', async () => {
    const emits = scripted([limited(2000), limited(400), { ok: true, data: { participantId: 'p1', token: 't' } }]);
    const t0 = Date.now();
    const result = send('participant:join', { groupId: 'g1' });
    await vi.runAllTimersAsync();
    expect(await result).toEqual({ ok: true, data: { participantId: 'p1', token: 't' } });
    // 2000 + 0.5 × min(2000, 1000) = 2500 ms, then 400 + 0.5 × 400 = 200 ms more.
    expect(emits.map((t) => t - t0)).toEqual([0, 2500, 3100]);
  });

  it('gives up and answers RATE_LIMITED when the wait would go past its patience', async () => {
    const emits = scripted([limited(1000), limited(RATE_LIMIT_PATIENCE_MS)]);
    const result = send('participant:join', { groupId: 'g1' });
    await vi.runAllTimersAsync();
    expect(await result).toEqual(limited(RATE_LIMIT_PATIENCE_MS));
    expect(emits).toHaveLength(2);
  });

  it('passes a RATE_LIMITED without a wait straight on (the outbox retries it later)', async () => {
    const emits = scripted([limited()]);
    const result = send('story:add', { valueId: 'v1', text: 'Why' });
    await vi.runAllTimersAsync();
    expect(await result).toEqual(limited());
    expect(emits).toHaveLength(1);
  });
});
