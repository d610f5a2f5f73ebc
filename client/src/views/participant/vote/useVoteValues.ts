import { useMemo } from 'react';
import type { PublicValue, PublicView } from '../../../../../shared/index.js';
import { useLang } from '../../../i18n/index.js';
import { cardText } from '../../../lib/localized.js';
import { useStore } from '../../../store/index.js';
import { valueTitle, voteValueIds, type VoteActivity } from '../../board/results/voteText.js';

export interface VoteItem {
  id: string;
  title: string;
  description: string;
  /** The language of title and description: the reader's for a card in both, else the workshop's. */
  lang: string | undefined;
}

const NO_VALUES: PublicValue[] = [];
const NO_TITLES: PublicView['valueTitles'] = {};

/**
 * The values a vote is about, in the reader's language: the ids are the server's own ballot
 * (activityValueIds, through voteValueIds), so `ids` (what validateAnswer checks against) are
 * exactly the `items` shown. A value merged since the vote opened keeps its own title.
 */
export function useVoteValues(activity: VoteActivity): { ids: string[]; items: VoteItem[] } {
  const lang = useLang();
  const values = useStore((s) => s.room?.values ?? NO_VALUES);
  const titles = useStore((s) => s.room?.valueTitles ?? NO_TITLES);
  const workshopLang = useStore((s) => s.room?.language);
  const configured = activity.config.valueIds;
  return useMemo(() => {
    const ids = voteValueIds({ config: { ...activity.config, valueIds: configured } }, { values, valueTitles: titles });
    const byId = new Map(values.map((v) => [v.id, v]));
    const items = ids.map((id): VoteItem => {
      const v = byId.get(id);
      return v ? { id, ...cardText(v, lang), lang: v.i18n?.[lang] ? lang : workshopLang } : { id, title: valueTitle(titles, id, lang), description: '', lang: undefined };
    });
    return { ids, items };
    // activity.config is read only for valueIds, which is a dependency.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [configured, values, titles, lang, workshopLang]);
}
