/**
 * A load process of the bench (forked by bench.ts): holds a share of the phones, each a lean
 * socket.io-client websocket, and runs what the orchestrator asks over the IPC channel (join,
 * answer bursts, closed loops, stories, drops and reconnects). Every operation is bounded by
 * the timeout in its request. Exits when the orchestrator goes away.
 */
import { io, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../../shared/index.js';
import {
  now,
  pool,
  randomAnswer,
  within,
  type AnswerResult,
  type ClosedLoopResult,
  type CountersResult,
  type JoinResult,
  type LoadReply,
  type LoadRequest,
  type ReconnectResult,
} from './common.js';

interface Phone {
  index: number;
  code: string;
  groupId: string;
  url: string;
  socket: Socket;
  token: string | null;
  bytes: number;
  messages: number;
  /** Set on every (re)connect: the views that make up a phone's snapshot. */
  gotView: boolean;
  gotSelf: boolean;
  onSnapshot: (() => void) | null;
  /** Why the server or the network closed this phone's connection last (null: open, or closed by the bench). */
  lost: string | null;
}

type Ack = { ok: true; data: Record<string, unknown> } | { ok: false; error: { code: string; message: string } };

const phones = new Map<number, Phone>();
let answerSeq = 0;
/** Connections closed by the server or the network, not by the bench (reported with errors). */
let lostCount = 0;

function phoneOf(index: number): Phone {
  const p = phones.get(index);
  if (!p) throw new Error(`no phone ${index}`);
  return p;
}

function newPhone(ref: { index: number; code: string; groupId: string }, url: string): Phone {
  const phone: Phone = { ...ref, url, token: null, bytes: 0, messages: 0, gotView: false, gotSelf: false, onSnapshot: null, lost: null, socket: null as unknown as Socket };
  const socket = io(url, {
    // Read on every connect, so a reconnect carries the participant token learnt by joining.
    auth: (cb) => cb({ protocol: PROTOCOL_VERSION, code: phone.code, view: 'phone', ...(phone.token ? { participantToken: phone.token } : {}) }),
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    autoConnect: false,
    timeout: 60_000,
  });
  // Every received socket.io message, counted at the engine.io layer (its encoded text).
  socket.io.on('open', () => {
    socket.io.engine.on('data', (data: unknown) => {
      phone.messages += 1;
      phone.bytes += typeof data === 'string' ? Buffer.byteLength(data) : ((data as ArrayBuffer).byteLength ?? 0);
    });
  });
  const snapshot = (kind: 'view' | 'self') => {
    if (kind === 'view') phone.gotView = true;
    else phone.gotSelf = true;
    if (phone.gotView && phone.gotSelf) phone.onSnapshot?.();
  };
  socket.on('disconnect', (reason) => {
    if (reason !== 'io client disconnect') {
      phone.lost = reason;
      lostCount += 1;
    }
  });
  socket.on('workshop:phone', () => snapshot('view'));
  socket.on('workshop:public', () => snapshot('view'));
  socket.on('participant:self', () => snapshot('self'));
  phone.socket = socket;
  return phone;
}

function connectOnce(phone: Phone, timeoutMs: number): Promise<void> {
  return within(
    new Promise<void>((resolve, reject) => {
      const s = phone.socket;
      const onConnect = () => (s.off('connect_error', onError), resolve());
      const onError = (err: Error) => (s.off('connect', onConnect), reject(new Error(`connect: ${err.message}`)));
      s.once('connect', onConnect);
      s.once('connect_error', onError);
      s.connect();
    }),
    timeoutMs,
    `phone ${phone.index} connect`,
  );
}

/** Retries after a failed connect as socket.io-client's defaults do: 1 s ± 50 %, until the timeout. */
const RETRY_DELAY_MS = 1000;

/** Connects, retrying like a real phone; resolves with the number of retries it needed. */
async function open(phone: Phone, timeoutMs: number): Promise<number> {
  phone.gotView = false;
  phone.gotSelf = false;
  phone.lost = null;
  const deadline = now() + timeoutMs;
  for (let retries = 0; ; retries++) {
    try {
      await connectOnce(phone, Math.max(1, deadline - now()));
      return retries;
    } catch (err) {
      const delay = RETRY_DELAY_MS * (0.5 + Math.random());
      const refused = err instanceof Error && /BAD_|PROTOCOL_|NOT_FOUND/.test(err.message);
      if (refused || now() + delay >= deadline) throw err;
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

function send(phone: Phone, event: string, payload: unknown, timeoutMs: number): Promise<Ack> {
  if (!phone.socket.connected) return Promise.reject(new Error(`phone ${phone.index} ${event}: not connected (${phone.lost ?? 'closed'}; ${lostCount} connections lost in this load process)`));
  return within(
    new Promise<Ack>((resolve) => phone.socket.emit(event, payload, (r: Ack) => resolve(r))),
    timeoutMs,
    `phone ${phone.index} ${event}${phone.socket.connected ? '' : ` (connection lost: ${phone.lost ?? 'closed'})`}`,
  );
}

const errorOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

async function join(req: Extract<LoadRequest, { op: 'join' }>): Promise<JoinResult> {
  const result: JoinResult = { connectMs: [], joinedMs: [], retries: 0, errors: [] };
  await pool(req.phones, req.concurrency, async (ref) => {
    const phone = newPhone(ref, req.url);
    phones.set(ref.index, phone);
    const t0 = now();
    try {
      result.retries += await open(phone, req.timeoutMs);
      result.connectMs.push(now() - t0);
      const ack = await send(phone, 'participant:join', { groupId: ref.groupId }, req.timeoutMs);
      if (!ack.ok) throw new Error(`join: ${ack.error.code} ${ack.error.message}`);
      phone.token = String(ack.data.token);
      result.joinedMs.push(now() - t0);
    } catch (err) {
      result.errors.push(errorOf(err));
    }
  });
  return result;
}

async function answer(req: Extract<LoadRequest, { op: 'answer' }>): Promise<AnswerResult> {
  const result: AnswerResult = { latencies: [], lastAckAt: 0, errors: [] };
  const one = async (index: number) => {
    const phone = phoneOf(index);
    const sent = now();
    try {
      const ack = await send(phone, 'answer:submit', { activityId: req.spec.activityId, answerId: `b${process.pid}-${answerSeq++}`, answer: randomAnswer(req.spec) }, req.timeoutMs);
      const at = now();
      if (!ack.ok) throw new Error(`answer: ${ack.error.code} ${ack.error.message}`);
      result.latencies.push(at - sent);
      result.lastAckAt = Math.max(result.lastAckAt, at);
    } catch (err) {
      result.errors.push(errorOf(err));
    }
  };
  if (req.windowMs <= 0) {
    await pool(req.indices, req.concurrency, one);
    return result;
  }
  // Open loop: each phone answers once at its own random moment in the window.
  await Promise.all(
    req.indices.map(
      (index) =>
        new Promise<void>((resolve) => {
          const at = req.startAt + Math.random() * req.windowMs;
          setTimeout(() => void one(index).then(resolve), Math.max(0, at - now()));
        }),
    ),
  );
  return result;
}

async function closedLoop(req: Extract<LoadRequest, { op: 'closedLoop' }>): Promise<ClosedLoopResult> {
  const result: ClosedLoopResult = { ok: 0, refused: 0, elapsedMs: 0, latencies: [], errors: [] };
  const t0 = now();
  const end = t0 + req.durationMs;
  await Promise.all(
    req.indices.map(async (index) => {
      const phone = phoneOf(index);
      let sent = 0;
      while (now() < end) {
        // Paced just under the server's per-participant command rate, so no answer is refused for speed.
        const wait = sent + req.minIntervalMs - now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        if (now() >= end) break;
        sent = now();
        try {
          const ack = await send(phone, 'answer:submit', { activityId: req.spec.activityId, answerId: `c${process.pid}-${answerSeq++}`, answer: randomAnswer(req.spec) }, req.timeoutMs);
          if (ack.ok) {
            result.ok += 1;
            result.latencies.push(now() - sent);
          } else {
            result.refused += 1;
            if (result.errors.length < 5) result.errors.push(`${ack.error.code} ${ack.error.message}`);
          }
        } catch (err) {
          result.errors.push(errorOf(err));
          return;
        }
      }
    }),
  );
  result.elapsedMs = now() - t0;
  return result;
}

async function story(req: Extract<LoadRequest, { op: 'story' }>): Promise<{ errors: string[] }> {
  const errors: string[] = [];
  await pool(req.indices, 100, async (index, i) => {
    const phone = phoneOf(index);
    const valueId = req.valueIds[i % req.valueIds.length] as string;
    try {
      const ack = await send(phone, 'story:add', { valueId, text: `Why this matters to phone ${index}: a story of a few words.` }, req.timeoutMs);
      if (!ack.ok) errors.push(`story: ${ack.error.code} ${ack.error.message}`);
    } catch (err) {
      errors.push(errorOf(err));
    }
  });
  return { errors };
}

function counters(indices: number[], reset: boolean): CountersResult {
  const out: CountersResult = { bytes: [], messages: [] };
  for (const index of indices) {
    const p = phoneOf(index);
    out.bytes.push(p.bytes);
    out.messages.push(p.messages);
    if (reset) {
      p.bytes = 0;
      p.messages = 0;
    }
  }
  return out;
}

function drop(indices: number[], forget: boolean): null {
  for (const index of indices) {
    const p = phones.get(index);
    if (!p) continue;
    p.socket.disconnect();
    if (forget) phones.delete(index);
  }
  return null;
}

async function reconnect(req: Extract<LoadRequest, { op: 'reconnect' }>): Promise<ReconnectResult> {
  const result: ReconnectResult = { snapshotMs: [], retries: 0, errors: [] };
  const t0 = now();
  await Promise.all(
    req.indices.map(async (index) => {
      const phone = phoneOf(index);
      if (phone.socket.connected) return;
      if (phone.url !== req.url) throw new Error(`phone ${index} belongs to ${phone.url}`);
      try {
        const snapshot = new Promise<void>((resolve) => (phone.onSnapshot = resolve));
        result.retries += await open(phone, req.timeoutMs);
        await within(snapshot, req.timeoutMs, `phone ${index} snapshot`);
        result.snapshotMs.push(now() - t0);
      } catch (err) {
        result.errors.push(errorOf(err));
      } finally {
        phone.onSnapshot = null;
      }
    }),
  );
  return result;
}

async function run(req: LoadRequest): Promise<unknown> {
  switch (req.op) {
    case 'join':
      return join(req);
    case 'answer':
      return answer(req);
    case 'closedLoop':
      return closedLoop(req);
    case 'story':
      return story(req);
    case 'resetCounters':
      return counters(req.indices, true);
    case 'counters':
      return counters(req.indices, false);
    case 'drop':
      return drop(req.indices, req.forget);
    case 'reconnect':
      return reconnect(req);
  }
}

process.on('message', (msg: { id: number; req: LoadRequest }) => {
  run(msg.req).then(
    (data) => process.send?.({ id: msg.id, ok: true, data } satisfies LoadReply),
    (err: unknown) => process.send?.({ id: msg.id, ok: false, error: errorOf(err) } satisfies LoadReply),
  );
});
// The orchestrator is gone (finished or crashed): close every phone and leave.
process.on('disconnect', () => {
  for (const p of phones.values()) p.socket.disconnect();
  process.exit(0);
});
process.send?.({ id: 0, ok: true, data: 'ready' } satisfies LoadReply);
