// Response rates with their confidence intervals, from the cohort report's `response`
// (docs/design.md §5): one group of bars per landmark (response itself, then
// response.other_landmarks[], e.g. 3, 6 and 12 months), one bar per category (CR, R, OR, NR) of
// height categories[c].percent, a whisker from ci_lower to ci_upper (proportions, drawn as
// percent), and n/N written above (count / the landmark's denominator).
import { axisBottom, axisLeft, scaleBand, scaleLinear } from '../vendor/d3.js';
import { formatFixed } from '../format.js';
import { t, tOr } from '../i18n/index.js';
import {
  addText, addVerticalTitle, categoryStyle, createFigure, DAYS_PER_UNIT, INK, localDecimals,
  mergeLabels, round,
} from './common.js';

export const RESPONSE_LABELS = Object.freeze({
  title: 'Response by landmark',
  percent: 'Patients (%)',
  /** A landmark on a whole month is written "Month 3"; otherwise "Day 100". */
  month: 'Month',
  day: 'Day',
  CR: 'CR',
  R: 'R',
  OR: 'OR',
  NR: 'NR',
});

export const RESPONSE_CATEGORIES = ['CR', 'R', 'OR', 'NR'];

/**
 * @typedef {object} ResponseBarsOptions
 * @property {string[]} [categories]  Which bars, in order. Default CR, R, OR, NR.
 * @property {number} [width]   Default 720.
 * @property {number} [height]  Default 360.
 * @property {string} [lang]  'en' or 'fr': the SVG's lang attribute and the decimal mark of
 *   its numbers (0,2 and p = 0,065 in French); the words come from labels.
 * @property {Partial<typeof RESPONSE_LABELS>} [labels]
 * @property {string} [description]  The <desc> read by screen readers; default: the figure's
 *   numbers in English words (a page in another language passes its own).
 */

/**
 * @param {Document} doc
 * @param {{landmark_day: number, denominator: number, categories: Record<string, {count: number,
 *   percent: number|null, ci_lower: number|null, ci_upper: number|null}>, other_landmarks?: any[],
 *   conf_level?: number, ci_method?: string}} response
 * @param {ResponseBarsOptions} [options]
 * @returns {SVGSVGElement}
 */
export function drawResponseBars(doc, response, options = {}) {
  const { categories = RESPONSE_CATEGORIES, width = 720, height = 360, lang } = options;
  const labels = mergeLabels(RESPONSE_LABELS, options.labels);
  const landmarks = [response, ...(response.other_landmarks ?? [])]
    .filter((l) => l && l.categories);
  /** "Month 3", or "Day 100" off a whole month; the description names it in its language. */
  const landmarkName = (l, words = labels) => {
    const months = l.landmark_day / DAYS_PER_UNIT.months;
    return Math.abs(months - Math.round(months)) < 0.1 && Math.round(months) > 0
      ? `${words.month} ${Math.round(months)}` : `${words.day} ${l.landmark_day}`;
  };

  const desc = options.description
    ?? describe(landmarks, categories, landmarkName, response, lang);
  const svg = createFigure(doc, { width, height, title: labels.title, desc, lang,
    className: 'response-figure' });
  const margin = { top: 20, right: 12, bottom: 46, left: 56 };
  const plotWidth = Math.max(60, width - margin.left - margin.right);
  const plotHeight = Math.max(60, height - margin.top - margin.bottom);
  const plot = svg.append('g').attr('class', 'response-plot')
    .attr('transform', `translate(${margin.left},${margin.top})`);

  const outer = scaleBand().domain(landmarks.map((_, i) => i)).range([0, plotWidth])
    .paddingInner(0.18).paddingOuter(0.06);
  const inner = scaleBand().domain(categories).range([0, outer.bandwidth()]).padding(0.12);
  const y = scaleLinear().domain([0, 100]).range([plotHeight, 0]);

  plot.append('g').attr('class', 'response-axis-y')
    .call(axisLeft(y).tickValues([0, 20, 40, 60, 80, 100]));
  addVerticalTitle(plot, labels.percent, 16 - margin.left, plotHeight / 2, 'response-axis-title');

  landmarks.forEach((l, i) => {
    const g = plot.append('g').attr('class', 'response-landmark')
      .attr('data-landmark-day', l.landmark_day)
      .attr('transform', `translate(${round(outer(i))},0)`);
    // Category names under the bars, the landmark's name under them.
    g.append('g').attr('class', 'response-axis-x')
      .attr('transform', `translate(0,${round(plotHeight)})`)
      .call(axisBottom(inner).tickSizeOuter(0).tickFormat((c) => labels[c] ?? c));
    addText(g, landmarkName(l), { x: outer.bandwidth() / 2, y: plotHeight + 34, anchor: 'middle',
      weight: 'bold', className: 'response-landmark-label' });

    for (const c of categories) {
      const cat = l.categories[c];
      if (!cat) continue;
      const { colour } = categoryStyle(c);
      const bx = inner(c);
      const bw = inner.bandwidth();
      const bar = g.append('g').attr('class', 'response-bar').attr('data-category', c);
      let top = plotHeight;
      if (typeof cat.percent === 'number') {
        top = y(cat.percent);
        bar.append('rect').attr('x', round(bx)).attr('y', round(top)).attr('width', round(bw))
          .attr('height', round(plotHeight - top)).attr('fill', colour);
      }
      if (typeof cat.ci_lower === 'number' && typeof cat.ci_upper === 'number') {
        const cx = round(bx + bw / 2);
        const lo = round(y(cat.ci_lower * 100));
        const hi = round(y(cat.ci_upper * 100));
        const cap = round(Math.min(6, bw / 4));
        bar.append('path').attr('class', 'response-ci')
          .attr('data-lower', cat.ci_lower).attr('data-upper', cat.ci_upper)
          .attr('d', `M${cx},${lo}V${hi}`
            + `M${round(cx - cap)},${lo}h${2 * cap}M${round(cx - cap)},${hi}h${2 * cap}`)
          .attr('stroke', INK).attr('stroke-width', 1.2).attr('fill', 'none');
        top = Math.min(top, hi);
      }
      addText(bar, `${cat.count}/${l.denominator}`, { x: bx + bw / 2, y: top - 4, anchor: 'middle',
        className: 'response-count', size: bw < 28 ? 9 : 11 });
    }
  });
  return svg.node();
}

/** The figure in words for screen readers, in lang's language: each bar's count and interval. */
function describe(landmarks, categories, landmarkName, response, lang) {
  const percent = (x) => formatFixed(100 * x, lang);
  const parts = landmarks.map((l) => t('desc.response.landmark', lang, {
    landmark: landmarkName(l, { month: t('desc.month', lang), day: t('desc.day', lang) }),
    day: l.landmark_day, n: l.denominator,
    categories: categories.filter((c) => l.categories[c]).map((c) => {
      const cat = l.categories[c];
      return t('desc.response.category', lang, { category: tOr(`category.${c}`, lang, c),
        count: cat.count, n: l.denominator,
        percent: typeof cat.percent === 'number' ? `${localDecimals(String(cat.percent), lang)} %`
          : t('desc.notAvailable', lang),
        ci: typeof cat.ci_lower === 'number' && typeof cat.ci_upper === 'number'
          ? t('desc.response.ci', lang, { lower: percent(cat.ci_lower),
            upper: percent(cat.ci_upper) }) : '' });
    }).join(t('desc.semicolon', lang)) }));
  return t('desc.response', lang, {
    level: typeof response.conf_level === 'number'
      ? t('desc.response.level', lang, { percent: Math.round(response.conf_level * 100) }) : '',
    method: response.ci_method ? ` (${response.ci_method})` : '',
    landmarks: parts.join('. '),
  });
}
