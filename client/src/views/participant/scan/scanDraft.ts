import type { ScanAnswerValue } from '../../../../../shared/index.js';
import { keys, readJson, writeJson, writeString } from '../../../lib/storage.js';

/**
 * What a participant has entered in a scan, kept in this phone's storage until the server has
 * it (the submission itself waits in the outbox): an old phone that sleeps or reloads mid-scan comes back to the same screen.
 */
export interface ScanDraft {
  scores: Record<string, number>;
  wentWell: string;
  couldBeBetter: string;
}

export const EMPTY_DRAFT: ScanDraft = { scores: {}, wentWell: '', couldBeBetter: '' };

function isDraft(v: unknown): v is ScanDraft {
  if (typeof v !== 'object' || v === null) return false;
  const d = v as ScanDraft;
  return (
    typeof d.wentWell === 'string' &&
    typeof d.couldBeBetter === 'string' &&
    typeof d.scores === 'object' &&
    d.scores !== null &&
    Object.values(d.scores).every((n) => Number.isInteger(n) && n >= 1 && n <= 5)
  );
}

const draftKey = (code: string, activityId: string) => keys.draft(code, `scan.${activityId}`);

export const readDraft = (code: string, activityId: string): ScanDraft | null => readJson<ScanDraft | null>(draftKey(code, activityId), null, (v): v is ScanDraft | null => isDraft(v));
export const writeDraft = (code: string, activityId: string, d: ScanDraft | null): void =>
  d ? writeJson(draftKey(code, activityId), d) : writeString(draftKey(code, activityId), null);

export function draftFromAnswer(a: ScanAnswerValue): ScanDraft {
  return { scores: { ...a.scores }, wentWell: a.wentWell, couldBeBetter: a.couldBeBetter };
}

/** Only the statements that still exist count; texts as the server stores them (trimmed, \n line ends). */
export function answerFromDraft(d: ScanDraft, statementIds: readonly string[]): ScanAnswerValue {
  const ids = new Set(statementIds);
  const clean = (s: string) => s.replace(/\r\n?/g, '\n').trim();
  return {
    kind: 'scan',
    scores: Object.fromEntries(Object.entries(d.scores).filter(([id]) => ids.has(id))),
    wentWell: clean(d.wentWell),
    couldBeBetter: clean(d.couldBeBetter),
  };
}

/** Same answer? Score order and surrounding spaces don't matter. */
export function sameAnswer(a: ScanAnswerValue, b: ScanAnswerValue): boolean {
  const keysA = Object.keys(a.scores).sort();
  const keysB = Object.keys(b.scores).sort();
  return (
    a.wentWell === b.wentWell &&
    a.couldBeBetter === b.couldBeBetter &&
    keysA.length === keysB.length &&
    keysA.every((k, i) => k === keysB[i] && a.scores[k] === b.scores[k])
  );
}
