// A forest plot of a Cox model's hazard ratios (the core's `cox` answer, docs/design.md §4.1):
// one row per term with its name at the left, the ratio as a square and its confidence limits
// as a line on a log scale, a dashed reference line at 1, and the ratio with its limits written
// at the right. A term without a finite ratio (singular, infinite, not converged: the core
// gives null) is not drawn: it is listed under the plot with the reason the caller gives.
//
// The log scale is a linear scale over log(ratio) with ticks at 0.1, 0.2, 0.5, 1, 2, 5, ... so
// that the page's d3 bundle needs no other scale.
import { axisBottom, scaleLinear } from '../vendor/d3.js';
import { t } from '../i18n/index.js';
import {
  addText, createFigure, INK, localDecimals, mergeLabels, MUTED, round, textWidth,
} from './common.js';

export const FOREST_LABELS = Object.freeze({
  title: 'Hazard ratios',
  axis: 'Hazard ratio (log scale)',
  /** The column of numbers at the right; {level} is the confidence level. */
  ratioColumn: 'HR (95 % CI)',
  notDrawn: 'Not drawn (no finite hazard ratio):',
});

const ROW = 22;
const MANTISSAS = [1, 2, 5];

/**
 * @typedef {object} ForestPlotOptions
 * @property {number} [width]  Default 720.
 * @property {string} [lang]
 * @property {Partial<typeof FOREST_LABELS>} [labels]
 * @property {(term: object) => string} [ratioText]  The right column's text of a drawn term.
 * @property {(term: object) => string} [whyNotDrawn]  The reason listed for a term not drawn.
 */

/** Tick values on a log scale between lo and hi: 1, 2 and 5 times powers of ten. */
export function logTicks(lo, hi) {
  const ticks = [];
  // Over more than three decades, 2 and 5 would crowd the axis: powers of ten only.
  const mantissas = Math.log10(hi / lo) > 3 ? [1] : MANTISSAS;
  for (let e = Math.floor(Math.log10(lo)) - 1; e <= Math.ceil(Math.log10(hi)) + 1; e += 1) {
    for (const m of mantissas) {
      const v = Number((m * 10 ** e).toPrecision(1));
      if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) ticks.push(v);
    }
  }
  return ticks;
}

/**
 * @param {Document} doc
 * @param {import('../../shared/core-api.js').CoxResult} cox
 * @param {ForestPlotOptions} [options]
 * @returns {SVGSVGElement}
 */
export function drawForestPlot(doc, cox, options = {}) {
  const { width = 720, lang } = options;
  const labels = mergeLabels(FOREST_LABELS, options.labels);
  const finite = (x) => typeof x === 'number' && Number.isFinite(x) && x > 0;
  const drawn = cox.coefficients.filter((c) => finite(c.hr));
  const notDrawn = cox.coefficients.filter((c) => !finite(c.hr));
  const ratioText = options.ratioText ?? ((c) => String(Number(c.hr.toPrecision(3))));
  const whyNotDrawn = options.whyNotDrawn ?? (() => '');

  const values = drawn.flatMap((c) => [c.hr, c.hr_lower, c.hr_upper]).filter(finite);
  // The axis always shows 1 and at least a factor of 4 around it, so a single small effect is
  // not drawn as if it were a large one.
  const lo = Math.min(0.5, ...values);
  const hi = Math.max(2, ...values);
  const domainLo = 10 ** (Math.floor(Math.log10(lo) * 2) / 2);
  const domainHi = 10 ** (Math.ceil(Math.log10(hi) * 2) / 2);

  const left = Math.min(width * 0.3, 24 + Math.max(40, ...cox.coefficients.map((c) =>
    textWidth(c.term))));
  const rightColumn = Math.max(textWidth(labels.ratioColumn), ...drawn.map((c) =>
    textWidth(ratioText(c)))) + 16;
  const plotWidth = Math.max(120, width - left - rightColumn - 16);
  const x = scaleLinear().domain([Math.log(domainLo), Math.log(domainHi)]).range([0, plotWidth]);

  const top = 28;
  const plotHeight = Math.max(1, drawn.length) * ROW;
  const svg = createFigure(doc, { width, height: 1, title: labels.title, lang,
    className: 'forest-figure', desc: describe(drawn, notDrawn, ratioText, whyNotDrawn, lang) });
  addText(svg, labels.ratioColumn, { x: width - 8, y: top - 10, anchor: 'end', weight: 'bold' });
  const plot = svg.append('g').attr('class', 'forest-plot')
    .attr('transform', `translate(${round(left)},${top})`);

  plot.append('path').attr('class', 'forest-reference')
    .attr('d', `M${round(x(0))},0V${plotHeight}`).attr('stroke', MUTED)
    .attr('stroke-dasharray', '4 3').attr('fill', 'none');
  plot.append('g').attr('class', 'forest-axis').attr('transform', `translate(0,${plotHeight})`)
    .call(axisBottom(x).tickValues(logTicks(domainLo, domainHi).map(Math.log))
      .tickFormat((v) => localDecimals(String(Number(Math.exp(v).toPrecision(1))), lang)));
  addText(plot, labels.axis, { x: plotWidth / 2, y: plotHeight + 34, anchor: 'middle',
    className: 'forest-axis-title' });

  drawn.forEach((c, i) => {
    const cy = i * ROW + ROW / 2;
    const row = plot.append('g').attr('class', 'forest-row').attr('data-term', c.term);
    addText(row, c.term, { x: -12, y: cy, dy: '0.32em', anchor: 'end', maxWidth: left - 12 });
    const xl = finite(c.hr_lower) ? x(Math.log(c.hr_lower)) : null;
    const xu = finite(c.hr_upper) ? x(Math.log(c.hr_upper)) : null;
    if (xl !== null && xu !== null) {
      row.append('path').attr('class', 'forest-ci')
        .attr('d', `M${round(xl)},${round(cy)}H${round(xu)}`).attr('stroke', INK)
        .attr('stroke-width', 1.5);
    }
    const cx = x(Math.log(c.hr));
    row.append('rect').attr('class', 'forest-point').attr('x', round(cx - 4))
      .attr('y', round(cy - 4)).attr('width', 8).attr('height', 8).attr('fill', '#0072B2');
    addText(row, ratioText(c), { x: width - left - 8, y: cy, dy: '0.32em', anchor: 'end',
      className: 'forest-ratio' });
  });

  let bottom = top + plotHeight + 48;
  if (notDrawn.length) {
    addText(svg, labels.notDrawn, { x: 8, y: bottom, weight: 'bold', className: 'forest-not-drawn' });
    for (const c of notDrawn) {
      bottom += 16;
      const why = whyNotDrawn(c);
      addText(svg, why ? `${c.term}: ${why}` : c.term, { x: 16, y: bottom, maxWidth: width - 24,
        className: 'forest-not-drawn-term' });
    }
    bottom += 12;
  }
  const total = round(bottom);
  svg.attr('height', total).attr('viewBox', `0 0 ${round(width)} ${total}`);
  svg.select('.figure-background').attr('height', total);
  return svg.node();
}

/** The ratios in words for screen readers, in lang's language, written as the right column. */
function describe(drawn, notDrawn, ratioText, whyNotDrawn, lang) {
  const parts = [t('desc.forest.head', lang, { n: drawn.length })];
  for (const c of drawn) {
    parts.push(t('desc.forest.term', lang, { term: c.term, ratio: ratioText(c) }));
  }
  for (const c of notDrawn) {
    parts.push(t('desc.forest.notDrawn', lang, { term: c.term, reason: whyNotDrawn(c) }).trim());
  }
  return parts.join(' ');
}
