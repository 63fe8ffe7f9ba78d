// A swimmer plot from the cohort report's patients[] (docs/design.md §5): one lane per patient,
// longest follow-up on top, a bar from D0 to the last follow-up (os.days) in the colour of the
// patient's category, a cross at its end when os.event (death), the other ITP treatments
// (treatments[] with role concomitant, background or subsequent) as thin bars from start_day to
// end_day (open-ended: to the last follow-up), the first response (first_response_day) and the loss
// of response (loss_of_response.day) as marks, infusions as ticks when the caller has them
// (options.infusions), and the category written at the end of the lane.
import { axisBottom, max, min, scaleBand, scaleLinear } from '../vendor/d3.js';
// As a namespace: `t` names a treatment in this file.
import * as i18n from '../i18n/index.js';
import {
  addLegend, addText, categoryStyle, CATEGORY_ORDER, createFigure, daysPerUnit, INK, localDecimals,
  mergeLabels, MUTED, round, textWidth, tickText,
} from './common.js';

export const SWIMMER_LABELS = Object.freeze({
  title: 'Swimmer plot: follow-up, treatments and responses per patient',
  /** Empty: "Days from D0", "Weeks from D0" or "Months from D0", from timeUnit. */
  time: '',
  concomitant: 'Concomitant treatment',
  background: 'Background treatment',
  subsequent: 'Subsequent treatment',
  infusion: 'Infusion',
  response: 'First response',
  loss: 'Loss of response',
  death: 'Death',
  CR: 'CR',
  R: 'R',
  NR: 'NR',
  NE: 'NE',
  excluded: 'Excluded',
});

export const ROLE_COLOURS = Object.freeze({
  concomitant: '#E69F00',
  background: '#6b6b6b',
  subsequent: '#CC79A7',
});

/** Marks drawn centred on (0, 0), one shape each so that none depends on colour. */
const MARKS = {
  response: (g) => g.append('path').attr('d', 'M0,-5L4.5,3.5H-4.5Z').attr('fill', '#009E73')
    .attr('stroke', INK).attr('stroke-width', 0.8),
  loss: (g) => g.append('path').attr('d', 'M0,-5L5,0L0,5L-5,0Z').attr('fill', '#ffffff')
    .attr('stroke', '#D55E00').attr('stroke-width', 1.6),
  death: (g) => g.append('path').attr('d', 'M-4,-4L4,4M-4,4L4,-4').attr('stroke', INK)
    .attr('stroke-width', 2).attr('fill', 'none'),
  infusion: (g) => g.append('path').attr('d', 'M0,-4V4').attr('stroke', INK)
    .attr('stroke-width', 1).attr('fill', 'none'),
};

/**
 * @typedef {object} SwimmerOptions
 * @property {'days'|'weeks'|'months'} [timeUnit]  Of the x axis. Default 'days'.
 * @property {{patient_id: string, day: number}[]} [infusions]  Ticks on the lanes; optional.
 * @property {number} [daysBefore]  How far before D0 the axis may start, for treatments begun
 *   before it (concomitant from day -42, background earlier: drawn from the axis's start).
 *   Default 42.
 * @property {number} [width]  Default 720.
 * @property {number} [laneHeight]  Default 18; the SVG's height follows from the patients.
 * @property {string} [lang]  'en' or 'fr': the SVG's lang attribute and the decimal mark of
 *   its numbers (0,2 and p = 0,065 in French); the words come from labels.
 * @property {Partial<typeof SWIMMER_LABELS>} [labels]
 * @property {string} [description]  The <desc> read by screen readers; default: the figure's
 *   numbers in English words (a page in another language passes its own).
 */

/**
 * @param {Document} doc
 * @param {any[]} patients  The cohort report's patients[].
 * @param {SwimmerOptions} [options]
 * @returns {SVGSVGElement}
 */
export function drawSwimmer(doc, patients, options = {}) {
  const {
    timeUnit = 'days', infusions = [], daysBefore = 42, width = 720, laneHeight = 18, lang,
  } = options;
  const per = daysPerUnit(timeUnit);
  const labels = mergeLabels(SWIMMER_LABELS, options.labels);
  const timeTitle = labels.time || `${timeUnit[0].toUpperCase()}${timeUnit.slice(1)} from D0`;

  const lanes = patients.map((p, index) => {
    const end = typeof p.os?.days === 'number' ? p.os.days
      : Math.max(0, max(p.counts ?? [], (c) => c.day) ?? 0);
    const treatments = (p.treatments ?? [])
      .filter((t) => t.role in ROLE_COLOURS && typeof t.start_day === 'number')
      // Open-ended (still given): drawn to the last follow-up.
      .map((t) => ({ ...t,
        to: typeof t.end_day === 'number' ? t.end_day : Math.max(end, t.start_day) }));
    return {
      index, id: String(p.patient_id), category: p.category, end, died: p.os?.event === true,
      treatments,
      response: p.first_response_day,
      loss: p.loss_of_response?.day,
      infusions: infusions.filter((f) => f.patient_id === p.patient_id && typeof f.day === 'number')
        .map((f) => f.day),
    };
  });
  lanes.sort((a, b) => b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const treatments = lanes.flatMap((l) => l.treatments);
  const earliest = Math.min(0, min(treatments, (t) => t.start_day) ?? 0);
  const xMin = Math.max(earliest, -Math.abs(daysBefore)) / per;
  const xMax = Math.max(1, max(lanes, (l) => l.end) ?? 0, max(treatments, (t) => t.to) ?? 0) / per;

  const left = Math.min(Math.max(48, max(lanes, (l) => textWidth(l.id) + 14) ?? 0), width * 0.3);
  const categoryWidth = Math.max(24,
    max(lanes, (l) => textWidth(labels[l.category] ?? l.category)) ?? 0);
  const right = categoryWidth + 14;
  const plotWidth = Math.max(60, width - left - right);

  const roles = Object.keys(ROLE_COLOURS)
    .filter((r) => lanes.some((l) => l.treatments.some((t) => t.role === r)));
  const categories = CATEGORY_ORDER.filter((c) => lanes.some((l) => l.category === c))
    .concat([...new Set(lanes.map((l) => l.category))].filter((c) => !CATEGORY_ORDER.includes(c)));
  const legendItems = [
    ...categories.map((c) => ({ label: labels[c] ?? c, draw: (g) => g.append('rect')
      .attr('y', 2).attr('width', 22).attr('height', 8).attr('fill', categoryStyle(c).colour)
      .attr('fill-opacity', 0.45) })),
    ...roles.map((r) => ({ label: labels[r], draw: (g) => g.append('rect').attr('y', 4)
      .attr('width', 22).attr('height', 4).attr('fill', ROLE_COLOURS[r]) })),
    ...[['response', lanes.some((l) => typeof l.response === 'number')],
      ['loss', lanes.some((l) => typeof l.loss === 'number')],
      ['death', lanes.some((l) => l.died)],
      ['infusion', lanes.some((l) => l.infusions.length)]]
      .filter(([, shown]) => shown)
      .map(([kind]) => ({ label: labels[kind],
        draw: (g) => MARKS[kind](g.append('g').attr('transform', 'translate(11,6)')) })),
  ];

  const desc = options.description ?? describe(lanes, timeUnit, per, lang);
  const svg = createFigure(doc, { width, height: 1, title: labels.title, desc, lang,
    className: 'swimmer-figure' });
  const top = 10 + addLegend(svg.append('g').attr('transform', `translate(${round(left)},10)`),
    legendItems, plotWidth + right - 8) + 10;
  const plotHeight = lanes.length * laneHeight;
  const totalHeight = round(top + plotHeight + 44);
  svg.attr('height', totalHeight).attr('viewBox', `0 0 ${round(width)} ${totalHeight}`);
  svg.select('.figure-background').attr('height', totalHeight);

  // Rounded up at the end only: rounding the start down would show days nobody asked for.
  const x = scaleLinear().domain([xMin, xMax]).range([0, plotWidth]).nice();
  x.domain([xMin, x.domain()[1]]);
  const y = scaleBand().domain(lanes.map((_, i) => i)).range([0, plotHeight]);
  const plot = svg.append('g').attr('class', 'swimmer-plot')
    .attr('transform', `translate(${round(left)},${round(top)})`);
  const at = (day) => round(x(Math.max(day / per, x.domain()[0])));

  plot.append('path').attr('class', 'swimmer-d0').attr('d', `M${at(0)},0V${round(plotHeight)}`)
    .attr('stroke', MUTED).attr('stroke-dasharray', '3 3').attr('fill', 'none');
  plot.append('g').attr('class', 'swimmer-axis-x')
    .attr('transform', `translate(0,${round(plotHeight)})`)
    .call(axisBottom(x).ticks(Math.max(2, Math.round(plotWidth / 70)))
      .tickFormat((v) => localDecimals(tickText(v), lang)));
  addText(plot, timeTitle, { x: plotWidth / 2, y: plotHeight + 34, anchor: 'middle',
    className: 'swimmer-axis-title' });

  const bar = Math.max(4, laneHeight * 0.5);
  lanes.forEach((l, i) => {
    const mid = round(y(i) + laneHeight / 2);
    // Attributes hold only numbers and the core's codes; the id, from the user's file, is text.
    const lane = plot.append('g').attr('class', 'swimmer-lane').attr('data-index', l.index)
      .attr('data-category', l.category).attr('transform', `translate(0,${mid})`);
    addText(lane, l.id, { x: -6, anchor: 'end', dy: '0.32em', className: 'swimmer-id',
      maxWidth: left - 10 });
    const { colour } = categoryStyle(l.category);
    lane.append('rect').attr('class', 'swimmer-follow-up').attr('data-days', l.end)
      .attr('x', at(0)).attr('y', round(-bar / 2))
      .attr('width', round(Math.max(0, at(l.end) - at(0))))
      .attr('height', round(bar)).attr('fill', colour).attr('fill-opacity', 0.45);
    for (const t of l.treatments) {
      const r = lane.append('rect').attr('class', `swimmer-treatment ${t.role}`)
        .attr('data-start', t.start_day).attr('data-end', t.end_day ?? '')
        .attr('x', at(t.start_day)).attr('y', round(bar / 2 - 1.5))
        .attr('width', round(Math.max(1.5, at(t.to) - at(t.start_day)))).attr('height', 3)
        .attr('fill', ROLE_COLOURS[t.role]);
      r.append('title').text(`${t.name ?? t.drug ?? ''} (${labels[t.role]}), day ${t.start_day}`
        + ` to ${typeof t.end_day === 'number' ? `day ${t.end_day}` : 'last follow-up'}`);
    }
    for (const day of l.infusions) {
      MARKS.infusion(lane.append('g').attr('class', 'swimmer-infusion').attr('data-day', day)
        .attr('transform', `translate(${at(day)},0)`));
    }
    if (typeof l.response === 'number') {
      MARKS.response(lane.append('g').attr('class', 'swimmer-response').attr('data-day', l.response)
        .attr('transform', `translate(${at(l.response)},0)`));
    }
    if (typeof l.loss === 'number') {
      MARKS.loss(lane.append('g').attr('class', 'swimmer-loss').attr('data-day', l.loss)
        .attr('transform', `translate(${at(l.loss)},0)`));
    }
    if (l.died) {
      MARKS.death(lane.append('g').attr('class', 'swimmer-death').attr('data-day', l.end)
        .attr('transform', `translate(${at(l.end)},0)`));
    }
    addText(lane, labels[l.category] ?? l.category, { x: at(l.end) + (l.died ? 10 : 5),
      dy: '0.32em', className: 'swimmer-category', fill: MUTED });
  });
  return svg.node();
}

/** The figure in words for screen readers, in lang's language: each patient's lane. */
function describe(lanes, timeUnit, per, lang) {
  const say = (id, params) => i18n.t(id, lang, params);
  const parts = lanes.map((l) => {
    const bits = [say('desc.swimmer.lane', { id: l.id,
      category: i18n.tOr(`category.${l.category}`, lang, l.category),
      time: localDecimals(tickText(l.end / per), lang), unit: say(`unit.${timeUnit}`) })];
    if (l.died) bits.push(say('desc.swimmer.died'));
    if (typeof l.response === 'number') {
      bits.push(say('desc.swimmer.response', { day: l.response }));
    }
    if (typeof l.loss === 'number') bits.push(say('desc.swimmer.loss', { day: l.loss }));
    for (const treatment of l.treatments) {
      bits.push(say('desc.swimmer.treatment', { role: say(`desc.role.${treatment.role}`),
        drug: treatment.name ?? treatment.drug ?? '', day: treatment.start_day }));
    }
    return bits.join(', ');
  });
  return say('desc.swimmer', { n: lanes.length, patients: parts.join(say('desc.semicolon')) });
}
