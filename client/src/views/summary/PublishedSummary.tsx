import { useTranslation } from 'react-i18next';
import type { Lang, PublicView } from '../../../../shared/index.js';
import { useLang } from '../../i18n/index.js';
import { groupNameById } from '../../lib/localized.js';
import { useStore } from '../../store/index.js';
import { SummaryContent, type SummaryNames } from './SummaryContent.js';

/** Value titles and group names of a live view, in the reader's language. */
export function viewNames(view: Pick<PublicView, 'valueTitles' | 'groups' | 'activities'>, lang: Lang): SummaryNames {
  return {
    value: (id) => {
      const v = view.valueTitles[id];
      return v ? (v.i18n?.[lang].title ?? v.title) : '';
    },
    group: (id) => groupNameById(view.groups, id, lang),
    option: (activityId, optionId) => view.activities.find((a) => a.id === activityId)?.config.options.find((o) => o.id === optionId)?.text[lang].title ?? '',
    activity: (activityId) => view.activities.find((a) => a.id === activityId) ?? null,
  };
}

/**
 * The summary the facilitator sent to everyone, on a phone or the board; nothing until it is
 * sent (and again nothing once it is taken back).
 */
export function PublishedSummary({ variant }: { variant: 'phone' | 'board' }) {
  const { t } = useTranslation();
  const lang = useLang();
  const pub = useStore((s) => s.room);
  if (!pub?.summaryPublished || !pub.summary) return null;
  return (
    <section className={`published-summary published-summary-${variant}`} aria-label={t('agenda.summary.heading')}>
      <SummaryContent summary={pub.summary} names={viewNames(pub, lang)} variant={variant} heading={(text) => (variant === 'board' ? <h1 className="summary-title">{text}</h1> : <h2 className="summary-title">{text}</h2>)} />
    </section>
  );
}
