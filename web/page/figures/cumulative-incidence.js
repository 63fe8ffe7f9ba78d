// Cumulative incidence curves from the core's `cif` answer (docs/design.md §4.1: per group and
// cause, the Aalen-Johansen estimate at each event time of the cause, with cmprsk::cuminc's
// variance and log(−log) limits). Two views:
//   'causes'   one panel per cause, one step curve per group (colour and dash), its limits as a
//              band; every panel on the same axes, so causes compare by eye;
//   'stacked'  one group: the causes' curves stacked (each band is that cause's incidence) and
//              1 − their sum, the probability of being event-free, on top.
// Each curve starts at (0, 0) and stays flat after its last event to the group's last time, as
// cuminc's step function does. The page computes nothing else: stacking adds the core's values.
import { axisBottom, axisLeft, scaleLinear } from '../vendor/d3.js';
import { formatFixed } from '../format.js';
import { t } from '../i18n/index.js';
import {
  addLegend, addText, addVerticalTitle, createFigure, lineSample, localDecimals, mergeLabels,
  PALETTE, round, seriesStyle, textWidth, tickText,
} from './common.js';
import { stepBand, stepLine } from './step-paths.js';

export const CIF_LABELS = Object.freeze({
  title: 'Cumulative incidence',
  incidence: 'Cumulative incidence',
  time: 'Time',
  /** A panel's or a band's name; {cause} is the status value. */
  cause: 'Cause {cause}',
  eventFree: 'Event-free',
  /** The stacked view's title; {group} is the group's name. */
  stacked: 'Cumulative incidence by cause: {group}',
});

const EVENT_FREE_FILL = '#e8e8e8';
const PANEL_GAP = 28;

/**
 * @typedef {object} CifFigureOptions
 * @property {'causes'|'stacked'} [view]  Default 'causes'.
 * @property {string} [group]  The stacked view's group (default: the first).
 * @property {boolean} [showCI]  Bands of the limits in the 'causes' view. Default true.
 * @property {number} [width]   Default 720.
 * @property {number} [height]  Of each row of panels, axes included. Default 360.
 * @property {string} [lang]
 * @property {Partial<typeof CIF_LABELS>} [labels]
 * @property {Record<string, string>} [causeNames]  A cause's name by its value, in place of
 *   labels.cause (the cohort report names its causes: response, new treatment, death).
 */

/** The curve of one group and cause as steps: (0, 0), each event time, flat to the last time. */
function stepsOf(curve) {
  const points = [{ t: 0, estimate: 0, lower: 0, upper: 0 }];
  curve.table.time.forEach((time, k) => points.push({ t: time, estimate: curve.table.estimate[k],
    lower: curve.table.lower[k], upper: curve.table.upper[k] }));
  const last = points.at(-1);
  if (curve.last_time > last.t) points.push({ ...last, t: curve.last_time });
  return points;
}

/** Rounds an axis's top up to a tenth (0.6 for 0.58), at most 1. */
function axisTop(max) {
  return Math.min(1, Math.max(0.1, Math.ceil(max * 10 - 1e-9) / 10));
}

/**
 * @param {Document} doc
 * @param {import('../../shared/core-api.js').CifResult} cif
 * @param {CifFigureOptions} [options]
 * @returns {SVGSVGElement}
 */
export function drawCumulativeIncidence(doc, cif, options = {}) {
  const { view = 'causes', showCI = true, width = 720, height = 360, lang } = options;
  if (!['causes', 'stacked'].includes(view)) {
    throw new RangeError(`view must be causes or stacked, not "${view}"`);
  }
  const labels = mergeLabels(CIF_LABELS, options.labels);
  const causeName = (cause) => options.causeNames?.[cause]
    ?? labels.cause.replace('{cause}', String(cause));
  const groupNames = [...new Set(cif.groups.map((g) => g.name))];
  const lastTime = Math.max(0, ...cif.groups.map((g) => g.last_time ?? 0));
  const group = options.group ?? groupNames[0];
  const title = view === 'stacked' && groupNames.length > 1
    ? labels.stacked.replace('{group}', String(group)) : labels.title;
  const svg = createFigure(doc, { width, height: 1, title, lang, className: 'cif-figure',
    desc: describe(cif, view, group, causeName, lang) });

  const left = 56;
  const right = 16 + textWidth(tickText(lastTime)) / 2;
  let top = 10;
  let legendItems;
  if (view === 'causes') {
    legendItems = groupNames.length > 1 ? groupNames.map((name, i) => {
      const { colour, dash } = seriesStyle(i);
      return { label: name, draw: (s) => lineSample(s, colour, dash) };
    }) : [];
  } else {
    legendItems = [...cif.causes.map((cause, i) => ({ label: causeName(cause),
      draw: (s) => swatch(s, PALETTE[i % PALETTE.length]) })),
    { label: labels.eventFree, draw: (s) => swatch(s, EVENT_FREE_FILL) }];
  }
  if (legendItems.length) {
    const legend = svg.append('g').attr('transform', `translate(${left},${top})`);
    top += addLegend(legend, legendItems, width - left - right) + 10;
  }

  const panels = view === 'causes' ? cif.causes : [null];
  const columns = Math.min(panels.length, 3);
  const panelWidth = (width - left - right - PANEL_GAP * (columns - 1)) / columns;
  const plotHeight = Math.max(60, height - 70);
  const x = scaleLinear().domain([0, lastTime || 1]).range([0, panelWidth]).nice();
  const yMax = view === 'stacked' ? 1 : axisTop(Math.max(0.01, ...cif.groups.flatMap((g) =>
    [...g.table.estimate, ...(showCI ? g.table.upper : [])].filter(Number.isFinite))));
  const y = scaleLinear().domain([0, yMax]).range([plotHeight, 0]);
  const yTicks = y.ticks(5);

  panels.forEach((cause, p) => {
    const px = left + (p % columns) * (panelWidth + PANEL_GAP);
    const py = top + Math.floor(p / columns) * (plotHeight + 70) + (cause === null ? 0 : 18);
    const plot = svg.append('g').attr('class', 'cif-panel')
      .attr('transform', `translate(${round(px)},${round(py)})`);
    if (cause !== null) {
      plot.attr('data-cause', cause);
      addText(plot, causeName(cause), { x: 0, y: -8, weight: 'bold', className: 'cif-panel-title',
        maxWidth: panelWidth });
    }
    plot.append('g').attr('class', 'cif-axis-x').attr('transform', `translate(0,${round(plotHeight)})`)
      .call(axisBottom(x).ticks(Math.max(2, Math.round(panelWidth / 70)))
        .tickFormat((v) => localDecimals(tickText(v), lang)));
    plot.append('g').attr('class', 'cif-axis-y').call(axisLeft(y).tickValues(yTicks)
      .tickFormat((v) => (p % columns === 0 ? localDecimals(tickText(v), lang) : '')));
    addText(plot, labels.time, { x: panelWidth / 2, y: plotHeight + 34, anchor: 'middle',
      className: 'cif-axis-title' });
    if (p % columns === 0) addVerticalTitle(plot, labels.incidence, -40, plotHeight / 2, 'cif-axis-title');
    if (cause === null) drawStacked(plot, cif, group, x, y);
    else drawCause(plot, cif, cause, groupNames, x, y, showCI);
  });

  const rows = Math.ceil(panels.length / columns);
  const titleSpace = view === 'causes' ? 18 : 0;
  const total = round(top + (rows - 1) * (plotHeight + 70) + titleSpace + plotHeight + 44);
  svg.attr('height', total).attr('viewBox', `0 0 ${round(width)} ${total}`);
  svg.select('.figure-background').attr('height', total);
  return svg.node();
}

/** One panel of the 'causes' view: each group's curve of this cause, and its band. */
function drawCause(plot, cif, cause, groupNames, x, y, showCI) {
  const curve = (points) => stepLine(points, (d) => round(x(d.t)), (d) => round(y(d.estimate)));
  const band = (points) => stepBand(points, (d) => round(x(d.t)), (d) => round(y(d.lower)),
    (d) => round(y(d.upper)), (d) => Number.isFinite(d.lower) && Number.isFinite(d.upper));
  cif.groups.filter((g) => g.cause === cause).forEach((g) => {
    const i = groupNames.indexOf(g.name);
    const { colour, dash } = seriesStyle(i);
    const points = stepsOf(g);
    if (showCI && points.length > 1) {
      plot.append('path').attr('class', 'cif-ci').attr('data-group', i).attr('d', band(points))
        .attr('fill', colour).attr('fill-opacity', 0.12).attr('stroke', 'none');
    }
    const path = plot.append('path').attr('class', 'cif-curve').attr('data-group', i)
      .attr('d', curve(points)).attr('fill', 'none').attr('stroke', colour)
      .attr('stroke-width', 2);
    if (dash) path.attr('stroke-dasharray', dash);
  });
}

/** The 'stacked' view of one group: each cause's band on top of the previous ones, then 1 − sum. */
function drawStacked(plot, cif, group, x, y) {
  const curves = cif.causes.map((cause) => cif.groups.find((g) => g.name === group
    && g.cause === cause));
  const lastTime = Math.max(0, ...curves.map((c) => c?.last_time ?? 0));
  const times = [...new Set([0, lastTime, ...curves.flatMap((c) => c?.table.time ?? [])])]
    .sort((a, b) => a - b);
  // Each cause's value at every time of the union: its last estimate at or before it.
  const values = curves.map((c) => {
    let k = -1;
    return times.map((time) => {
      while (c && k + 1 < c.table.time.length && c.table.time[k + 1] <= time) k += 1;
      return k < 0 ? 0 : c.table.estimate[k];
    });
  });
  let below = times.map(() => 0);
  const layer = (points) => stepBand(points, (d) => round(x(d.t)), (d) => round(y(d.y0)),
    (d) => round(y(d.y1)));
  values.forEach((v, c) => {
    const above = below.map((b, k) => b + v[k]);
    plot.append('path').attr('class', 'cif-stack').attr('data-cause', cif.causes[c])
      .attr('d', layer(times.map((t, k) => ({ t, y0: below[k], y1: above[k] }))))
      .attr('fill', PALETTE[c % PALETTE.length]).attr('fill-opacity', 0.75)
      .attr('stroke', PALETTE[c % PALETTE.length]).attr('stroke-width', 1);
    below = above;
  });
  plot.append('path').attr('class', 'cif-event-free')
    .attr('d', layer(times.map((t, k) => ({ t, y0: Math.min(1, below[k]), y1: 1 }))))
    .attr('fill', EVENT_FREE_FILL).attr('stroke', 'none');
}

/** A filled square for a legend, 22 × 12 like a line sample. */
function swatch(g, colour) {
  return g.append('rect').attr('x', 4).attr('y', 0).attr('width', 14).attr('height', 12)
    .attr('fill', colour).attr('stroke', '#555').attr('stroke-width', 0.5);
}

/**
 * The figure in words for screen readers, in lang's language: each curve's last value (the page
 * prints the rest).
 */
function describe(cif, view, group, causeName, lang) {
  const shown = view === 'stacked' ? cif.groups.filter((g) => g.name === group) : cif.groups;
  const parts = [view === 'stacked'
    ? t('desc.cif.stacked', lang, { n: cif.causes.length, group: String(group) })
    : t('desc.cif.causes', lang, { n: cif.causes.length })];
  for (const g of shown) {
    parts.push(t('desc.cif.curve', lang, { cause: causeName(g.cause), group: String(g.name),
      events: g.events, n: g.n, percent: formatFixed(100 * (g.table.estimate.at(-1) ?? 0), lang),
      time: localDecimals(tickText(g.last_time), lang) }));
  }
  return parts.join(' ');
}
