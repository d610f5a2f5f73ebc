import { useTranslation } from 'react-i18next';
import type { PublicActivity } from '../../../../../shared/index.js';
import { useStore } from '../../../store/index.js';
import { VoteSettings } from '../results/VoteSettings.js';

/** The vote settings form of the results panel (values, dots, K), inside the step's set-up dialog. */
export function VoteSettingsSlot({ activity }: { activity: PublicActivity }) {
  const { t } = useTranslation();
  const host = useStore((s) => s.host);
  if (!host) return <p className="field-hint">{t('agenda.config.voteLater')}</p>;
  return <VoteSettings activity={activity} host={host} />;
}
