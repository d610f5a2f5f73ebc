import type { ComponentType } from 'react';
import type { ActivityResults } from '../../../shared/index.js';
import type { ReportPart, ReportSectionProps } from './types.js';

/**
 * Builds a kind's report part from its narrowing of the results (null: nothing to print, e.g.
 * no answers) and its section component, which gets the narrowed results.
 */
export function reportPart<R extends ActivityResults>(
  pick: (results: ActivityResults | null) => R | null,
  Section: ComponentType<Omit<ReportSectionProps, 'results'> & { results: R }>,
): ReportPart {
  function KindReport(props: ReportSectionProps) {
    const results = pick(props.results);
    return results ? <Section {...props} results={results} /> : null;
  }
  return { hasResults: (results) => pick(results) !== null, Section: KindReport };
}
