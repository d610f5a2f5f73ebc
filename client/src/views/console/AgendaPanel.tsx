import { AgendaEditor } from './agenda/AgendaEditor.js';

/** The console's agenda: the editor in ./agenda (add, reorder, set up, new round, remove, control). */
export function AgendaPanel() {
  return <AgendaEditor />;
}
