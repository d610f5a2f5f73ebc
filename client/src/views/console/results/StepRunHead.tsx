import { groupName, type HostView, type PublicActivity } from '../../../../../shared/index.js';
import { activityActions } from '../../../../../shared/domain/permissions.js';
import { useLang } from '../../../i18n/index.js';
import { useActivityText } from '../../../lib/activityText.js';
import { useCommand } from '../useCommand.js';

/** The run buttons a results panel offers: pause/resume answering and reveal/hide the results. */
export type PanelAction = 'lock' | 'unlock' | 'reveal' | 'hide';
const PANEL_ACTIONS: readonly string[] = ['lock', 'unlock', 'reveal', 'hide'];

/** The panel actions the server accepts now (activityActions, the rule decide() uses). */
export function panelActionsFor(a: PublicActivity, currentActivityId: string | null): PanelAction[] {
  return activityActions({ currentActivityId }, a).filter((x): x is PanelAction => PANEL_ACTIONS.includes(x));
}

/** What each kind's panel calls things ("Pause voting", "Weighing is shown"…). */
export interface RunHeadWords {
  tag: (revealed: boolean) => string;
  action: (action: PanelAction) => string;
  /** The button's accessible name, with the step's name in it. */
  actionLabel: (label: string, activity: string) => string;
  answered: (count: number, total: number) => string;
}

/**
 * The top of a step's results panel in the console, the same for every kind with results: the
 * question and whether the room sees the results, the buttons that pause answering and reveal
 * them, and how many answered per group.
 */
export function StepRunHead({ activity, host, words }: { activity: PublicActivity; host: HostView; words: RunHeadWords }) {
  const lang = useLang();
  const text = useActivityText();
  const run = useCommand();
  const name = text.name(activity);
  const counts = host.answerCounts[activity.id] ?? { total: 0, byGroup: {} };
  const actions = panelActionsFor(activity, host.currentActivityId);
  return (
    <>
      <div className="vote-activity-head">
        <p className="vote-activity-question">{text.question(activity)}</p>
        <span className={activity.revealed ? 'tag vote-tag is-revealed' : 'tag vote-tag'}>{words.tag(activity.revealed)}</span>
      </div>
      {actions.length ? (
        <div className="vote-activity-controls">
          {actions.map((action) => {
            const label = words.action(action);
            return (
              <button
                // One slot per pair (pause/resume, reveal/hide): the button stays the same element
                // when its action flips, so the focus stays on it instead of dropping to <body>.
                key={action === 'lock' || action === 'unlock' ? 'answers' : 'results'}
                type="button"
                className={action === 'reveal' ? 'btn-primary btn-small' : 'btn-secondary btn-small'}
                aria-label={words.actionLabel(label, name)}
                onClick={() => void run('activity:control', { activityId: activity.id, action })}
              >
                {label}
              </button>
            );
          })}
        </div>
      ) : null}
      <p className="vote-answered">
        <strong>{words.answered(counts.total, host.participation.total)}</strong>
        {host.groups.map((g) => (
          <span key={g.id} className="vote-answered-group">
            {groupName(g, lang)} <b>{counts.byGroup[g.id] ?? 0}</b>
          </span>
        ))}
      </p>
    </>
  );
}
