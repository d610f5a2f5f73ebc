import { useTranslation } from 'react-i18next';
import { useStore } from '../../../store/index.js';
import { useCommand } from '../useCommand.js';

/** Whether new phones may join, the button that closes or opens it, and joins a rate limit refused. */
export function JoiningControls() {
  const { t } = useTranslation();
  const run = useCommand();
  const open = useStore((s) => s.host?.settings.joiningOpen !== false);
  const refused = useStore((s) => s.presence?.joinsRefused ?? 0);
  return (
    <div className="doors-joining" role="group" aria-labelledby="doors-joining-h">
      <h3 id="doors-joining-h">{t('doors.console.joiningHeading')}</h3>
      <p className={open ? 'doors-state' : 'doors-state is-closed'}>{open ? t('doors.console.open') : t('doors.console.closed')}</p>
      <button type="button" className={open ? 'btn-secondary btn-small' : 'btn-primary btn-small'} onClick={() => void run('settings:update', { joiningOpen: !open })}>
        {open ? t('doors.console.close') : t('doors.console.reopen')}
      </button>
      {refused > 0 ? <p className="doors-refused">{t('doors.console.refused', { count: refused })}</p> : null}
    </div>
  );
}
