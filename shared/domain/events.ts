import type { ActivityAction } from '../protocol/commands.js';
import type { Answer } from './answers.js';
import type { FeedbackEntry } from './feedbackModel.js';
import type { AnswerChannel, OnlineWindow } from './onlineModel.js';
import type { Activity, ActivityConfig, Participant, Settings, Story, Value, WorkshopState } from './types.js';

/**
 * What happened, as stored in the event log. Replaying the log through apply() rebuilds the
 * workshop exactly; so an event carries every fact it needs (ids, times), never a rule.
 */
export type DomainEvent =
  | { type: 'workshop:created'; at: number; workshop: WorkshopState }
  | { type: 'participant:joined'; at: number; participant: Participant }
  | { type: 'participant:updated'; at: number; participantId: string; name: string | null; groupId: string }
  | { type: 'participant:removed'; at: number; participantId: string }
  /** The participant and everything they wrote, answered and endorsed leave the state (apply.ts, eraseParticipant). */
  | { type: 'participant:erased'; at: number; participantId: string }
  | { type: 'value:added'; at: number; value: Value }
  | { type: 'value:edited'; at: number; valueId: string; title: string; description: string }
  | { type: 'value:hidden'; at: number; valueId: string; hidden: boolean }
  | { type: 'value:merged'; at: number; sourceId: string; targetId: string }
  | { type: 'story:added'; at: number; story: Story }
  | { type: 'story:hidden'; at: number; storyId: string; hidden: boolean }
  | { type: 'story:endorsed'; at: number; storyId: string; participantId: string }
  | { type: 'settings:changed'; at: number; settings: Partial<Settings> }
  | { type: 'activity:controlled'; at: number; activityId: string; action: ActivityAction }
  | { type: 'activity:configured'; at: number; activityId: string; title?: string | null; config: Partial<ActivityConfig> }
  /** `channel`: whether the answer came in the live session or online after it (answerChannel); absent in events stored before it existed, which read as 'room'. */
  | { type: 'answer:submitted'; at: number; activityId: string; participantId: string; answerId: string; answer: Answer; channel?: AnswerChannel }
  | { type: 'agenda:added'; at: number; activity: Activity; index: number }
  | { type: 'agenda:moved'; at: number; activityId: string; toIndex: number }
  | { type: 'agenda:removed'; at: number; activityId: string }
  | { type: 'agenda:current'; at: number; activityId: string }
  | { type: 'activity:extended'; at: number; activityId: string; endsAt: number }
  | { type: 'summary:published'; at: number; published: boolean }
  | { type: 'open-answer:endorsed'; at: number; openAnswerId: string; participantId: string }
  /** A "you said, we did" entry added, or replaced whole (same id: createdAt kept). */
  | { type: 'feedback:entrySet'; at: number; entry: FeedbackEntry }
  | { type: 'feedback:entryRemoved'; at: number; entryId: string }
  | { type: 'feedback:published'; at: number; published: boolean }
  /** The online window set (or replaced); `liveEndedAt` is when the live session ended (this event's `at` the first time). */
  | { type: 'online:opened'; at: number; online: OnlineWindow; liveEndedAt: number }
  | { type: 'online:closed'; at: number }
  /** Invited numbers of these groups (only those that changed). */
  | { type: 'groups:invited'; at: number; invited: { groupId: string; invited: number | null }[] };

export type DomainEventType = DomainEvent['type'];
