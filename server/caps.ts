import { CAPS, type Caps } from '../shared/domain/limits.js';

/** The environment variable of each domain cap (shared/domain/limits.ts, CAPS; README, "Configuration"). */
export const CAP_ENV: { [K in keyof Caps]: string } = {
  storiesPerParticipant: 'CAP_STORIES_PER_PARTICIPANT',
  proposalsPerParticipant: 'CAP_PROPOSALS_PER_PARTICIPANT',
  valuesPerWorkshop: 'CAP_VALUES_PER_WORKSHOP',
  storiesPerWorkshop: 'CAP_STORIES_PER_WORKSHOP',
  participantsPerWorkshop: 'CAP_PARTICIPANTS_PER_WORKSHOP',
  valuesPerVote: 'CAP_VALUES_PER_VOTE',
};

/** The caps set in the environment; what is unset keeps its default. A value that is not a whole number ≥ 1 stops the start. */
export function readCapsEnv(env: NodeJS.ProcessEnv): Partial<Caps> {
  const caps: Partial<Caps> = {};
  for (const key of Object.keys(CAPS) as (keyof Caps)[]) {
    const name = CAP_ENV[key];
    const raw = env[name]?.trim();
    if (!raw) continue;
    if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new Error(`${name} must be a whole number of at least 1, got "${env[name]}"`);
    caps[key] = Number(raw);
  }
  return caps;
}
