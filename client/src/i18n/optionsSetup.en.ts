import type { optionsSetupNl } from './optionsSetup.nl.js';
import type { Strings } from './en.js';

/** English strings of the `optionsSetup` namespace; the same keys as optionsSetup.nl.ts. */
export const optionsSetupEn: Strings<typeof optionsSetupNl> = {
  heading: 'Options',
  languages: { nl: 'Dutch', en: 'English' },
  hint: '{{min}} to {{max}} options, each with a title and a short description in Dutch and English. Every phone shows its own language.',
  titleRequired: 'The title in {{language}} (the workshop’s language, marked *) is required; where the other is empty, a phone in that language shows this one.',
  option: 'Option {{n}}',
  title: 'Title of option {{n}} ({{language}})',
  description: 'Description of option {{n}} ({{language}})',
  titleShort: 'Title',
  descriptionShort: 'Description',
  add: 'Add an option',
  maxReached: 'The maximum of {{max}} options is reached.',
  remove: 'Remove option {{n}}',
  up: 'Move option {{n}} up',
  down: 'Move option {{n}} down',
  locked: 'Answers are in: the options, the values and the weights are fixed. Duplicate the step for a new round with others.',
  problems: {
    title: 'Option {{n}} has no title in {{language}} yet.',
    values_one: 'Choose at least {{count}} value.',
    values_other: 'Choose at least {{count}} values.',
  },
  values: {
    heading: 'Values that take part',
    default: 'The top values of the latest revealed vote, at most {{count}} — picked when the step opens',
    defaultHint: 'With no revealed vote before it: the first {{count}} visible values.',
    pick: 'Pick them yourself',
    chosen: '{{count}} of at most {{max}} chosen',
    none: 'There are no visible values to pick yet.',
  },
  weights: {
    heading: 'Weights of the values',
    equal: 'Equal: every value weighs the same',
    room: 'Each value’s share in a vote, for the whole room',
    group: 'Per group: each group weighs with its own shares in that vote (a group that did not vote, with the room’s)',
    vote: 'Which vote',
    latest: 'The latest revealed vote before this step (picked when the step opens)',
    voteStep: '{{n}}. {{name}}',
    noVote: 'No vote comes before this step: the values then weigh the same.',
  },
};
