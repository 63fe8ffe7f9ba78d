// The page's figures (docs/design.md §6), each a pure function of the core's JSON that returns an
// <svg> built in the given Document, and their exports. d3 comes from ../vendor/d3.js, bundled
// at build time by scripts/bundle-d3.mjs; nothing is loaded from another origin.
//
//   drawKaplanMeier(doc, survival, options)          a survival object (rfs.weeks, os.months, ...)
//   drawPlateletTrajectories(doc, patients, options) the cohort report's patients[]
//   drawPlateletsByWeek(doc, byWeek, options)        the cohort report's platelets_by_week
//   drawResponseBars(doc, response, options)         the cohort report's response
//   drawSwimmer(doc, patients, options)              the cohort report's patients[]
//
// Not exported here, so that the page's first load does not carry them: the survival
// calculator's competing-risks and Cox figures, imported with their analysis when first chosen
// (cumulative-incidence.js: drawCumulativeIncidence(doc, cif, options); forest-plot.js:
// drawForestPlot(doc, cox, options)).
export { drawKaplanMeier, KM_LABELS } from './kaplan-meier.js';
export { drawPlateletTrajectories, TRAJECTORY_LABELS } from './trajectories.js';
export { drawPlateletsByWeek, PLATELETS_BY_WEEK_LABELS } from './platelets-by-week.js';
export { drawResponseBars, RESPONSE_LABELS } from './response-bars.js';
export { drawSwimmer, SWIMMER_LABELS } from './swimmer.js';
export { downloadBlob, svgToBlob, svgToPngBlob, svgToString } from './export.js';
