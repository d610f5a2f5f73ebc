import { useActivityText } from '../../../lib/activityText.js';
import type { PublicActivity } from '../../../../../shared/index.js';
import { useStore } from '../../../store/index.js';
import { ScanForm } from './ScanForm.js';
import { ScanResultsPhone } from './ScanResultsPhone.js';
import './scan.css';

/** The collaboration scan on the phone: the questionnaire, and once shown to the room, what the group says. */
export function ScanView({ activity }: { activity: PublicActivity }) {
  const text = useActivityText();
  const results = useStore((s) => (activity.revealed ? (s.room?.results[activity.id] ?? null) : null));
  return (
    <section className="scan" aria-labelledby="scan-h">
      <h1 id="scan-h">{text.question(activity)}</h1>
      {results ? <ScanResultsPhone activityId={activity.id} results={results} /> : null}
      <ScanForm activity={activity} />
    </section>
  );
}
