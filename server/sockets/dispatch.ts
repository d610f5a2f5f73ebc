import {
  COMMAND_NAMES,
  commandRoles,
  commandSchemas,
  fail,
  type AckResult,
  type Actor,
  type Command,
  type CommandName,
  type CommandPayload,
  type CommandResults,
  type ErrorBody,
} from '../../shared/index.js';
import { describeIssues, issuesOf } from '../http/errors.js';
import type { Limiters, Sender, Wait } from '../limits/index.js';
import type { Logger } from '../logger.js';
import { hashToken, newToken } from '../tokens.js';
import type { WorkshopRegistry } from '../workshops.js';
import type { Broadcaster } from './broadcaster.js';
import { commandTable, type CommandRow, type IssuedToken, type SocketEffects } from './commands.js';
import type { AppSocket, SocketData } from './types.js';

export interface DispatchDeps {
  registry: WorkshopRegistry;
  broadcaster: Broadcaster;
  effects: SocketEffects;
  clock: () => number;
  logger: Logger;
  limiters: Limiters;
  /** A join was refused by a rate limit (counted for the hosts' presence). */
  joinRefused(workshopId: string): void;
}

const KNOWN = new Set<string>(COMMAND_NAMES);

type Listener = (...args: unknown[]) => void;

/**
 * Registers every command of the table on a socket through one wrapper. Arguments are taken
 * as `unknown[]`: whatever a client sends, typed or not, is validated before it is trusted.
 */
export function registerCommands(socket: AppSocket, deps: DispatchDeps): void {
  const on = socket.on.bind(socket) as unknown as (event: string, listener: Listener) => void;
  for (const name of COMMAND_NAMES) on(name, (...args) => handle(name, args, socket, deps));
  // An unknown event with an ack gets an answer, so a client with a typo does not hang.
  socket.onAny((event: string, ...args: unknown[]) => {
    if (KNOWN.has(event)) return;
    const ack = args.at(-1);
    if (typeof ack !== 'function') return;
    deps.limiters.admitCommand(senderOf(socket)).then(
      (wait) => (ack as Listener)(wait > 0 ? { ok: false, error: rateLimited(wait, 'Too many messages') } : fail('BAD_REQUEST', 'Unknown event')),
      (err: unknown) => deps.logger.error('Rate limit failed', err),
    );
  });
}

/** Whose budget a command is taken from: the participant's (every socket of it), the workshop's hosts', or the visitor socket's and address's. */
function senderOf(socket: AppSocket): Sender {
  const { role, workshopId, participantId, address } = socket.data;
  if (role === 'participant' && participantId) return { role, workshopId, participantId };
  if (role === 'host') return { role, workshopId };
  return { role: 'visitor', socketId: socket.id, address };
}

const rateLimited = (wait: Wait, message: string): ErrorBody => ({ code: 'RATE_LIMITED', message, retryAfterMs: wait });

function actorOf(data: SocketData): Actor {
  if (data.role === 'participant' && data.participantId) return { role: 'participant', participantId: data.participantId };
  return data.role === 'host' ? { role: 'host' } : { role: 'visitor' };
}

function issueToken(): IssuedToken {
  const token = newToken();
  return { token, tokenHash: hashToken(token) };
}

/**
 * One command, start to finish: ack present → rate limit (the sender's budget) → schema → role →
 * for a join, the joins per address and per workshop → decide and apply
 * (registry.execute, at once, so two commands for the same workshop never interleave) →
 * stored with the rest of this event-loop turn's commands in one transaction → ack → socket
 * effects → coalesced broadcast. Never throws: a bug becomes INTERNAL.
 */
function handle<K extends CommandName>(name: K, args: unknown[], socket: AppSocket, deps: DispatchDeps): void {
  // The ack is the last argument. Without one there is nobody to answer; ignoring the message
  // is safe because nothing was stored.
  const ack = args.at(-1);
  if (typeof ack !== 'function') return;
  let replied = false;
  const reply = (result: AckResult<CommandResults[K]>): void => {
    replied = true;
    (ack as Listener)(result);
  };
  const call: Call<K> = {
    name,
    socket,
    deps,
    reply,
    refuse: (error) => reply({ ok: false, error }),
    failed: (err) => {
      deps.logger.error(`${name} failed`, err);
      if (!replied) reply({ ok: false, error: { code: 'INTERNAL', message: 'Something went wrong on the server' } });
    },
  };
  // Rate limit first: a flood is turned away before its payloads cost any parsing. The limiter
  // answers in a microtask, so the commands of one turn still reach the same stored batch, in order.
  deps.limiters.admitCommand(senderOf(socket)).then((wait) => {
    if (wait === 0) return validate(call, args);
    // Counted for the hosts only when it was a join: a participant's or a host's participant:join
    // would have been refused as FORBIDDEN, not as a join.
    if (name === 'participant:join' && commandRoles[name] === socket.data.role) deps.joinRefused(socket.data.workshopId);
    call.refuse(rateLimited(wait, 'Too many commands; slow down'));
  }, call.failed);
}

interface Call<K extends CommandName> {
  name: K;
  socket: AppSocket;
  deps: DispatchDeps;
  reply(result: AckResult<CommandResults[K]>): void;
  refuse(error: ErrorBody): void;
  failed(err: unknown): void;
}

function validate<K extends CommandName>(call: Call<K>, args: unknown[]): void {
  const { name, socket, deps, refuse } = call;
  try {
    const parsed = commandSchemas[name].safeParse(args.length > 1 ? args[0] : undefined);
    if (!parsed.success) return refuse({ code: 'BAD_REQUEST', message: describeIssues(issuesOf(parsed.error)) });
    if (commandRoles[name] !== socket.data.role) return refuse({ code: 'FORBIDDEN', message: `${name} is not allowed for a ${socket.data.role}` });
    const payload = parsed.data as CommandPayload<K>;
    if (name !== 'participant:join') return execute(call, payload);
    // Joins have their own budgets, per address and per workshop; a refusal is counted for the hosts.
    const { address, workshopId } = socket.data;
    deps.limiters.admitJoin(address, workshopId).then((wait) => {
      if (wait === 0) return execute(call, payload);
      deps.joinRefused(workshopId);
      refuse(rateLimited(wait, 'Too many joins at once; try again in a moment'));
    }, call.failed);
  } catch (err) {
    call.failed(err);
  }
}

function execute<K extends CommandName>({ name, socket, deps, reply, refuse, failed }: Call<K>, payload: CommandPayload<K>): void {
  try {
    const workshop = deps.registry.get(socket.data.workshopId);
    if (!workshop) return refuse({ code: 'NOT_FOUND', message: 'No such workshop' });
    const row = commandTable[name] as CommandRow<K>;
    const actor = actorOf(socket.data);
    const issued = row.issuesToken ? issueToken() : null;
    deps.registry
      .execute(workshop, { type: name, payload } as Command, actor, issued?.tokenHash)
      .then((result) => {
        if (!result.ok) return refuse(result.error);
        // Stored: from here on the command happened, whatever goes wrong while telling people.
        const events = result.value;
        reply({ ok: true, data: row.data(events, payload, issued) });
        row.after?.(deps.effects, socket, events);
        if (events.length > 0) {
          const selves = row.selfViews === 'everyone' ? 'all' : actor.role === 'participant' ? [actor.participantId] : [];
          deps.broadcaster.changed(workshop.id, selves);
        }
      })
      .catch(failed);
  } catch (err) {
    failed(err);
  }
}
