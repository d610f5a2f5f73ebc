import { useTranslation } from 'react-i18next';
import type { Group, ProvenanceItem, ValueOrigin } from '../../../../shared/index.js';
import { useLang } from '../../i18n/index.js';
import { groupNameById } from '../../lib/localized.js';

/** "Template", "By facilitator", "Proposed by Residents": where a card came from. */
export function useOriginText(groups: Group[]) {
  const { t } = useTranslation();
  const lang = useLang();
  return (origin: ValueOrigin, groupId: string | null): string => {
    switch (origin) {
      case 'template':
        return t('console.wall.origin.template');
      case 'facilitator':
        return t('console.wall.origin.facilitator');
      case 'participant': {
        const group = groupNameById(groups, groupId, lang);
        return group ? t('console.wall.origin.participant', { group }) : t('console.wall.origin.participantNoGroup');
      }
    }
  };
}

/** "Affordability (Template), Low costs (Proposed by Residents)". */
export function useProvenanceText(groups: Group[]) {
  const { t } = useTranslation();
  const originText = useOriginText(groups);
  return (items: ProvenanceItem[]) => items.map((p) => t('console.wall.provenanceItem', { title: p.title, origin: originText(p.origin, p.groupId) })).join(', ');
}
