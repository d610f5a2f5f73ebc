import type { DomainEvent } from './events.js';
import { OPEN_ANSWER_FIELDS, openAnswerId, type OpenAnswerField } from './results.js';
import type { WorkshopState } from './types.js';
import { kindModule } from '../kinds/index.js';

/**
 * Stored events carry the version of the format they were written in. An event is never
 * rewritten in the database; replay upgrades an older one on the way in, so a log written by
 * any earlier Raakvlak replays on every later one (test: server/store/migrations.test.ts).
 *
 * Versions:
 * 1. The format of the first releases (stored before events carried a version).
 * 2. `open-answer:endorsed` names the open answer as `<activityId>:<participantId>:<answerId>:<field>`
 *    (version 1: `<answerId>:<field>`, which two phones with the same answer id shared).
 */
export const EVENT_VERSION = 2;

/**
 * The shape of WorkshopState in a snapshot. A snapshot of another version is ignored and the
 * workshop is replayed from its log instead: snapshots are a cache, the log is the truth.
 */
export const STATE_VERSION = 1;

/**
 * One stored event in the current format. `state` is the workshop just before it, for an
 * upgrade that needs to look something up. Throws on a version from the future.
 */
export function upgradeEvent(version: number, event: DomainEvent, state: WorkshopState | null): DomainEvent {
  if (!Number.isInteger(version) || version < 1 || version > EVENT_VERSION) {
    throw new Error(`event version ${version} is not one this server reads (it reads 1–${EVENT_VERSION})`);
  }
  if (version < 2 && event.type === 'open-answer:endorsed' && state) return { ...event, openAnswerId: upgradeOpenAnswerId(state, event.openAnswerId) };
  return event;
}

/**
 * A version-1 open-answer id, as version 1 resolved it when the endorsement was made: the
 * first activity with open answers in that field (agenda order; in version 1 only scans had them) and participant (in the order their answers came) whose answer then had that id and a
 * text in that field. One that resolves to nothing stays as it was and counts for nothing, as before.
 */
function upgradeOpenAnswerId(state: WorkshopState, id: string): string {
  const cut = id.lastIndexOf(':');
  const answerId = id.slice(0, cut);
  const field = id.slice(cut + 1) as OpenAnswerField;
  if (cut < 0 || !OPEN_ANSWER_FIELDS.includes(field)) return id;
  for (const activity of state.activities) {
    if (!Object.hasOwn(state.answers, activity.id)) continue;
    const kind = kindModule(activity.kind);
    for (const [participantId, stored] of Object.entries(state.answers[activity.id] ?? {})) {
      if (stored.answerId === answerId && kind.openAnswerText(activity, stored, field)) return openAnswerId(activity.id, participantId, answerId, field);
    }
  }
  return id;
}
