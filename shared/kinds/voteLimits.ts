/**
 * The bounds `activity:configure` accepts, used by its schema and by the console's form alike.
 * A ranking compares values, so it needs at least two; the other votes need one. A leaf module
 * (re-exported by shared/domain/permissions.ts), so the kind modules can read it when they load.
 */
export const VOTE_LIMITS = {
  dotsPerParticipant: { min: 1, max: 50 },
  dotsMaxPerValue: { min: 1, max: 50 },
  rankK: { min: 1, max: 200 },
  valueIds: { max: 200 },
  timerSeconds: { min: 10, max: 3 * 3600 },
  extendSeconds: { min: 10, max: 3600 },
  statements: { min: 1, max: 30 },
  minValues: { dots: 1, points: 1, rank: 2 },
} as const;
