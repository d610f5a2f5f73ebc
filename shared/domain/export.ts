import type { Answer } from './answers.js';
import { getOwn } from './own.js';
import { storyShown } from './rules.js';
import { activityResults, type ActivityResults } from './results.js';
import { buildSummary, type Summary } from './summary.js';
import type { Activity, Group, Lang, Settings, TemplateId, ValueOrigin, WorkshopState } from './types.js';
import { provenanceOf, withRounds } from './views.js';
import { feedbackEntries } from './feedback.js';
import type { FeedbackEntry } from './feedbackModel.js';
import type { AnswerChannel, Representation } from './onlineModel.js';
import { representation } from './representation.js';
import type { ProcessRef } from '../process/model.js';

/**
 * The complete record of a workshop (docs/export.md). Participants are pseudonymous:
 * an id, their group, and a name only if they gave one. Times are ISO 8601 strings.
 * Bump EXPORT_SCHEMA_VERSION on any change that could break a script reading it.
 */
export const EXPORT_SCHEMA_VERSION = 2;

export interface ExportDocument {
  schemaVersion: typeof EXPORT_SCHEMA_VERSION;
  exportedAt: string;
  workshop: { id: string; code: string; title: string; language: Lang; template: TemplateId | 'custom'; createdAt: string; updatedAt: string; settings: Settings };
  /** `invited`: people invited or living there, as the workshop's process says; null when not known. */
  groups: { id: string; name: string; nameNl: string | null; nameEn: string | null; invited: number | null }[];
  participants: { id: string; groupId: string; name: string | null; joinedAt: string; removed: boolean }[];
  values: {
    id: string;
    title: string;
    description: string;
    origin: ValueOrigin;
    proposedBy: string | null;
    groupId: string | null;
    hidden: boolean;
    mergedInto: string | null;
    mergedFrom: string[];
    provenance: { valueId: string; title: string; origin: ValueOrigin; groupId: string | null }[];
    createdAt: string;
    updatedAt: string;
  }[];
  stories: {
    id: string;
    valueId: string;
    originalValueId: string;
    participantId: string;
    text: string;
    hidden: boolean;
    /** The room is shown it: not hidden, and its author was not removed (storyShown). */
    shown: boolean;
    createdAt: string;
    endorsements: { participantId: string }[];
  }[];
  activities: (Omit<Activity, 'openedAt' | 'endsAt'> & {
    round: number;
    openedAt: string | null;
    /** Every participant's answer that counts (their last), in the order given. */
    answers: ExportAnswer[];
    /** The same numbers the board shows; null for explore. */
    results: ActivityResults | null;
  })[];
  /** Scan open answers (`<activityId>:<participantId>:<answerId>:<field>`, the `id` in `openAnswers`) → who endorsed them. */
  openAnswerEndorsements: Record<string, string[]>;
  summary: Summary;
  summaryPublishedAt: string | null;
  /** The process this workshop is a meeting of; null when it stands alone. */
  process: ProcessRef | null;
  /** "You said, we did": every entry, drafts too; publishedAt null while not published. */
  feedback: { publishedAt: string | null; entries: ExportFeedbackEntry[] };
  /** When the live session ended (the online window first opened); null while it did not. */
  liveEndedAt: string | null;
  /** The steps open online and until when; null when none. */
  online: { activityIds: string[]; openedAt: string; until: string } | null;
  /** Invited against who took part, per group, in the room and online (the board's numbers). */
  participation: Representation;
}

export type ExportFeedbackEntry = Omit<FeedbackEntry, 'createdAt' | 'updatedAt'> & { createdAt: string; updatedAt: string };

export interface ExportAnswer {
  participantId: string;
  groupId: string;
  answerId: string;
  answer: Answer;
  submittedAt: string;
  /** 1 when never changed; each change before the lock adds one. */
  revisions: number;
  /** Answers of removed participants are kept but do not count in the results. */
  counted: boolean;
  /** Given in the live session ('room') or online after it ('online'). */
  channel: AnswerChannel;
}

const iso = (ms: number): string => new Date(ms).toISOString();

export function exportWorkshop(state: WorkshopState, now: number): ExportDocument {
  const groupOut = (g: Group) => ({ id: g.id, name: g.name, nameNl: g.i18n?.nl ?? null, nameEn: g.i18n?.en ?? null, invited: g.invited ?? null });
  const online = state.online ?? null;
  return {
    schemaVersion: EXPORT_SCHEMA_VERSION,
    exportedAt: iso(now),
    workshop: {
      id: state.id,
      code: state.code,
      title: state.title,
      language: state.language,
      template: state.template,
      createdAt: iso(state.createdAt),
      updatedAt: iso(state.updatedAt),
      settings: state.settings,
    },
    groups: state.groups.map(groupOut),
    participants: Object.values(state.participants)
      .sort((a, b) => a.joinedAt - b.joinedAt)
      .map((p) => ({ id: p.id, groupId: p.groupId, name: p.name, joinedAt: iso(p.joinedAt), removed: p.removed })),
    values: state.valueOrder.flatMap((id) => {
      const v = getOwn(state.values, id);
      if (!v) return [];
      return [
        {
          id: v.id,
          title: v.title,
          description: v.description,
          origin: v.origin,
          proposedBy: v.proposedBy,
          groupId: v.groupId,
          hidden: v.hidden,
          mergedInto: v.mergedInto,
          mergedFrom: v.mergedFrom,
          provenance: provenanceOf(state, v),
          createdAt: iso(v.createdAt),
          updatedAt: iso(v.updatedAt),
        },
      ];
    }),
    stories: Object.values(state.stories)
      .sort((a, b) => a.createdAt - b.createdAt)
      .map((s) => ({
        id: s.id,
        valueId: s.valueId,
        originalValueId: s.originalValueId,
        participantId: s.participantId,
        text: s.text,
        hidden: s.hidden,
        shown: storyShown(state, s),
        createdAt: iso(s.createdAt),
        endorsements: s.endorsements.map((participantId) => ({ participantId })),
      })),
    activities: withRounds(state.activities).map(({ openedAt, endsAt: _endsAt, ...a }) => ({
      ...a,
      openedAt: openedAt === null ? null : iso(openedAt),
      answers: exportAnswers(state, a.id),
      results: activityResults(state, a.id),
    })),
    openAnswerEndorsements: state.openAnswerEndorsements,
    summary: buildSummary(
      state.activities.flatMap((a) => activityResults(state, a.id) ?? []),
      Object.values(state.participants).filter((p) => !p.removed).length,
    ),
    summaryPublishedAt: state.summaryPublishedAt === null ? null : iso(state.summaryPublishedAt),
    process: state.process ?? null,
    feedback: {
      publishedAt: (state.feedbackPublishedAt ?? null) === null ? null : iso(state.feedbackPublishedAt as number),
      entries: feedbackEntries(state).map((e) => ({ ...e, target: { ...e.target }, createdAt: iso(e.createdAt), updatedAt: iso(e.updatedAt) })),
    },
    liveEndedAt: (state.liveEndedAt ?? null) === null ? null : iso(state.liveEndedAt as number),
    online: online === null ? null : { activityIds: [...online.activityIds], openedAt: iso(online.openedAt), until: iso(online.until) },
    participation: representation(state),
  };
}

function exportAnswers(state: WorkshopState, activityId: string): ExportAnswer[] {
  return Object.entries(getOwn(state.answers, activityId) ?? {})
    .map(([participantId, a]) => {
      const p = getOwn(state.participants, participantId);
      return {
        participantId,
        groupId: p?.groupId ?? '',
        answerId: a.answerId,
        answer: a.answer,
        at: a.at,
        revisions: a.revisions,
        counted: !!p && !p.removed,
        channel: a.channel ?? 'room',
      };
    })
    .sort((x, y) => x.at - y.at)
    .map(({ at, ...rest }) => ({ ...rest, submittedAt: iso(at) }));
}
