import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../shared/index.js';

interface Props {
  groups: string[];
  onChange: (groups: string[]) => void;
  onReset: () => void;
}

/** The stakeholder groups of a new workshop: rename in place, remove, add. */
export function GroupsEditor({ groups, onChange, onReset }: Props) {
  const { t } = useTranslation();
  const list = useRef<HTMLOListElement>(null);

  const add = () => {
    onChange([...groups, '']);
    // Focus the new, empty field once React has rendered it.
    requestAnimationFrame(() => list.current?.querySelector<HTMLInputElement>('li:last-child input')?.focus());
  };

  return (
    <fieldset className="groups-editor">
      <legend>{t('home.create.groups')}</legend>
      <p className="field-hint">{t('home.create.groupsHint')}</p>
      <ol ref={list}>
        {groups.map((name, i) => (
          <li key={i}>
            <input
              type="text"
              aria-label={t('home.create.groupLabel', { n: i + 1 })}
              value={name}
              maxLength={LIMITS.groupName}
              onChange={(e) => onChange(groups.map((g, j) => (j === i ? e.target.value : g)))}
            />
            <button
              type="button"
              className="btn-icon"
              aria-label={t('home.create.removeGroup', { name: name || i + 1 })}
              onClick={() => onChange(groups.filter((_, j) => j !== i))}
              disabled={groups.length <= 1}
            >
              ×
            </button>
          </li>
        ))}
      </ol>
      <div className="row">
        <button type="button" className="btn-secondary" onClick={add} disabled={groups.length >= LIMITS.groupsMax}>
          + {t('home.create.addGroup')}
        </button>
        <button type="button" className="btn-link" onClick={onReset}>
          {t('home.create.resetGroups')}
        </button>
      </div>
    </fieldset>
  );
}
