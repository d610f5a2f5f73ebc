import { useMemo } from 'react';
import type { PublicValue } from '../../../../../shared/index.js';
import { useLang } from '../../../i18n/index.js';
import { cardText } from '../../../lib/localized.js';
import { useStore } from '../../../store/index.js';
import { valueTitle, voteValueIds, type VoteActivity } from '../../board/results/voteText.js';

export interface VoteItem {
  id: string;
  title: string;
  description: string;
}

const NO_VALUES: PublicValue[] = [];

/**
 * The values a vote is about, in the reader's language. A value hidden after the vote opened
 * has no title any more and leaves the ballot, as the server's activityValueIds has it, so
 * `ids` (what validateAnswer checks against) are exactly the `items` shown.
 */
export function useVoteValues(activity: VoteActivity): { ids: string[]; items: VoteItem[] } {
  const lang = useLang();
  const values = useStore((s) => s.room?.values ?? NO_VALUES);
  const titles = useStore((s) => s.room?.valueTitles);
  const configured = activity.config.valueIds;
  return useMemo(() => {
    const ids = voteValueIds({ config: { ...activity.config, valueIds: configured } }, { values });
    const byId = new Map(values.map((v) => [v.id, v]));
    const items = ids.flatMap((id): VoteItem[] => {
      const v = byId.get(id);
      if (v) return [{ id, ...cardText(v, lang) }];
      const title = titles ? valueTitle(titles, id, lang) : '';
      return title ? [{ id, title, description: '' }] : [];
    });
    return { ids: items.map((i) => i.id), items };
    // activity.config is read only for valueIds, which is a dependency.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [configured, values, titles, lang]);
}
