// What the figures share: the SVG root with its <title> and <desc>, text that is always set as
// text (a value from a user's file never becomes markup), the colour-blind-safe palette of Okabe
// and Ito paired with dash patterns (so no curve is told apart by colour alone), the colours of
// the response categories, and time units. Runs wherever a Document exists: the page, or a DOM
// in Node for the tests.
//
// Styling is by presentation attributes (fill, stroke, font-size, ...), never a style="..."
// attribute: the page's CSP has no 'unsafe-inline' for styles, which blocks those attributes.
import { select } from '../vendor/d3.js';

export const SVG_NS = 'http://www.w3.org/2000/svg';

/** Okabe & Ito (2008), without the yellow, which is unreadable on white. */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9',
  '#000000'];
/** Six patterns against seven colours: a (colour, dash) pair repeats only after 42 series. */
export const DASHES = [null, '7 3', '2 2', '9 3 2 3', '1 3', '12 4'];

/** The i-th series' colour and dash (null = solid). */
export function seriesStyle(i) {
  return { colour: PALETTE[i % PALETTE.length], dash: DASHES[i % DASHES.length] };
}

/**
 * The response categories of docs/design.md §5. Responders in blues, overall response in green,
 * no response in vermilion, the patients outside the denominator in grey and purple.
 */
export const CATEGORY_STYLE = Object.freeze({
  CR: { colour: '#0072B2', dash: null },
  R: { colour: '#56B4E9', dash: '6 3' },
  OR: { colour: '#009E73', dash: null },
  NR: { colour: '#D55E00', dash: '2 2' },
  NE: { colour: '#8C8C8C', dash: '8 3 2 3' },
  excluded: { colour: '#CC79A7', dash: '1 3' },
});
export const CATEGORY_ORDER = ['CR', 'R', 'NR', 'NE', 'excluded'];

export function categoryStyle(category) {
  return CATEGORY_STYLE[category] ?? { colour: '#8C8C8C', dash: '1 2' };
}

/** The page's ink: axes and text use currentColor, resolved from the root's `color`. */
export const INK = '#222222';
export const MUTED = '#6b6b6b';
export const FONT_SIZE = 11;

/** Days in one unit of time, as the core converts them (a month is 365.25 / 12 days). */
export const DAYS_PER_UNIT = Object.freeze({ days: 1, weeks: 7, months: 30.4375 });

export function daysPerUnit(unit) {
  const days = DAYS_PER_UNIT[unit ?? 'days'];
  if (!days) throw new RangeError(`timeUnit must be days, weeks or months, not "${unit}"`);
  return days;
}

/**
 * A figure's labels: the English defaults overridden by the caller's (a French page passes its
 * own). Only known keys are kept, so a typo shows as an English word rather than silently.
 * @template {Record<string, string>} T
 * @param {T} defaults
 * @param {Partial<T>} [given]
 * @returns {T}
 */
export function mergeLabels(defaults, given) {
  const labels = { ...defaults };
  for (const key of Object.keys(defaults)) {
    if (given && typeof given[key] === 'string') labels[key] = given[key];
  }
  return labels;
}

/**
 * A text's width without a layout engine (Node has none, and the figure must not depend on the
 * fonts installed): a generous average for sans-serif digits and letters.
 * @param {string} s
 * @param {number} [size]
 */
export function textWidth(s, size = FONT_SIZE) {
  return [...String(s)].length * size * 0.6;
}

/** Figures drawn so far in this page: each one's <title> and <desc> get ids of their own. */
let figuresDrawn = 0;

/**
 * The root <svg> with role="img", its <title> (the accessible name) and <desc> (the accessible
 * description) as its first children and named by aria-labelledby and aria-describedby (which
 * screen readers follow more surely than the SVG rules alone), a white background (so an
 * exported file is not transparent) and the inherited presentation attributes of every figure.
 * @param {Document} doc
 * @param {{width: number, height: number, title: string, desc: string, lang?: string,
 *   className: string}} spec
 * @returns {import('d3-selection').Selection<SVGSVGElement, unknown, null, undefined>}
 */
export function createFigure(doc, { width, height, title, desc, lang, className }) {
  const svg = select(doc.createElementNS(SVG_NS, 'svg'))
    .attr('class', `itp-figure ${className}`)
    .attr('width', round(width))
    .attr('height', round(height))
    .attr('viewBox', `0 0 ${round(width)} ${round(height)}`)
    .attr('role', 'img')
    .attr('font-family', 'sans-serif')
    .attr('font-size', FONT_SIZE)
    .attr('color', INK)
    .attr('fill', INK);
  if (lang) svg.attr('lang', lang);
  figuresDrawn += 1;
  const id = `itp-figure-${figuresDrawn}`;
  svg.attr('aria-labelledby', `${id}-title`).attr('aria-describedby', `${id}-desc`);
  svg.append('title').attr('id', `${id}-title`).text(title);
  svg.append('desc').attr('id', `${id}-desc`).text(desc);
  svg.append('rect').attr('class', 'figure-background')
    .attr('width', round(width)).attr('height', round(height)).attr('fill', '#ffffff');
  return svg;
}

/**
 * A <text> whose content is the string as text. Too long for maxWidth, it is cut with an ellipsis
 * and the whole string goes in a <title> child (a tooltip, and what a screen reader reads).
 * @param {import('d3-selection').Selection<any, any, any, any>} parent
 * @param {string} s
 * @param {{x?: number, y?: number, anchor?: 'start'|'middle'|'end', className?: string,
 *   maxWidth?: number, size?: number, weight?: string, fill?: string, dy?: string}} [opts]
 */
export function addText(parent, s, opts = {}) {
  const size = opts.size ?? FONT_SIZE;
  const full = String(s ?? '');
  let shown = full;
  if (opts.maxWidth !== undefined && textWidth(full, size) > opts.maxWidth) {
    const chars = Math.max(1, Math.floor(opts.maxWidth / (size * 0.6)) - 1);
    shown = `${[...full].slice(0, chars).join('')}…`;
  }
  const node = parent.append('text')
    .attr('x', round(opts.x ?? 0))
    .attr('y', round(opts.y ?? 0));
  if (opts.className) node.attr('class', opts.className);
  if (opts.anchor && opts.anchor !== 'start') node.attr('text-anchor', opts.anchor);
  if (opts.dy) node.attr('dy', opts.dy);
  if (opts.size) node.attr('font-size', opts.size);
  if (opts.weight) node.attr('font-weight', opts.weight);
  if (opts.fill) node.attr('fill', opts.fill);
  node.text(shown);
  if (shown !== full) node.append('title').text(full);
  return node;
}

/** Coordinates to 0.01 px: enough for any screen or print, and a shorter file. */
export function round(v) {
  return Math.round(v * 100) / 100;
}

/** A number as the axes print it: at most 4 decimals, no trailing zeros. */
export function tickText(v) {
  return String(Number(v.toFixed(4)));
}

/**
 * Numbers in `text` with the decimal mark of `lang`: French writes 0,2 and p = 0,065 (as the
 * page's text does); English and anything else keep the point.
 * @param {string} text
 * @param {string} [lang]
 */
export function localDecimals(text, lang) {
  return /^fr\b/i.test(lang ?? '') ? text.replace(/(\d)\.(\d)/g, '$1,$2') : text;
}

/**
 * A legend laid out in rows across `width`: each item is a sample drawn by `drawSample` in a
 * 22 × 12 box, then its label. Returns the height used.
 * @param {import('d3-selection').Selection<any, any, any, any>} parent  Positioned at the legend's
 *   top-left corner.
 * @param {{label: string, draw: (g: any) => void}[]} items
 * @param {number} width
 */
export function addLegend(parent, items, width) {
  const rowHeight = 16;
  const legend = parent.append('g').attr('class', 'figure-legend');
  let x = 0;
  let row = 0;
  for (const item of items) {
    const labelWidth = Math.min(textWidth(item.label), width - 30);
    const itemWidth = 26 + labelWidth + 14;
    if (x > 0 && x + itemWidth > width) {
      x = 0;
      row += 1;
    }
    const g = legend.append('g').attr('class', 'figure-legend-item')
      .attr('transform', `translate(${round(x)},${row * rowHeight})`);
    item.draw(g);
    addText(g, item.label, { x: 26, y: 6, dy: '0.32em', maxWidth: width - 30 });
    x += itemWidth;
  }
  return items.length ? (row + 1) * rowHeight : 0;
}

/** An axis's title turned to read upwards, centred on y = middle, at x = `at`. */
export function addVerticalTitle(parent, label, at, middle, className) {
  const g = parent.append('g')
    .attr('transform', `translate(${round(at)},${round(middle)}) rotate(-90)`);
  return addText(g, label, { anchor: 'middle', className });
}

/** A line sample for a legend (22 px wide, centred on y = 6). */
export function lineSample(g, colour, dash, width = 2) {
  const path = g.append('path').attr('d', 'M0,6H22').attr('stroke', colour)
    .attr('stroke-width', width).attr('fill', 'none');
  if (dash) path.attr('stroke-dasharray', dash);
  return path;
}
