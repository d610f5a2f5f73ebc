import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicActivity } from '../../../../shared/index.js';
import { loadPage } from '../../lib/loadPage.js';
import type { PhonePart } from '../types.js';

/**
 * The options step's code is a chunk of its own: most workshops reach it once, at the end, so a
 * phone's first load does not carry it. PHONE_PARTS' `preload` fetches it as soon as the agenda
 * has an options step, so it is there before the step opens, also on a network that drops later.
 */
const load = () => import('./OptionsPhone.js');
const LazyOptionsPhone = lazy(() => loadPage(load(), (m) => m.OptionsPhone));

function OptionsPhoneStep({ activity }: { activity: PublicActivity }) {
  const { t } = useTranslation();
  return (
    <Suspense
      fallback={
        <section className="waiting" aria-busy="true">
          <p role="status">{t('common.loading')}</p>
        </section>
      }
    >
      <LazyOptionsPhone activity={activity} />
    </Suspense>
  );
}

/** One option at a time against each value; after reveal the results in brief. */
export const optionsPhone: PhonePart = { Step: OptionsPhoneStep, afterClose: 'step', preload: load };
