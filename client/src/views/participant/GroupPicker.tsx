import { useTranslation } from 'react-i18next';
import { groupName, type Group } from '../../../../shared/index.js';
import { useLang } from '../../i18n/index.js';

/** The stakeholder groups as big radio buttons: joining, and changing one's group later. */
export function GroupPicker({ groups, value, onChange, name }: { groups: Group[]; value: string | null; onChange: (groupId: string) => void; name: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <fieldset className="group-picker">
      <legend>{t('phone.groupLegend')}</legend>
      {groups.map((g) => (
        <label key={g.id} className="group-choice">
          <input type="radio" name={name} value={g.id} checked={value === g.id} onChange={() => onChange(g.id)} />
          <span>{groupName(g, lang)}</span>
        </label>
      ))}
    </fieldset>
  );
}
