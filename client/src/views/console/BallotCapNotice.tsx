import { useTranslation } from 'react-i18next';
import { getOwn } from '../../../../shared/domain/own.js';
import { useStore } from '../../store/index.js';

/** The ballot cap of this vote, if it would open with more values than the server allows (the host view's `ballotCaps`). */
export function useBallotCap(activityId: string): { values: number; max: number } | null {
  return useStore((s) => (s.host ? (getOwn(s.host.ballotCaps, activityId) ?? null) : null));
}

/** Why this vote can't open, with the count, and what to do about it: hide, merge or pick values. */
export function BallotCapNotice({ activityId }: { activityId: string }) {
  const { t } = useTranslation();
  const cap = useBallotCap(activityId);
  if (!cap) return null;
  return <p className="notice ballot-cap">{t('doors.ballot.tooMany', { values: cap.values, max: cap.max })}</p>;
}
