import { useActivityText } from '../../lib/activityText.js';
import { ExploreView } from '../../views/participant/ExploreView.js';
import type { PhonePart, StepProps } from '../types.js';

/** The phone: the value cards with their stories and the forms to add one. */
function ExplorePhone({ activity }: StepProps) {
  const text = useActivityText();
  return <ExploreView question={text.question(activity)} locked={activity.status === 'locked'} />;
}

/** Once explore closes, the phone says so (there is nothing of it left to show). */
export const explorePhone: PhonePart = { Step: ExplorePhone, afterClose: 'closed' };
