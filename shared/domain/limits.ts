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
