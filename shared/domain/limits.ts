// Zod-free, so the phone's bundle can use these limits without pulling in zod.

/** Maximum lengths of everything a person can type. One place, used by both ends. */
export const LIMITS = {
  workshopTitle: 120,
  groupName: 60,
  groupsMax: 12,
  participantName: 40,
  valueTitle: 60,
  valueDescription: 280,
  storyText: 500,
  activityTitle: 200,
  openAnswer: 500,
  statementText: 200,
} as const;

/**
 * How much one participant and one workshop may hold. decide() refuses what would go over a
 * cap (`NOT_ALLOWED`, the message names the cap), and the phones and the console read the same
 * numbers from their views (`caps`), so a button is not offered once its cap is reached. A
 * server may lower or raise them (`AppConfig.caps`); the numbers in force are in every view.
 *
 * The defaults were chosen so that a real town hall of 2,000 phones never meets them: a person
 * tells a handful of stories and proposes a few values in an evening, not 50 and 20; a
 * workshop's value wall is a few dozen cards, not 500; 2,000 people telling five stories each
 * is 10,000. What they stop is one script filling the room: a vote with more than
 * `valuesPerVote` values on every phone (2,022 values made a 1 MB phone view), or thousands of
 * stories on the board.
 */
export interface Caps {
  /** Stories one participant may write (hidden ones count: they were stored). */
  storiesPerParticipant: number;
  /** Values one participant may propose (hidden and merged ones count). */
  proposalsPerParticipant: number;
  /** Values a workshop may hold, every origin, hidden and merged ones too. */
  valuesPerWorkshop: number;
  /** Stories a workshop may hold, hidden ones too. */
  storiesPerWorkshop: number;
  /** Participants who may join a workshop (removed ones count: their answers are kept). */
  participantsPerWorkshop: number;
  /** Values a dots, rank or points vote may open with (the values frozen onto its ballot). */
  valuesPerVote: number;
}

export const CAPS: Caps = {
  storiesPerParticipant: 50,
  proposalsPerParticipant: 20,
  valuesPerWorkshop: 500,
  storiesPerWorkshop: 10_000,
  participantsPerWorkshop: 5_000,
  valuesPerVote: 100,
};

/** The caps of one server: the defaults with what its configuration overrides. */
export function capsWith(overrides: Partial<Caps> = {}): Caps {
  const caps = { ...CAPS };
  for (const key of Object.keys(CAPS) as (keyof Caps)[]) {
    const v = overrides[key];
    if (v !== undefined) {
      if (!Number.isInteger(v) || v < 1) throw new Error(`caps.${key} must be a whole number of at least 1 (got ${String(v)})`);
      caps[key] = v;
    }
  }
  return caps;
}

/** How many more of something fit under a cap (0 when it is reached or passed). */
export function capLeft(count: number, cap: number): number {
  return Math.max(0, cap - count);
}

/**
 * What one participant has added that counts against their caps, and whether they may add
 * more: decide() counts what is stored; a phone passes what its self view lists plus what it
 * still has to send, so it says "you have told the most stories" instead of sending one more.
 */
export function participantCaps(
  mine: { stories: number; proposals: number },
  caps: Pick<Caps, 'storiesPerParticipant' | 'proposalsPerParticipant'>,
): { stories: { count: number; left: number }; proposals: { count: number; left: number } } {
  return {
    stories: { count: mine.stories, left: capLeft(mine.stories, caps.storiesPerParticipant) },
    proposals: { count: mine.proposals, left: capLeft(mine.proposals, caps.proposalsPerParticipant) },
  };
}

/** `participant:removeMany` with a list of ids takes at most this many at once. */
export const REMOVE_MANY_MAX_IDS = 1_000;
