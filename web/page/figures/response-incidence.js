// The cohort report's cumulative incidence of response (docs/design.md §4.1, "In the cohort
// report"): a first response, a new ITP treatment and death as competing first events from D0,
// drawn as the stacked view of cumulative-incidence.js, response at the bottom, the patients
// still without any of them on top. The report gives one curve per cause for the whole cohort;
// this module only renames them into the shape of a `cif` answer.
import { drawCumulativeIncidence } from './cumulative-incidence.js';

const COHORT = 'cohort';

/**
 * @param {Document} doc
 * @param {NonNullable<import('../../shared/core-api.js').CohortReport['response_incidence']>}
 *   incidence  The report's response_incidence.
 * @param {{lang?: string, width?: number, labels?: object,
 *   causeNames?: Record<string, string>}} [options]
 * @returns {SVGSVGElement}
 */
export function drawResponseIncidence(doc, incidence, options = {}) {
  const cif = {
    causes: incidence.curves.map((c) => c.cause),
    groups: incidence.curves.map((c) => ({ name: COHORT, cause: c.cause, n: incidence.n,
      events: c.events, last_time: incidence.last_time, table: c.table })),
  };
  return drawCumulativeIncidence(doc, cif, { ...options, view: 'stacked', group: COHORT });
}
