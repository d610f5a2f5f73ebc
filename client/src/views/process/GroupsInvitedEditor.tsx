import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS, PROCESS_LIMITS } from '../../../../shared/index.js';

/** A group as the form edits it: `invited` as typed ('' = not known). `id` for a group the process already has. */
export interface GroupDraft {
  id?: string;
  name: string;
  invited: string;
  /** A meeting has this group: the server refuses to drop it, so the form does not offer it. */
  locked?: boolean;
}

export type GroupProblem = 'groupsNone' | 'groupsEmpty' | 'groupsDuplicate' | 'groupsTooLong' | 'invited';

/** Client-side checks mirroring the process schemas' groups, so the form says what to fix before sending. */
export function groupProblems(groups: GroupDraft[]): GroupProblem[] {
  const problems: GroupProblem[] = [];
  const names = groups.map((g) => g.name.trim());
  if (names.length === 0) problems.push('groupsNone');
  if (names.some((n) => n === '')) problems.push('groupsEmpty');
  if (names.some((n) => n.length > LIMITS.groupName)) problems.push('groupsTooLong');
  const folded = names.filter((n) => n !== '').map((n) => n.toLocaleLowerCase());
  if (new Set(folded).size !== folded.length) problems.push('groupsDuplicate');
  if (groups.some((g) => parseInvited(g.invited) === undefined)) problems.push('invited');
  return problems;
}

/** '' → null (not known); a whole number 0..invitedMax → that number; anything else → undefined (a problem). */
export function parseInvited(text: string): number | null | undefined {
  const s = text.trim();
  if (s === '') return null;
  if (!/^\d+$/.test(s)) return undefined;
  const n = Number(s);
  return n <= PROCESS_LIMITS.invitedMax ? n : undefined;
}

interface Props {
  groups: GroupDraft[];
  onChange: (groups: GroupDraft[]) => void;
  /** Offered while the groups are a new process's defaults. */
  onReset?: () => void;
}

/** The stakeholder groups of a process, each with how many people were invited or live there. */
export function GroupsInvitedEditor({ groups, onChange, onReset }: Props) {
  const { t } = useTranslation();
  const list = useRef<HTMLOListElement>(null);
  const set = (i: number, patch: Partial<GroupDraft>) => onChange(groups.map((g, j) => (j === i ? { ...g, ...patch } : g)));

  const add = () => {
    onChange([...groups, { name: '', invited: '' }]);
    requestAnimationFrame(() => list.current?.querySelector<HTMLInputElement>('li:last-child input')?.focus());
  };

  return (
    <fieldset className="groups-editor groups-invited">
      <legend>{t('process.groups.legend')}</legend>
      <p className="field-hint">{t('process.groups.hint')}</p>
      <ol ref={list}>
        {groups.map((g, i) => (
          <li key={g.id ?? `new-${i}`}>
            <input
              type="text"
              aria-label={t('process.groups.nameLabel', { n: i + 1 })}
              value={g.name}
              maxLength={LIMITS.groupName}
              onChange={(e) => set(i, { name: e.target.value })}
            />
            <input
              type="text"
              inputMode="numeric"
              className="invited-input"
              aria-label={t('process.groups.invitedLabel', { name: g.name.trim() || i + 1 })}
              placeholder={t('process.groups.invitedPlaceholder')}
              value={g.invited}
              aria-invalid={parseInvited(g.invited) === undefined}
              onChange={(e) => set(i, { invited: e.target.value })}
            />
            <button
              type="button"
              className="btn-icon"
              aria-label={t('process.groups.remove', { name: g.name || i + 1 })}
              title={g.locked ? t('process.groups.locked') : undefined}
              onClick={() => onChange(groups.filter((_, j) => j !== i))}
              disabled={groups.length <= 1 || g.locked === true}
            >
              ×
            </button>
          </li>
        ))}
      </ol>
      <div className="row">
        <button type="button" className="btn-secondary" onClick={add} disabled={groups.length >= LIMITS.groupsMax}>
          + {t('process.groups.add')}
        </button>
        {onReset ? (
          <button type="button" className="btn-link" onClick={onReset}>
            {t('process.groups.reset')}
          </button>
        ) : null}
      </div>
    </fieldset>
  );
}

/** The problems' words, as one alert with a list (the list keeps its role inside the alert). */
export function ProblemList({ problems }: { problems: string[] }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <div className="form-problems" role="alert">
      <ul>
        {problems.map((p) => (
          <li key={p}>{t(`process.problems.${p as ProblemKey}`, { max: LIMITS.groupName, invitedMax: PROCESS_LIMITS.invitedMax })}</li>
        ))}
      </ul>
    </div>
  );
}

export type ProblemKey = GroupProblem | 'title' | 'area' | 'meetingTitle';
