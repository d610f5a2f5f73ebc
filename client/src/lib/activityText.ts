import { useTranslation } from 'react-i18next';
import type { PublicActivity } from '../../../shared/index.js';

/** An activity's name ("Rank · round 2") and its question (the facilitator's, or the kind's default). */
export function useActivityText() {
  const { t } = useTranslation();
  return {
    name: (a: Pick<PublicActivity, 'kind' | 'round'>) => {
      const kind = t(`kinds.${a.kind}.name`);
      return a.round > 1 ? t('kinds.round', { kind, round: a.round }) : kind;
    },
    question: (a: Pick<PublicActivity, 'kind' | 'title'>) => a.title ?? t(`kinds.${a.kind}.question`),
  };
}
