import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { LangToggle } from '../../components/LangToggle.js';
import { MAIN_ID, SkipLink } from '../../components/SkipLink.js';
import { useDocumentTitle } from '../../lib/useDocumentTitle.js';
import { CreateForm } from './CreateForm.js';
import { MyProcesses } from './MyProcesses.js';
import { MyWorkshops } from './MyWorkshops.js';
import { ProcessStarter } from './ProcessStarter.js';
import './home.css';

export function HomePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('home.title'));
  return (
    <div className="home">
      <SkipLink />
      <header className="home-header">
        <p className="brand">
          <span className="brand-mark" aria-hidden="true" />
          {t('app.name')}
          <span className="brand-tagline">{t('app.tagline')}</span>
        </p>
        <LangToggle />
      </header>
      <main className="home-main" id={MAIN_ID} tabIndex={-1}>
        <section className="home-create" aria-labelledby="create-h">
          <h1 id="create-h">{t('home.title')}</h1>
          <p className="lead">{t('home.intro')}</p>
          <CreateForm />
        </section>
        <ProcessStarter />
        <aside className="home-side">
          <MyWorkshops />
          <MyProcesses />
          <p className="join-hint">
            {t('home.participantHint')} <Link href="/join">{t('common.goToJoin')}</Link>
          </p>
        </aside>
      </main>
    </div>
  );
}
