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
    const rateLimited = !socket.data.bucket.take(deps.clock());
    (ack as Listener)(rateLimited ? fail('RATE_LIMITED', 'Too many messages') : fail('BAD_REQUEST', 'Unknown event'));
  });
}

function actorOf(data: SocketData): Actor {
  if (data.role === 'participant' && data.participantId) return { role: 'participant', participantId: data.participantId };
  return data.role === 'host' ? { role: 'host' } : { role: 'visitor' };
}

function issueToken(): IssuedToken {
  const token = newToken();
  return { token, tokenHash: hashToken(token) };
}

/**
 * One command, start to finish: ack present → rate limit → schema → role → decide and apply
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
  const refuse = (error: ErrorBody): void => reply({ ok: false, error });
  const failed = (err: unknown): void => {
    deps.logger.error(`${name} failed`, err);
    if (!replied) refuse({ code: 'INTERNAL', message: 'Something went wrong on the server' });
  };
  try {
    // Rate limit first: a flood is turned away before its payloads cost any parsing.
    if (!socket.data.bucket.take(deps.clock())) return refuse({ code: 'RATE_LIMITED', message: 'Too many commands; slow down' });
    const parsed = commandSchemas[name].safeParse(args.length > 1 ? args[0] : undefined);
    if (!parsed.success) return refuse({ code: 'BAD_REQUEST', message: describeIssues(issuesOf(parsed.error)) });
    if (commandRoles[name] !== socket.data.role) return refuse({ code: 'FORBIDDEN', message: `${name} is not allowed for a ${socket.data.role}` });
    const workshop = deps.registry.get(socket.data.workshopId);
    if (!workshop) return refuse({ code: 'NOT_FOUND', message: 'No such workshop' });

    const row = commandTable[name] as CommandRow<K>;
    const payload = parsed.data as CommandPayload<K>;
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
