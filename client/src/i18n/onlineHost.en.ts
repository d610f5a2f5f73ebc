import type { Strings } from './en.js';
import type { onlineHostNl } from './onlineHost.nl.js';

/** English strings: The console's and board's room/online texts (keep open online, split, under-representation); the same keys as onlineHost.nl.ts. */
export const onlineHostEn: Strings<typeof onlineHostNl> = {
  title: 'Keep open online',
  panel: {
    hint: 'After the evening, keep votes, the scan or weighing the options open online for people who could not come, through the same link and QR code.',
    open: 'Keep open online…',
    openAgain: 'Open online again…',
    ended: 'The live session ended at {{ended}}.',
    openUntil: 'Open online until {{until}} for:',
    closed: 'Online answering is closed.',
    change: 'Change…',
    close: 'Close online now',
  },
  dialog: {
    steps: 'Steps that take answers online',
    noSteps: 'No step on the agenda takes answers (votes, scan, weighing the options).',
    deadline: 'Open until',
    range: 'Between {{min}} and {{max}}.',
    outOfRange: 'Pick a time between {{min}} and {{max}}.',
    pickSteps: 'Pick at least one step.',
    tooMany: 'Pick at most {{count}} steps.',
    endsLive: 'This ends the live session: every answer from now on counts as online and can be looked at apart. Joining opens again, through the same link.',
    submitFirst: 'End the live session and open online',
    submit: 'Save',
    cancel: 'Cancel',
  },
  split: {
    counts: '{{room}} in the room, {{online}} online',
    toggle: 'Room and online apart',
    room: 'In the room ({{count}})',
    online: 'Online ({{count}})',
    all: 'Room and online together ({{count}}):',
    none: 'No answers yet.',
    board: 'Answers in the room {{room}} · online {{online}}',
  },
  representation: {
    heading: 'Representation',
    group: 'Group',
    invited: 'Invited',
    tookPart: 'Took part',
    room: 'room',
    online: 'online',
    turnout: 'Turnout',
    unknown: 'unknown',
    under: 'under-represented',
    warning: '{{group}}: {{tookPart}} of {{invited}} invited — under-represented',
    hint: 'A group is under-represented when its share of those who took part is less than {{percent}}% of its share of those invited (from {{count}} participants on).',
  },
};
