import { useMemo } from 'react';
import type { PublicActivity, PublicValue, PublicView } from '../../../../shared/index.js';
import { useLang } from '../../i18n/index.js';
import { cardText } from '../../lib/localized.js';
import { useStore } from '../../store/index.js';
import { valueTitle, voteValueIds } from '../../views/board/results/voteText.js';

export interface OptionValueItem {
  id: string;
  title: string;
}

const NO_VALUES: PublicValue[] = [];
const NO_TITLES: PublicView['valueTitles'] = {};

/**
 * The values an options step weighs against, in the reader's language. The ids follow the
 * server's own rule (activityValueIds, through voteValueIds): the values fixed when the step
 * opened, less any hidden since — exactly the ids validateAnswer checks against.
 */
export function useOptionValues(activity: Pick<PublicActivity, 'config'>): { ids: string[]; items: OptionValueItem[] } {
  const lang = useLang();
  const values = useStore((s) => s.room?.values ?? NO_VALUES);
  const titles = useStore((s) => s.room?.valueTitles ?? NO_TITLES);
  const configured = activity.config.valueIds;
  return useMemo(() => {
    const ids = voteValueIds({ config: { ...activity.config, valueIds: configured } }, { values, valueTitles: titles });
    const byId = new Map(values.map((v) => [v.id, v]));
    const items = ids.map((id): OptionValueItem => {
      const v = byId.get(id);
      return { id, title: v ? cardText(v, lang).title : valueTitle(titles, id, lang) };
    });
    return { ids, items };
    // activity.config is read only for valueIds, which is a dependency.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [configured, values, titles, lang]);
}
