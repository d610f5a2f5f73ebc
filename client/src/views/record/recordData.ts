import type { ExportDocument, ExportFeedbackEntry } from '../../../../shared/index.js';

/** The workshop export (docs/export.md), with its processes, feedback and room/online fields. */
export type RecordDoc = ExportDocument;
export type RecordFeedbackEntry = ExportFeedbackEntry;

/** When the meeting was held: the first step opened, and the last answer given in the room (not online); null when no step opened. */
export function heldSpan(doc: RecordDoc): { start: number; end: number } | null {
  const opened = doc.activities.flatMap((a) => (a.openedAt === null ? [] : [Date.parse(a.openedAt)]));
  if (opened.length === 0) return null;
  const start = Math.min(...opened);
  const roomAnswers = doc.activities.flatMap((a) => a.answers.filter((x) => x.channel === 'room').map((x) => Date.parse(x.submittedAt)));
  const end = Math.max(start, ...roomAnswers);
  return { start, end };
}

/** Participants still in who joined after the first step opened and before the live session ended (the online ones are counted apart). */
export function lateJoiners(doc: RecordDoc): number {
  const span = heldSpan(doc);
  if (!span) return 0;
  const ended = doc.liveEndedAt === null ? Infinity : Date.parse(doc.liveEndedAt);
  return doc.participants.filter((p) => !p.removed && Date.parse(p.joinedAt) > span.start && Date.parse(p.joinedAt) < ended).length;
}

/** What the facilitator moderated: values hidden (not by a merge), stories hidden, values merged into another, participants removed. */
export function moderation(doc: RecordDoc): { values: number; stories: number; merges: number; removed: number } {
  return {
    values: doc.values.filter((v) => v.hidden && v.mergedInto === null).length,
    stories: doc.stories.filter((s) => s.hidden).length,
    merges: doc.values.filter((v) => v.mergedInto !== null).length,
    removed: doc.participants.filter((p) => p.removed).length,
  };
}

/** A step's counted answers, in the room and online. */
export function answersByChannel(a: RecordDoc['activities'][number]): { count: number; room: number; online: number } {
  const counted = a.answers.filter((x) => x.counted);
  const online = counted.filter((x) => x.channel === 'online').length;
  return { count: counted.length, room: counted.length - online, online };
}

/** Minutes as "1 h 25 min" parts. */
export function durationParts(ms: number): { h: number; m: number } {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  return { h: Math.floor(minutes / 60), m: minutes % 60 };
}
