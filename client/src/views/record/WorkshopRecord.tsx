import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../shared/index.js';
import { MAIN_ID } from '../../components/SkipLink.js';
import { reportNames } from '../report/reportData.js';
import { AskedPart, DidPart, fmtDate, fmtDateTime, Part, ResultsPart, RunPart, StoriesPart, WhoPart } from './RecordParts.js';
import { heldSpan, type RecordDoc } from './recordData.js';

/**
 * The participation record of one meeting (a decision moment): what a municipality attaches to a
 * council proposal — who was invited and who took part, what was asked, what came out and how
 * much agreement there was, the stories next to the numbers, what was done with it, and how the
 * meeting was run. Everything from the workshop export; `area` from its process when known.
 */
export function WorkshopRecord({ doc, lang, area }: { doc: RecordDoc; lang: Lang; area: string | null }) {
  const { t } = useTranslation();
  const names = reportNames(doc, lang);
  const head = t('record.running', { title: doc.workshop.title });
  const span = heldSpan(doc);
  const rep = doc.participation;
  const process = doc.process;
  return (
    <main className="report-doc rec-doc" lang={lang} id={MAIN_ID} tabIndex={-1}>
      <section className="report-section report-cover rec-section" aria-labelledby="rec-cover-h">
        <p className="report-kicker">
          {t('record.title')} · {t('record.moment.kicker')}
        </p>
        <h1 id="rec-cover-h">{doc.workshop.title}</h1>
        <dl className="report-meta">
          {process ? (
            <div>
              <dt>{t('record.moment.process')}</dt>
              <dd>{t('record.moment.processMeeting', { title: process.title, n: process.meeting })}</dd>
            </div>
          ) : null}
          {area ? (
            <div>
              <dt>{t('record.moment.area')}</dt>
              <dd>{area}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t('record.moment.date')}</dt>
            <dd>{fmtDate(span?.start ?? Date.parse(doc.workshop.createdAt), lang)}</dd>
          </div>
          {doc.online ? (
            <div>
              <dt>{t('record.moment.online')}</dt>
              <dd>{fmtDateTime(Date.parse(doc.online.until), lang)}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t('record.moment.tookPart')}</dt>
            <dd>{rep.invited === null ? t('record.moment.tookPartTotal', { count: rep.tookPart }) : t('record.moment.tookPartOfInvited', { count: rep.tookPart, invited: rep.invited })}</dd>
          </div>
          <div>
            <dt>{t('record.moment.code')}</dt>
            <dd>{doc.workshop.code}</dd>
          </div>
        </dl>
        <p className="rec-intro">{t('record.intro')}</p>
        <Part id="rec-who" title={t('record.who.heading')} kicker={t('record.who.kicker')} page={false}>
          <WhoPart rep={rep} names={names} lang={lang} />
        </Part>
        <p className="report-generated">{t('record.generated', { date: fmtDateTime(Date.parse(doc.exportedAt), lang), version: doc.schemaVersion })}</p>
      </section>

      <Part id="rec-asked" title={t('record.asked.heading')} kicker={t('record.asked.kicker')} runningHead={head}>
        <AskedPart doc={doc} />
        <Part id="rec-results" title={t('record.results.heading')} kicker={t('record.results.kicker')} page={false}>
          <ResultsPart doc={doc} names={names} lang={lang} />
        </Part>
      </Part>

      <Part id="rec-stories" title={t('record.stories.heading')} kicker={t('record.stories.kicker')} runningHead={head}>
        <p className="r-hint">{t('record.stories.hint')}</p>
        <StoriesPart doc={doc} names={names} />
      </Part>

      <Part id="rec-did" title={t('record.did.heading')} kicker={t('record.did.kicker')} runningHead={head}>
        <DidPart doc={doc} names={names} lang={lang} />
        <Part id="rec-run" title={t('record.run.heading')} kicker={t('record.run.kicker')} page={false}>
          <RunPart doc={doc} lang={lang} />
        </Part>
      </Part>
    </main>
  );
}
