// The cohort report's tables as plain models: pure functions from the core's JSON (docs/design.md §5
// "Cohort report") to {id, title, caption, columns, rows, footnotes}, with every cell already
// written as text in the reader's language. The page renders a model as a <table>
// (render-table.js), the CSV export writes it (csv.js), the printable report prints it
// (../cohort/printable-report.js), so the three always show the same text.
//
// Nothing here computes a statistic: counts, percents, quantiles, intervals and p-values are the
// core's; these functions only choose decimals and words. Text from the user's files (patient
// ids, drug names, categories, reasons) is copied as it is, never translated or interpreted.

import {
  DASH, isNumber, formatCount, formatDecimal, formatEstimate, formatFixed, formatLevel,
  formatPValue, formatRate, formatSummary, formatSurvivalAt, sameDecimals,
} from '../format.js';
import { t, tOr } from '../i18n/index.js';
import { patientTable } from './patient-tables.js';
import {
  categoryLong, categoryShort, cell, classLabel, cohortSizeOf, heading, indented,
  quantileFootnote, translateValue, variableLabel,
} from './table-model.js';

/** @typedef {import('./table-model.js').TableModel} TableModel */

// ---- the cohort tables ----------------------------------------------------------------------

/** Table 1 as the seed paper prints it: "Age (years) | 68 [41.0–72.8] (21–88)". */
export function table1Table(report, lang) {
  const size = cohortSizeOf(report);
  const rows = [];
  const source = report.table1 ?? [];
  let quantileType = 7;
  for (let i = 0; i < source.length;) {
    const row = source[i];
    if (row.kind === 'continuous') {
      quantileType = row.quantile_type ?? quantileType;
      rows.push(cell(variableLabel(row, lang), formatSummary(row, lang, size)));
      i += 1;
      continue;
    }
    // Categorical rows of one variable come together: one row for a yes/no variable, else a
    // heading with one row per level.
    let j = i;
    const sameVariable = (r) => r.kind !== 'continuous' && r.variable === row.variable;
    while (j < source.length && sameVariable(source[j])) j += 1;
    const group = source.slice(i, j);
    const count = (r) => formatCount(r.count, r.denominator, r.percent, lang, size);
    if (group.length === 1 && group[0].level === 'Yes') {
      rows.push(cell(variableLabel(row, lang), count(row)));
    } else {
      rows.push(heading(variableLabel(row, lang)));
      for (const r of group) rows.push(indented(translateValue(r.level, lang), count(r)));
    }
    i = j;
  }
  return {
    id: 'table1',
    title: t('table.table1.title', lang),
    caption: size === undefined ? '' : t('table.table1.caption', lang, { n: size }),
    columns: [
      { key: 'label', label: t('col.characteristic', lang) },
      {
        key: 'value',
        label: size === undefined ? t('col.value', lang) : t('col.patientsN', lang, { n: size }),
        numeric: true,
      },
    ],
    rows,
    footnotes: [quantileFootnote(quantileType, lang), t('note.categorical', lang),
      severalCausesNote(report, lang)].filter(Boolean),
  };
}

/**
 * The core's note on patients with several causes of secondary ITP, in the reader's language:
 * its number read from the core's English sentence; a sentence worded otherwise is shown as the
 * core wrote it rather than lost. Null when the core wrote none.
 * @param {object} report
 * @param {string} lang
 * @returns {string | null}
 */
export function severalCausesNote(report, lang) {
  const note = (report.footnotes ?? []).find((n) => /^Causes of secondary ITP\b/.test(String(n)));
  if (note === undefined) return null;
  const m = /^Causes of secondary ITP: (\d+) patients? (?:has|have) several causes\b/.exec(note);
  if (!m) return String(note);
  const n = Number(m[1]);
  return t(n === 1 ? 'note.severalCauses.one' : 'note.severalCauses.other', lang, { n });
}

/** Sorted as papers list them: most frequent first, then by name. */
function byCountThenName(items, nameOf, lang) {
  return [...items].sort((a, b) => (b.count - a.count) ||
    nameOf(a).localeCompare(nameOf(b), lang));
}

/** Prior treatments: lines, then patients per class and per drug, n (%). */
export function priorTreatmentsTable(report, lang) {
  const prior = report.prior_treatments ?? {};
  const size = prior.patients ?? cohortSizeOf(report);
  const count = (r) => formatCount(r.count, r.denominator, r.percent, lang, size);
  const className = (c) => classLabel(c.class, lang);
  const rows = [cell(t('prior.lines', lang), formatSummary(prior.lines, lang, size))];
  rows.push(heading(t('prior.byClass', lang)));
  for (const c of byCountThenName(prior.classes ?? [], className, lang)) {
    rows.push(indented(className(c), count(c)));
  }
  rows.push(heading(t('prior.byDrug', lang)));
  for (const d of byCountThenName(prior.drugs ?? [], (x) => String(x.drug), lang)) {
    rows.push(indented(String(d.drug), count(d)));
  }
  return {
    id: 'prior_treatments',
    title: t('table.prior.title', lang),
    caption: t('table.prior.caption', lang,
      { days: report.criteria?.treatment_window_days ?? 42, n: size ?? DASH }),
    columns: [
      { key: 'label', label: t('col.treatment', lang) },
      { key: 'value', label: t('col.patientsPct', lang), numeric: true },
    ],
    rows,
    footnotes: [quantileFootnote(prior.lines?.quantile_type ?? 7, lang)],
  };
}

/** Infusions: total, per patient median [IQR] (range), route n (%), doses. */
export function infusionsTable(report, lang) {
  const inf = report.infusions ?? {};
  const size = cohortSizeOf(report);
  const rows = [
    cell(t('infusions.total', lang), String(inf.total ?? DASH)),
    cell(t('infusions.perPatient', lang), formatSummary(inf.per_patient, lang, size)),
    heading(t('infusions.route', lang)),
  ];
  for (const r of inf.route ?? []) {
    rows.push(indented(translateValue(r.level, lang),
      formatCount(r.count, r.denominator, r.percent, lang, size)));
  }
  rows.push(heading(t('infusions.doses', lang)));
  for (const d of inf.doses ?? []) {
    rows.push(indented(`${translateValue(d.route, lang)}, ${translateValue(d.dose, lang)}`,
      String(d.infusions)));
  }
  return {
    id: 'infusions',
    title: t('table.infusions.title', lang),
    caption: t('table.infusions.caption', lang, { total: inf.total ?? DASH, n: size ?? DASH }),
    columns: [
      { key: 'label', label: t('col.characteristic', lang) },
      { key: 'value', label: t('col.value', lang), numeric: true },
    ],
    rows,
    footnotes: [quantileFootnote(inf.per_patient?.quantile_type ?? 7, lang)],
  };
}

/** Follow-up: median by reverse Kaplan-Meier with its CI, and observed follow-up. */
export function followUpTable(report, lang) {
  const fu = report.follow_up ?? {};
  const level = formatLevel(report.report_options?.conf_level, lang);
  const reverse = fu.reverse_km
    ? formatEstimate({ estimate: fu.reverse_km.median, lower: fu.reverse_km.lower,
      upper: fu.reverse_km.upper }, lang, 1)
    : DASH;
  return {
    id: 'follow_up',
    title: t('table.followUp.title', lang),
    caption: '',
    columns: [
      { key: 'label', label: t('col.characteristic', lang) },
      { key: 'value', label: t('col.value', lang), numeric: true },
    ],
    rows: [
      cell(t('followUp.reverseKm', lang, { level }), reverse),
      cell(t('followUp.observed', lang), formatSummary(fu.observed, lang, cohortSizeOf(report))),
    ],
    footnotes: [t('note.reverseKm', lang), quantileFootnote(fu.observed?.quantile_type ?? 7, lang)],
  };
}

function responseColumns(report, lang, firstLabel) {
  const level = formatLevel(report.response?.conf_level ?? report.report_options?.conf_level, lang);
  return [
    { key: 'label', label: firstLabel },
    { key: 'n', label: t('col.nOverN', lang), numeric: true },
    { key: 'rate', label: t('col.percentCi', lang, { level }), numeric: true },
  ];
}

function responseRows(block, lang, indent) {
  return ['CR', 'R', 'OR', 'NR'].map((c) => {
    const category = block.categories?.[c];
    return {
      cells: {
        label: categoryLong(c, lang),
        n: category ? `${category.count}/${block.denominator}` : DASH,
        rate: formatRate(category, lang),
      },
      indent,
    };
  });
}

function responseFootnote(report, lang) {
  const method = report.response?.ci_method ?? report.report_options?.ci_method
    ?? 'clopper-pearson';
  return t('note.responseCi', lang, { method: tOr(`note.ci.${method}`, lang, method) });
}

/** Response at the landmark: CR, R, OR, NR as n/N and "52.0 % (31.3–72.2)". */
export function responseTable(report, lang) {
  const response = report.response ?? {};
  const [from, to] = response.window ?? [DASH, DASH];
  const mode = report.criteria?.landmark?.mode === 'at' ? 'at' : 'best';
  return {
    id: 'response',
    title: t('table.response.title', lang, { day: response.landmark_day ?? DASH }),
    caption: t(`table.response.caption.${mode}`, lang, { from, to, n: response.denominator ?? 0 }),
    columns: responseColumns(report, lang, t('col.category', lang)),
    rows: responseRows(response, lang, false),
    footnotes: [responseFootnote(report, lang)],
  };
}

/** Response at the later landmarks (6 and 12 months in the seed), or null when none. */
export function laterResponseTable(report, lang) {
  const later = report.response?.other_landmarks ?? [];
  if (later.length === 0) return null;
  const countRow = (label, n) => ({ cells: { label, n: String(n ?? 0) }, indent: true });
  const rows = [];
  for (const block of later) {
    const [from, to] = block.window ?? [DASH, DASH];
    rows.push(heading(t('fmt.landmark', lang, { day: block.landmark_day, from, to })));
    rows.push(...responseRows(block, lang, true));
    rows.push(countRow(categoryLong('NE', lang), block.not_evaluable));
    rows.push(countRow(t('category.diedBefore', lang), block.died_before));
  }
  return {
    id: 'later_response',
    title: t('table.laterResponse.title', lang),
    caption: '',
    columns: responseColumns(report, lang, t('col.landmark', lang)),
    rows,
    footnotes: [t('note.laterLandmarks', lang), responseFootnote(report, lang)],
  };
}

/** Excluded and not-evaluable patients with their reasons (outside the denominator). */
export function outsideDenominatorTable(report, lang) {
  const response = report.response ?? {};
  const rows = [
    ...(response.excluded ?? []).map((p) => ({ category: 'excluded', ...p })),
    ...(response.not_evaluable ?? []).map((p) => ({ category: 'NE', ...p })),
  ].map((p) => ({
    cells: {
      patient: String(p.patient_id),
      category: categoryShort(p.category, lang),
      reason: String(p.reason ?? ''),
    },
  }));
  return {
    id: 'outside_denominator',
    title: t('table.outside.title', lang),
    caption: rows.length > 0
      ? t('table.outside.caption', lang, { day: response.landmark_day ?? DASH })
      : t('table.outside.empty', lang),
    columns: [
      { key: 'patient', label: t('col.patient', lang) },
      { key: 'category', label: t('col.category', lang) },
      { key: 'reason', label: t('col.reason', lang) },
    ],
    rows,
    footnotes: [],
  };
}

/** Overall response with and without a concomitant / background treatment, Fisher's p. */
export function byTreatmentTable(report, lang) {
  const days = report.criteria?.treatment_window_days ?? 42;
  const side = (s) => (s && s.OR
    ? formatCount(s.OR.count, s.patients, s.OR.percent, lang, Infinity) : DASH);
  const rows = (report.response?.by_treatment ?? []).map((b) => ({
    cells: {
      label: tOr(`byTreatment.${b.role}`, lang, String(b.role), { days }),
      with: side(b.with),
      without: side(b.without),
      p: isNumber(b.fisher_p) ? formatPValue(b.fisher_p, lang) : t('fmt.notComputed', lang),
    },
  }));
  return {
    id: 'response_by_treatment',
    title: t('table.byTreatment.title', lang),
    caption: '',
    columns: [
      { key: 'label', label: t('col.treatment', lang) },
      { key: 'with', label: t('col.with', lang), numeric: true },
      { key: 'without', label: t('col.without', lang), numeric: true },
      { key: 'p', label: t('col.fisherP', lang), numeric: true },
    ],
    rows,
    footnotes: [
      t('note.fisher', lang),
      neitherBlock(report) ? t('note.byTreatmentNeither', lang) : null,
    ].filter(Boolean),
  };
}

/** The block of response.by_treatment for the patients given neither treatment, or null. */
const neitherBlock = (report) =>
  (report.response?.by_treatment ?? []).find((b) => b.role === 'neither') ?? null;

/**
 * CR, R and OR of the evaluable patients given neither a background nor a concomitant ITP
 * treatment, n/N and % (CI) as the response table writes them; null when the core gave none.
 */
export function neitherResponseTable(report, lang) {
  const block = neitherBlock(report);
  if (!block) return null;
  const n = block.patients ?? 0;
  return {
    id: 'response_neither',
    title: t('table.neither.title', lang),
    caption: t('table.neither.caption', lang,
      { n, days: report.criteria?.treatment_window_days ?? 42 }),
    columns: responseColumns(report, lang, t('col.category', lang)),
    rows: ['CR', 'R', 'OR'].map((c) => ({
      cells: {
        label: categoryLong(c, lang),
        n: block[c] ? `${block[c].count}/${n}` : DASH,
        rate: formatRate(block[c], lang),
      },
    })),
    footnotes: [responseFootnote(report, lang)],
  };
}

/**
 * The patients in CR at the landmark given no other ITP treatment before a relapse: how many,
 * how many relapsed and when (months from D0, one decimal), and who; null when the core gave
 * none.
 */
export function crWithoutOtherTreatmentTable(report, lang) {
  const block = report.response?.cr_without_other_treatment;
  if (!block) return null;
  const months = (block.relapse_months ?? []).filter(isNumber)
    .map((m) => formatFixed(m, lang, 1));
  const ids = (block.patient_ids ?? []).map(String);
  return {
    id: 'cr_without_other_treatment',
    title: t('table.crAlone.title', lang),
    caption: '',
    columns: [
      { key: 'label', label: t('col.characteristic', lang) },
      { key: 'value', label: t('col.value', lang), numeric: true },
    ],
    rows: [
      cell(t('crAlone.patients', lang, { day: report.response?.landmark_day ?? DASH }),
        String(block.patients ?? 0)),
      cell(t('crAlone.relapses', lang), String(block.relapses ?? 0)),
      cell(t('crAlone.relapseMonths', lang), months.length ? months.join('; ') : DASH),
      cell(t('crAlone.ids', lang), ids.length ? ids.join(', ') : DASH),
    ],
    footnotes: [t('note.crAlone', lang)],
  };
}

/** Time to response in days: median (range), as the seed reports it, and the IQR. */
export function timeToResponseTable(report, lang) {
  const ttr = report.time_to_response ?? {};
  const known = ttr.n > 0 && isNumber(ttr.median);
  const [median] = known ? sameDecimals([ttr.median], lang) : [DASH];
  const [min, max] = known ? sameDecimals([ttr.min, ttr.max], lang) : [DASH, DASH];
  const [q1, q3] = known ? sameDecimals([ttr.q1, ttr.q3], lang) : [DASH, DASH];
  return {
    id: 'time_to_response',
    title: t('table.timeToResponse.title', lang),
    caption: '',
    columns: [
      { key: 'label', label: t('col.characteristic', lang) },
      { key: 'value', label: t('col.value', lang), numeric: true },
    ],
    rows: [
      cell(t('ttr.patients', lang), String(ttr.n ?? 0)),
      cell(t('ttr.medianRange', lang), known ? `${median} (${min}–${max})` : DASH),
      cell(t('ttr.iqr', lang), known ? `${q1}–${q3}` : DASH),
    ],
    footnotes: [
      t('note.ttr', lang, { from: report.criteria?.landmark?.window_from ?? 42 }),
      quantileFootnote(ttr.quantile_type ?? 7, lang),
    ],
  };
}

function rfsFootnote(report, lang) {
  const rfs = report.criteria?.rfs;
  if (!rfs) return null;
  const events = [
    rfs.event_loss && t('event.loss_of_response', lang),
    rfs.event_new_treatment && t('event.new_treatment', lang),
    rfs.event_death && t('event.death', lang),
  ].filter(Boolean).join(', ');
  return t('note.rfs', lang, {
    origin: tOr(`note.rfsOrigin.${rfs.origin}`, lang, String(rfs.origin)),
    events: events || DASH,
  });
}

/** RFS (responders) and OS: n, events, median (CI) in months, KM estimates at 12 and 24 months. */
export function survivalSummaryTable(report, lang) {
  const months = report.report_options?.estimate_months ?? [12, 24];
  const anyPart = report.rfs?.months ?? report.os?.months;
  const level = formatLevel(anyPart?.conf_level ?? report.report_options?.conf_level, lang);
  const unit = t('unit.months', lang);
  const columns = [
    { key: 'label', label: t('col.outcome', lang) },
    { key: 'n', label: t('col.n', lang), numeric: true },
    { key: 'events', label: t('col.events', lang), numeric: true },
    { key: 'median', label: t('col.median', lang, { unit, level }), numeric: true },
    ...months.map((m, i) => ({
      key: `at${i}`,
      label: t('col.estimateAt', lang, { time: formatDecimal(m, lang), unit, level }),
      numeric: true,
    })),
  ];
  const row = (label, part) => {
    const group = part?.months?.groups?.[0];
    if (!group) return { cells: { label, n: '0', events: DASH, median: DASH } };
    const cells = {
      label, n: String(group.n), events: String(group.events),
      median: formatEstimate(group.median, lang, 1, part.months.conf_type !== 'none'),
    };
    months.forEach((m, i) => {
      const at = group.at_times;
      const k = at ? at.time.findIndex((x) => Math.abs(x - m) < 1e-9) : -1;
      cells[`at${i}`] = k < 0 ? t('fmt.notEstimable', lang)
        : formatSurvivalAt(at.surv[k], at.lower[k], at.upper[k], lang);
    });
    return { cells };
  };
  return {
    id: 'survival',
    title: t('table.survival.title', lang),
    caption: '',
    columns,
    rows: [row(t('outcome.rfs', lang), report.rfs), row(t('outcome.os', lang), report.os)],
    footnotes: [
      t('note.km', lang, { level, confType: anyPart?.conf_type ?? 'log' }),
      rfsFootnote(report, lang),
    ].filter(Boolean),
  };
}

/**
 * The cumulative incidence of response from D0 with a new ITP treatment and death competing, at
 * the report's months, each cause with its log(-log) CI as cmprsk::cuminc; null when no patient
 * is evaluable with a follow-up.
 */
export function responseIncidenceTable(report, lang) {
  const incidence = report.response_incidence;
  if (!incidence) return null;
  const level = formatLevel(report.report_options?.conf_level ?? 0.95, lang);
  const curves = incidence.curves;
  const times = curves[0].at_times.time;
  return {
    id: 'response_incidence',
    title: t('table.responseIncidence.title', lang),
    caption: t('table.responseIncidence.caption', lang, {
      n: incidence.n, responses: incidence.events.response,
      treatments: incidence.events.new_treatment, deaths: incidence.events.death,
      censored: incidence.events.censored,
    }),
    columns: [
      { key: 'time', label: t('col.monthsFromD0', lang), numeric: true },
      ...curves.map((c) => ({ key: c.cause, numeric: true,
        label: t('col.incidenceCi', lang, { cause: t(`cause.${c.cause}`, lang), level }) })),
    ],
    rows: times.map((time, k) => {
      const cells = { time: formatDecimal(time, lang) };
      for (const c of curves) {
        const at = c.at_times;
        cells[c.cause] = isNumber(at.estimate[k])
          ? formatSurvivalAt(at.estimate[k], at.lower[k], at.upper[k], lang)
          : t('fmt.notEstimable', lang);
      }
      return { cells };
    }),
    footnotes: [t('note.responseIncidence', lang, { level })],
  };
}

/** The number-at-risk table under the RFS curve (weeks), or null without responders. */
export function rfsAtRiskTable(report, lang) {
  const risk = report.rfs?.weeks?.groups?.[0]?.risk_table;
  if (!risk) return null;
  return {
    id: 'rfs_at_risk',
    title: t('table.rfsAtRisk.title', lang),
    caption: '',
    columns: [
      { key: 'time', label: t('col.time', lang, { unit: t('unit.weeks', lang) }), numeric: true },
      { key: 'at_risk', label: t('col.atRisk', lang), numeric: true },
      { key: 'events', label: t('col.cumEvents', lang), numeric: true },
      { key: 'censored', label: t('col.cumCensored', lang), numeric: true },
    ],
    rows: risk.time.map((time, i) => ({
      cells: {
        time: formatDecimal(time, lang),
        at_risk: String(risk.n_risk[i]),
        events: String(risk.cumulative_events?.[i] ?? DASH),
        censored: String(risk.cumulative_censored?.[i] ?? DASH),
      },
    })),
    footnotes: [],
  };
}

/**
 * The platelet counts by week since D0 (the data of the figure): per week the patients with a
 * count and the median [Q1, Q3] of their values (each patient's median of the week), written as
 * Table 1 writes a median and its IQR. Null when the core gave none.
 */
export function plateletsByWeekTable(report, lang) {
  const pbw = report.platelets_by_week;
  if (!pbw || !Array.isArray(pbw.week)) return null;
  const gl = t('unit.gl', lang);
  return {
    id: 'platelets_by_week',
    title: t('table.plateletsByWeek.title', lang),
    caption: t('table.plateletsByWeek.caption', lang, { weeks: pbw.week.length }),
    columns: [
      { key: 'week', label: t('col.week', lang), numeric: true },
      { key: 'patients', label: t('col.patientsCount', lang), numeric: true },
      { key: 'median', label: t('col.medianUnit', lang, { unit: gl }), numeric: true },
      { key: 'q1', label: t('col.q1', lang, { unit: gl }), numeric: true },
      { key: 'q3', label: t('col.q3', lang, { unit: gl }), numeric: true },
    ],
    rows: pbw.week.map((week, i) => {
      const median = pbw.median?.[i];
      const [q1, q3] = [pbw.q1?.[i], pbw.q3?.[i]];
      const quartiles = isNumber(q1) && isNumber(q3) ? sameDecimals([q1, q3], lang) : [DASH, DASH];
      return {
        cells: {
          week: String(week),
          patients: String(pbw.patients?.[i] ?? 0),
          median: isNumber(median) ? sameDecimals([median], lang)[0] : DASH,
          q1: quartiles[0],
          q3: quartiles[1],
        },
      };
    }),
    footnotes: [t('note.plateletsByWeek', lang), quantileFootnote(pbw.quantile_type ?? 7, lang)],
  };
}

/** Safety: any AE, grade ≥ 3, serious, infusion reactions, by category, deaths, lab values. */
export function safetyTable(report, lang) {
  const safety = report.safety ?? {};
  const size = safety.patients ?? cohortSizeOf(report);
  const count = (r) => (r ? formatCount(r.count, r.denominator, r.percent, lang, size) : DASH);
  const rows = [
    cell(t('safety.any', lang), count(safety.any_adverse_event)),
    cell(t('safety.grade3', lang), count(safety.grade_3_or_more)),
    cell(t('safety.serious', lang), count(safety.serious)),
    cell(t('safety.infusionReactions', lang), count(safety.infusion_reactions)),
    heading(t('safety.byCategory', lang)),
  ];
  for (const c of safety.by_category ?? []) {
    rows.push({
      cells: {
        label: String(c.category),
        value: formatCount(c.patients, size, c.percent, lang, size),
        grade3: String(c.grade_3_or_more ?? 0),
      },
      indent: true,
    });
  }
  const deaths = safety.deaths;
  if (deaths) {
    rows.push(cell(t('safety.deaths', lang),
      formatCount(deaths.count, size, deaths.percent, lang, size)));
    for (const d of deaths.by_cause ?? []) {
      rows.push(indented(translateValue(d.cause, lang), String(d.count)));
    }
  }
  const labs = safety.lab_thresholds ?? [];
  if (labs.length > 0) {
    rows.push(heading(t('safety.labs', lang)));
    for (const l of labs) {
      const label = t('safety.labBelow', lang, {
        test: tOr(`lab.${l.test}`, lang, String(l.test)),
        value: formatDecimal(l.below, lang),
        unit: l.unit ?? '',
      }).trim();
      rows.push(indented(label,
        formatCount(l.patients_below, l.patients_measured, l.percent, lang, size)));
    }
  }
  return {
    id: 'safety',
    title: t('table.safety.title', lang),
    caption: t('table.safety.caption', lang, { events: safety.events ?? 0, n: size ?? DASH }),
    columns: [
      { key: 'label', label: t('col.characteristic', lang) },
      { key: 'value', label: t('col.patientsPct', lang), numeric: true },
      { key: 'grade3', label: t('col.grade3', lang), numeric: true },
    ],
    rows,
    footnotes: [
      t('note.safetyFromD0', lang, { before: (safety.before_d0 ?? []).length,
        undated: safety.undated_events ?? 0 }),
      labs.length > 0 ? t('note.labs', lang) : null,
    ].filter(Boolean),
  };
}

/**
 * The adverse events before D0, listed apart from the safety table (which counts those from D0
 * on): patient, day, term, category and grade as the file gives them. Null when the core's
 * report has no such list (an older report).
 */
export function adverseEventsBeforeD0Table(report, lang) {
  const before = report.safety?.before_d0;
  if (!Array.isArray(before)) return null;
  const text = (v) => (v === null || v === undefined || v === '' ? DASH : String(v));
  return {
    id: 'adverse_events_before_d0',
    title: t('table.aeBeforeD0.title', lang),
    caption: before.length > 0
      ? t('table.aeBeforeD0.caption', lang, { count: before.length })
      : t('table.aeBeforeD0.empty', lang),
    columns: [
      { key: 'patient', label: t('col.patient', lang) },
      { key: 'day', label: t('col.day', lang), numeric: true },
      { key: 'term', label: t('col.term', lang) },
      { key: 'category', label: t('col.category', lang) },
      { key: 'grade', label: t('col.grade', lang), numeric: true },
    ],
    rows: before.map((e) => ({
      cells: {
        patient: text(e.patient_id),
        day: text(e.day),
        term: text(e.term),
        category: text(e.category),
        grade: text(e.grade),
      },
    })),
    footnotes: [],
  };
}

// ---- all of them ------------------------------------------------------------------------------

/**
 * Every table of a cohort report, in the order of a paper (those without data left out).
 * @param {object} report  The core's cohort response.
 * @param {string} lang
 * @returns {TableModel[]}
 */
export function reportTables(report, lang) {
  return [
    table1Table, priorTreatmentsTable, infusionsTable, followUpTable, responseTable,
    laterResponseTable, outsideDenominatorTable, byTreatmentTable, neitherResponseTable,
    crWithoutOtherTreatmentTable, timeToResponseTable, plateletsByWeekTable,
    responseIncidenceTable, survivalSummaryTable, rfsAtRiskTable, safetyTable, adverseEventsBeforeD0Table,
  ].map((build) => build(report, lang)).filter(Boolean)
    .concat([patientTable(report.patients, lang, report.criteria)]);
}
