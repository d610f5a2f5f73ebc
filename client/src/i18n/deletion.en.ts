import type { deletionNl } from './deletion.nl.js';
import type { Strings } from './en.js';

/** English strings of the `deletion` namespace; the same keys as deletion.nl.ts. */
export const deletionEn: Strings<typeof deletionNl> = {
  gate: {
    deleted: 'This workshop was deleted.',
    deletedBody: 'The facilitator deleted the workshop with everything in it, or it was not used for a long time. Nothing of it is left on the server.',
  },
  console: {
    heading: 'Delete this workshop',
    intro: 'Finished, and the results saved? Then delete the workshop with everything in it from the server.',
    start: 'Delete this workshop…',
    what_one:
      'This deletes for good: {{count}} participant with their name, every story (hidden ones too), every answer and result, the values and the agenda. Phones and the board will then show that the workshop was deleted. Download the export first if you want to keep the results.',
    what_other:
      'This deletes for good: {{count}} participants with their names, every story (hidden ones too), every answer and result, the values and the agenda. Phones and the board will then show that the workshop was deleted. Download the export first if you want to keep the results.',
    typeCode: 'Type the code {{code}} to confirm',
    confirm: 'Delete for good',
    deleting: 'Deleting…',
    failed: 'The workshop could not be deleted. {{reason}}',
    erase: 'Erase data',
    eraseLabel: 'Erase the data of {{who}}',
    eraseWhat: 'Erase everything of {{who}}: name, stories, answers and endorsements, from the results and the export too? Values they proposed stay, without a name. This cannot be undone.',
    eraseConfirm: 'Erase',
  },
  phone: {
    start: 'Erase my data',
    what: 'This erases your name, your stories, your answers and your endorsements from this workshop, from the results and the export too. Values you proposed stay, without your name. This cannot be undone.',
    confirm: 'Yes, erase my data',
    erasing: 'Erasing…',
    failed: 'Your data could not be erased. {{reason}}',
  },
};
