import { DomainHarness } from '../domain/testing.js';
import type { WorkshopState } from '../domain/types.js';
import { meetingState } from './meeting.js';
import type { ProcessState } from './model.js';
import { createMeetingSchema, type CreateMeetingInput } from './schema.js';

/**
 * Helpers for process tests: a process with two groups, and meetings made with meetingState and
 * then run through the domain harness (schema → decide → apply). Each meeting's ids carry its
 * own prefix, so ids made in a later meeting never collide with the values it carried over.
 */
export const T0 = 1_700_000_000_000;

export function testProcess(over: Partial<ProcessState> = {}): ProcessState {
  return {
    id: 'proc1',
    code: 'PQRSTU',
    title: 'Wijk Lombok, warmteplan',
    area: 'Lombok',
    language: 'nl',
    organiserTokenHash: 'org-hash',
    groups: [
      { id: 'g-res', name: 'Bewoners', i18n: { nl: 'Bewoners', en: 'Residents' }, invited: 100 },
      { id: 'g-mun', name: 'Gemeente', i18n: { nl: 'Gemeente', en: 'Municipality' }, invited: 20 },
    ],
    meetingIds: [],
    requests: [],
    createdAt: T0,
    updatedAt: T0,
    ...over,
  };
}

export function meetingBody(input: Partial<CreateMeetingInput> = {}) {
  return createMeetingSchema.parse({ requestId: 'request-0123456789', title: 'Bijeenkomst', ...input });
}

/** A meeting made by meetingState, in a harness whose clock starts at `now` and whose ids start with `prefix`. */
export function startMeeting(
  process: ProcessState,
  previous: WorkshopState | null,
  input: Partial<CreateMeetingInput>,
  prefix: string,
  now: number,
): DomainHarness {
  const h = new DomainHarness();
  let n = 0;
  h.nextId = () => `${prefix}${++n}`;
  h.now = now;
  h.state = meetingState(process, previous, meetingBody(input), { id: `w-${prefix}`, code: `CODE${prefix.toUpperCase()}`.slice(0, 6), hostTokenHash: 'host-hash', now, newId: () => h.nextId() });
  return h;
}

/** The process after a meeting was added to it. */
export function withMeeting(process: ProcessState, meeting: WorkshopState): ProcessState {
  return { ...process, meetingIds: [...process.meetingIds, meeting.id] };
}
