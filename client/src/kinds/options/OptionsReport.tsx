import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityResults, Lang } from '../../../../shared/index.js';
import type { OptionResult, OptionsResults } from '../../../../shared/kinds/options/model.js';
import { LateAnswersNote } from '../../components/LateAnswersNote.js';
import { ExcludedGroupsNote } from '../../views/report/ExcludedGroupsNote.js';
import { swatch, type ExportActivity } from '../../views/report/reportData.js';
import type { SummaryNames } from '../../views/summary/SummaryContent.js';
import { SplitLine, WeightsSource, WhoseValuesCard, WhyList, useFitWords, type OptionsNames } from './OptionsBoardParts.js';
import { fitColor, formatFit, formatShare, optionTitle, whyFor } from './OptionsBoardText.js';
import './optionsResults.css';

type Names = SummaryNames & { groupIndex: (id: string) => number };

/**
 * "Weigh the options" in the report: the same numbers as the board, as tables — every option's
 * fit for the room and per group, "every group can live with it" with its lowest group, whose
 * values decide, the weights and where they come from, and per option its values, its split
 * and every "why" sentence, most endorsed first. Groups left out are named.
 */
export function OptionsReport({ activity, results, names, lang, minGroupSize }: { activity: ExportActivity; results: ActivityResults & { options: OptionsResults }; names: Names; lang: Lang; minGroupSize: number }) {
  const { t } = useTranslation();
  const words = useFitWords();
  const fitsId = useId();
  const weightsId = useId();
  const o = results.options;
  const included = o.includedGroupIds;
  const liveWith = new Set(o.liveWithIds);
  const on: OptionsNames = { option: (id) => optionTitle(activity.config.options, id, lang), value: names.value, group: names.group, lang };
  const vote = o.weights.voteActivityId !== null && names.activity ? names.activity(o.weights.voteActivityId) : null;
  const activities = vote && o.weights.voteActivityId !== null ? [{ id: o.weights.voteActivityId, ...vote }] : null;
  const fit = (x: number | null) => (x === null ? '–' : formatFit(x, lang));
  const groupHead = (g: string) => (
    <th key={g} scope="col">
      <span className="r-swatch" style={{ background: swatch(names.groupIndex(g)) }} aria-hidden="true" />
      {names.group(g)}
    </th>
  );

  return (
    <>
      <figure className="r-figure r-keep">
        <figcaption>
          <h3 id={fitsId}>{t('optionsResults.report.fits')}</h3>
          <p className="r-hint">{t('optionsResults.report.fitsHint')}</p>
          <WeightsSource results={o} activities={activities} names={on} className="r-hint" />
          <LateAnswersNote answers={results.answers} className="r-hint" />
        </figcaption>
        <table className="r-table r-options" aria-labelledby={fitsId}>
          <thead>
            <tr>
              <th scope="col" colSpan={2}>
                {t('optionsResults.table.option')}
              </th>
              <th scope="col">{t('optionsResults.table.room')}</th>
              {included.map(groupHead)}
              <th scope="col">{t('optionsResults.table.liveWith')}</th>
              <th scope="col">{t('optionsResults.report.lowestCol')}</th>
            </tr>
          </thead>
          <tbody>
            {o.options.map((x) => (
              <tr key={x.optionId} className={liveWith.has(x.optionId) ? 'r-options-live' : undefined}>
                <td className="r-pos">{x.fit === null ? '–' : x.position}</td>
                <th scope="row" className="r-value">
                  {on.option(x.optionId)}
                  {liveWith.has(x.optionId) ? <span className="r-sub">✔ {t('optionsResults.table.liveWithMark')}</span> : null}
                </th>
                <td>
                  <span className="r-num">{fit(x.fit)}</span>
                  <span className="r-sub">{words(x.fit)}</span>
                </td>
                {included.map((g) => {
                  const f = x.groups.find((c) => c.groupId === g)?.fit ?? null;
                  return (
                    <td key={g} style={f === null ? undefined : fitColor(f)}>
                      {fit(f)}
                    </td>
                  );
                })}
                <td>{x.liveWith ? formatShare(x.liveWith.score, lang) : '–'}</td>
                <td>{x.liveWith ? t('optionsResults.report.lowest', { group: names.group(x.liveWith.lowestGroupId), share: formatShare(x.liveWith.lowestShare, lang) }) : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="r-hint">{t('optionsResults.legend')}</p>
        <ExcludedGroupsNote excluded={o.excludedGroups} groupName={names.group} minGroupSize={minGroupSize} />
      </figure>

      <div className="r-columns r-keep">
        <section className="r-options-whose">
          <WhoseValuesCard results={o} names={on} level="h3" />
        </section>
        <section>
          <h3 id={weightsId}>{t('optionsResults.report.weights')}</h3>
          <table className="r-table r-options-weights" aria-labelledby={weightsId}>
            <thead>
              <tr>
                <th scope="col">{t('optionsResults.report.valueCol')}</th>
                <th scope="col">{t('optionsResults.table.room')}</th>
                {o.weights.mode === 'equal' ? null : included.map(groupHead)}
              </tr>
            </thead>
            <tbody>
              {o.valueIds.map((v) => (
                <tr key={v}>
                  <th scope="row">{names.value(v)}</th>
                  <td>{formatShare(Object.hasOwn(o.weights.room, v) ? (o.weights.room[v] ?? 0) : 0, lang)}</td>
                  {o.weights.mode === 'equal'
                    ? null
                    : included.map((g) => {
                        const own = Object.hasOwn(o.weights.byGroup, g) ? o.weights.byGroup[g] : null;
                        return <td key={g}>{own ? formatShare(Object.hasOwn(own, v) ? (own[v] ?? 0) : 0, lang) : t('optionsResults.report.noOwnWeights')}</td>;
                      })}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>

      {o.options.map((x) => (
        <OptionSection key={x.optionId} results={o} option={x} names={on} groupHead={groupHead} why={whyFor(results.openAnswers, x.optionId)} />
      ))}
    </>
  );
}

/** One option: per value the room's mean, spread, agreement and "don't know", the groups' means, the split and the "why" sentences. */
function OptionSection({ results, option, names, groupHead, why }: { results: OptionsResults; option: OptionResult; names: OptionsNames; groupHead: (g: string) => React.ReactNode; why: ActivityResults['openAnswers'] }) {
  const { t } = useTranslation();
  const words = useFitWords();
  const id = useId();
  const { lang } = names;
  const fit = (x: number | null) => (x === null ? '–' : formatFit(x, lang));
  const n1 = (x: number | null) => (x === null ? '–' : new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(x));
  return (
    <section className="r-figure r-options-option r-keep">
      <h3 id={id}>
        {names.option(option.optionId)} <span className="r-sub-inline">{option.fit === null ? words(null) : `${fit(option.fit)} · ${words(option.fit)}`}</span>
      </h3>
      <table className="r-table r-options-values" aria-labelledby={id}>
        <thead>
          <tr>
            <th scope="col">{t('optionsResults.report.valueCol')}</th>
            <th scope="col">{t('optionsResults.report.meanCol')}</th>
            <th scope="col">{t('optionsResults.report.sdCol')}</th>
            <th scope="col">{t('optionsResults.report.agreementCol')}</th>
            <th scope="col">{t('optionsResults.report.nCol')}</th>
            {results.includedGroupIds.map(groupHead)}
          </tr>
        </thead>
        <tbody>
          {option.values.map((v) => (
            <tr key={v.valueId}>
              <th scope="row">{names.value(v.valueId)}</th>
              <td className="r-num">{fit(v.mean)}</td>
              <td>{v.sd === null ? '–' : `± ${n1(v.sd)}`}</td>
              <td>{v.agreement === null ? '–' : formatShare(v.agreement, lang)}</td>
              <td>{t('optionsResults.report.n', { n: v.n, dontKnow: v.dontKnow })}</td>
              {results.includedGroupIds.map((g) => {
                const m = option.groups.find((c) => c.groupId === g)?.values.find((x) => x.valueId === v.valueId)?.mean ?? null;
                return (
                  <td key={g} style={m === null ? undefined : fitColor(m)}>
                    {fit(m)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <SplitLine results={results} option={option} names={names} className="r-hint r-options-split" />
      <h4 className="r-options-why-h">{t('optionsResults.why.heading')}</h4>
      <WhyList answers={why} className="r-options-why" />
    </section>
  );
}
