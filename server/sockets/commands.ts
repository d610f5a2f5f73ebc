import type { CommandName, CommandPayload, CommandResults, DomainEvent } from '../../shared/index.js';
import type { AppSocket } from './types.js';

/** A token made for a command that creates a participant; decide() only ever sees its hash. */
export interface IssuedToken {
  token: string;
  tokenHash: string;
}

/** What a row may do to connections once its command is stored and acknowledged. */
export interface SocketEffects {
  /** Makes this socket the new participant's: role, rooms, presence, and its first self view. */
  becomeParticipant(socket: AppSocket, participantId: string): void;
  /** Tells a removed participant's sockets and disconnects them. */
  removeParticipant(workshopId: string, participantId: string): void;
  /** Tells an erased participant's sockets (`participant:erased`) and disconnects them. */
  eraseParticipant(workshopId: string, participantId: string): void;
}

/**
 * One row per command: adding a command is adding a row. Schema and role come from shared/protocol/commands.ts and
 * the rule from decide(); the generic wrapper (dispatch.ts) does validation, role, rate limit,
 * storing and broadcasting. A row only says what the ack carries and what happens to sockets.
 */
export interface CommandRow<K extends CommandName> {
  /** The command creates a participant: the wrapper makes a token and passes its hash to decide(). */
  issuesToken?: boolean;
  /** The ack data, from the events the command stored (empty for an idempotent retry). */
  data(events: readonly DomainEvent[], payload: CommandPayload<K>, issued: IssuedToken | null): CommandResults[K];
  /**
   * Whose `participant:self` the command can change: the sender's (default), or every
   * participant's (agenda:remove deletes everyone's answers to the removed activity).
   */
  selfViews?: 'sender' | 'everyone';
  /** Runs after the ack. */
  after?(effects: SocketEffects, socket: AppSocket, events: readonly DomainEvent[]): void;
}

export type CommandTable = { [K in CommandName]: CommandRow<K> };

const nothing = (): Record<string, never> => ({});

/** The first event of a type; the rows below only look for events their command always emits. */
function eventOf<T extends DomainEvent['type']>(events: readonly DomainEvent[], type: T): Extract<DomainEvent, { type: T }> {
  const e = events.find((x): x is Extract<DomainEvent, { type: T }> => x.type === type);
  if (!e) throw new Error(`Expected a ${type} event`);
  return e;
}

export const commandTable: CommandTable = {
  'participant:join': {
    issuesToken: true,
    data: (events, _p, issued) => {
      if (!issued) throw new Error('participant:join needs a token');
      return { participantId: eventOf(events, 'participant:joined').participant.id, token: issued.token };
    },
    after: (fx, socket, events) => fx.becomeParticipant(socket, eventOf(events, 'participant:joined').participant.id),
  },
  'participant:update': { data: nothing },
  'participant:remove': {
    data: nothing,
    after: (fx, socket, events) => fx.removeParticipant(socket.data.workshopId, eventOf(events, 'participant:removed').participantId),
  },
  'participant:removeMany': {
    data: (events) => ({ removed: events.length }),
    after: (fx, socket, events) => {
      for (const e of events) if (e.type === 'participant:removed') fx.removeParticipant(socket.data.workshopId, e.participantId);
    },
  },
  // Every participant's self view: stories and endorsements of the erased person leave everyone's.
  'participant:erase': {
    data: nothing,
    selfViews: 'everyone',
    after: (fx, socket, events) => {
      for (const e of events) if (e.type === 'participant:erased') fx.eraseParticipant(socket.data.workshopId, e.participantId);
    },
  },
  'participant:eraseSelf': {
    data: nothing,
    selfViews: 'everyone',
    after: (fx, socket, events) => {
      for (const e of events) if (e.type === 'participant:erased') fx.eraseParticipant(socket.data.workshopId, e.participantId);
    },
  },
  // With a phone-made id, a retried send stores nothing and acknowledges that same id.
  'value:propose': { data: (events, payload) => ({ valueId: events.length ? eventOf(events, 'value:added').value.id : (payload.valueId ?? '') }) },
  'value:add': { data: (events, payload) => ({ valueId: events.length ? eventOf(events, 'value:added').value.id : (payload.valueId ?? '') }) },
  'value:edit': { data: nothing },
  'value:hide': { data: nothing },
  'value:merge': { data: nothing },
  'story:add': { data: (events, payload) => ({ storyId: events.length ? eventOf(events, 'story:added').story.id : (payload.storyId ?? '') }) },
  'story:endorse': { data: nothing },
  'story:hide': { data: nothing },
  'settings:update': { data: nothing },
  'activity:control': { data: nothing },
  'activity:configure': { data: nothing },
  'answer:submit': { data: (events, payload) => ({ answerId: payload.answerId, duplicate: events.length === 0 }) },
  'agenda:add': { data: (events) => ({ activityId: eventOf(events, 'agenda:added').activity.id }) },
  'agenda:move': { data: nothing },
  'agenda:remove': { data: nothing, selfViews: 'everyone' },
  'agenda:duplicate': { data: (events) => ({ activityId: eventOf(events, 'agenda:added').activity.id }) },
  'agenda:goto': { data: nothing },
  'activity:extend': { data: nothing },
  'summary:publish': { data: nothing },
  'open-answer:endorse': { data: nothing },
  // Published entries are in every participant's self view (feedbackAboutYou).
  'feedback:set': { data: (_events, payload) => ({ entryId: payload.entryId }), selfViews: 'everyone' },
  'feedback:remove': { data: nothing, selfViews: 'everyone' },
  'feedback:publish': { data: nothing, selfViews: 'everyone' },
  'online:open': { data: nothing },
  'online:close': { data: nothing },
  'groups:invited': { data: nothing },
};
