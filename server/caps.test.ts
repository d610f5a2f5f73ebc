import { describe, expect, it } from 'vitest';
import { readCapsEnv } from './caps.js';

describe('caps from the environment', () => {
  it('reads whole numbers of at least 1 and leaves the rest to the defaults', () => {
    expect(readCapsEnv({ CAP_VALUES_PER_VOTE: '40', CAP_STORIES_PER_PARTICIPANT: ' 5 ', CAP_VALUES_PER_WORKSHOP: '' })).toEqual({ valuesPerVote: 40, storiesPerParticipant: 5 });
    expect(readCapsEnv({})).toEqual({});
  });

  it('stops the start on anything else, naming the variable', () => {
    expect(() => readCapsEnv({ CAP_VALUES_PER_VOTE: '0' })).toThrow('CAP_VALUES_PER_VOTE must be a whole number of at least 1, got "0"');
    expect(() => readCapsEnv({ CAP_PARTICIPANTS_PER_WORKSHOP: '2.5' })).toThrow(/CAP_PARTICIPANTS_PER_WORKSHOP/);
    expect(() => readCapsEnv({ CAP_PROPOSALS_PER_PARTICIPANT: 'many' })).toThrow(/CAP_PROPOSALS_PER_PARTICIPANT/);
  });
});
