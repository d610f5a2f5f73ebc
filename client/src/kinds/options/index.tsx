import type { ActivityResults } from '../../../../shared/index.js';
import type { OptionsResults } from '../../../../shared/kinds/options/model.js';
import { KindSvg } from '../icon.js';
import { reportPart } from '../reportPart.js';
import type { ClientKind } from '../types.js';
import { OptionsBoard } from './OptionsBoard.js';
import { OptionsConsole } from './OptionsConsole.js';
import { OptionsReport } from './OptionsReport.js';
import { OptionsSetup } from './OptionsSetup.js';
import { optionsPhone } from './phone.js';

/** A balance: the options weighed against the values. */
function OptionsIcon() {
  return (
    <KindSvg>
      <path d="M12 4v16M8 20h8M5 7h14" />
      <path d="M5 7l-3 6a3 3 0 0 0 6 0zM19 7l-3 6a3 3 0 0 0 6 0z" />
    </KindSvg>
  );
}

const pickOptions = (r: ActivityResults | null): (ActivityResults & { options: OptionsResults }) | null =>
  r !== null && r.options != null && r.options.answers > 0 ? (r as ActivityResults & { options: OptionsResults }) : null;

/**
 * Weigh the options: per option and value, how well the option serves the value, and per
 * option an optional "why"; the results weigh the values by a vote's shares (room or per group)
 * or equally. Every part is its own: the phone's step, the board, the console's panel while it
 * is current, the report's section and the options/values/weights in the step dialog.
 */
export const optionsClient: ClientKind<'options'> = {
  kind: 'options',
  Icon: OptionsIcon,
  answers: true,
  phone: optionsPhone,
  board: { View: OptionsBoard, revealedAfterClose: true },
  Console: OptionsConsole,
  report: reportPart(pickOptions, OptionsReport),
  Settings: OptionsSetup,
};
