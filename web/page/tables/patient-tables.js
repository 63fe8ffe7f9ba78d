// The per-patient tables: one row per patient (id, category, reason, baseline, time to
// response, loss of response and of CR, RFS, OS, or why they were not computed), and for one
// patient the counts as the rule saw them (bleeding, credited or why not, level, the level of
// the confirmed response it lies within) with their other treatments, for the details view
// (docs/design.md §5: every classification checkable by eye).

import { DASH, formatDecimal, isNumber } from '../format.js';
import { t, tOr } from '../i18n/index.js';
import { categoryLong, categoryShort, classLabel } from './table-model.js';

const eventText = (reason, lang) =>
  tOr(`event.${String(reason).replace(/\s+/g, '_')}`, lang, String(reason));

function platelets(value, censoredBelow, lang) {
  if (!isNumber(value)) return DASH;
  const text = formatDecimal(value, lang);
  return censoredBelow ? t('fmt.baselineBelow', lang, { value: text }) : text;
}

/** "day 157: eltrombopag started on day 157" for a {day, reason} of the core, or a dash. */
function datedReason(loss, lang) {
  return loss ? t('fmt.lossAt', lang, { day: loss.day, reason: String(loss.reason ?? '') }) : DASH;
}

/**
 * "70 (new treatment)" for a time to event of the core, "not computed: no D0" when the core left
 * it out and said why, a dash otherwise (RFS of a patient who did not respond).
 * @param {{days: number, event: boolean, event_reason?: string|null} | null | undefined} time
 * @param {string | null | undefined} missingReason
 * @param {string} lang
 */
function timeToEventText(time, missingReason, lang) {
  if (time) {
    const what = time.event ? eventText(time.event_reason, lang) : t('fmt.censored', lang);
    return `${formatDecimal(time.days, lang)} (${what})`;
  }
  return missingReason ? t('fmt.notComputedBecause', lang, { reason: String(missingReason) })
    : DASH;
}

/**
 * Whether a report's patients table needs the loss-of-CR column: the criteria look for it
 * (loss.cr_lost_below), or some patient lost their CR.
 * @param {object[]} patients
 * @param {object} [criteria]
 */
function showsLossOfCr(patients, criteria) {
  return !!criteria?.loss?.cr_lost_below
    || (patients ?? []).some((p) => p.loss_of_complete_response);
}

/**
 * One row per patient: id, category, reason, baseline, time to response, loss of response (and
 * of CR when the criteria look for it), RFS and OS in days with the event or the reason they
 * were not computed. Each row carries its patient, for a details view
 * (render-table.js renderPatientTable).
 * @param {object[]} patients  The report's patients[].
 * @param {string} lang
 * @param {object} [criteria]  The report's criteria (whether loss of CR is looked for).
 */
export function patientTable(patients, lang, criteria = undefined) {
  const lossOfCr = showsLossOfCr(patients, criteria);
  const rows = (patients ?? []).map((p) => {
    const ttr = p.time_to_response_days;
    /** @type {Record<string, string>} */
    const cells = {
      patient: String(p.patient_id),
      category: categoryShort(p.category, lang),
      reason: String(p.reason ?? ''),
      baseline: platelets(p.baseline?.platelets, p.baseline?.censored_below, lang),
      time_to_response: isNumber(ttr) ? String(ttr) : DASH,
      loss: datedReason(p.loss_of_response, lang),
      rfs: timeToEventText(p.rfs, p.rfs_missing_reason, lang),
      os: timeToEventText(p.os, p.os_missing_reason, lang),
    };
    if (lossOfCr) cells.loss_cr = datedReason(p.loss_of_complete_response, lang);
    return { cells, patient: p };
  });
  return {
    id: 'patients',
    title: t('table.patients.title', lang),
    caption: t('table.patients.caption', lang, { n: rows.length }),
    columns: [
      { key: 'patient', label: t('col.patient', lang) },
      { key: 'category', label: t('col.category', lang) },
      { key: 'reason', label: t('col.reason', lang) },
      { key: 'baseline', label: t('col.baseline', lang), numeric: true },
      { key: 'time_to_response', label: t('col.timeToResponse', lang), numeric: true },
      { key: 'loss', label: t('col.loss', lang) },
      ...(lossOfCr ? [{ key: 'loss_cr', label: t('col.lossCr', lang) }] : []),
      { key: 'rfs', label: t('col.rfs', lang), numeric: true },
      { key: 'os', label: t('col.os', lang), numeric: true },
    ],
    rows,
    footnotes: [],
  };
}

/**
 * The counts of one patient, each with what the rule made of it: the details behind the
 * patient's category (docs/design.md §5: every number traces back to its rows).
 * @param {object} patient  One entry of the report's patients[].
 * @param {string} lang
 */
export function patientAudit(patient, lang) {
  const yesNo = (b) => t(b ? 'fmt.yes' : 'fmt.no', lang);
  const level = (l) => tOr(`level.${l}`, lang, String(l));
  const counts = patient.counts ?? [];
  // Columns that say something only for some patients: bleeding when a count bled; the level of
  // the confirmed response when it is not, for some count, that count's own level (a rule that
  // confirms on several counts, or counts not credited).
  const bleedingColumn = counts.some((c) => c.bleeding === true);
  const confirmedColumn = counts.some((c) => typeof c.confirmed === 'string'
    && c.confirmed !== c.level);
  const credited = (c) => {
    if (!c.credited) {
      return t('fmt.notCredited', lang, { reason: String(c.not_credited_because ?? '') });
    }
    return c.same_day_lower ? t('fmt.sameDayLower', lang) : t('fmt.yes', lang);
  };
  const rows = counts.map((c) => {
    /** @type {Record<string, string>} */
    const cells = {
      day: String(c.day),
      platelets: platelets(c.platelets, c.censored_below, lang),
      credited: credited(c),
      level: level(c.level),
      in_window: yesNo(c.in_window),
      source: t('fmt.fileRow', lang, { file: String(c.file ?? ''), row: c.row ?? DASH }),
    };
    if (bleedingColumn) cells.bleeding = yesNo(c.bleeding === true);
    if (confirmedColumn) {
      cells.confirmed = typeof c.confirmed === 'string' ? level(c.confirmed) : DASH;
    }
    return { cells };
  });
  const lossOf = (key, loss) => (loss
    ? t(key, lang, { day: loss.day, reason: String(loss.reason ?? '') }) : null);
  const missing = (key, reason) => (reason ? t(key, lang, { reason: String(reason) }) : null);
  return {
    id: 'patient_counts',
    title: t('table.audit.title', lang, { id: String(patient.patient_id) }),
    caption: t('table.audit.caption', lang,
      { category: categoryLong(patient.category, lang), reason: String(patient.reason ?? '') }),
    columns: [
      { key: 'day', label: t('col.day', lang), numeric: true },
      { key: 'platelets', label: t('col.platelets', lang), numeric: true },
      ...(bleedingColumn ? [{ key: 'bleeding', label: t('col.bleeding', lang) }] : []),
      { key: 'credited', label: t('col.credited', lang) },
      { key: 'level', label: t('col.level', lang) },
      ...(confirmedColumn ? [{ key: 'confirmed', label: t('col.confirmed', lang) }] : []),
      { key: 'in_window', label: t('col.inWindow', lang) },
      { key: 'source', label: t('col.source', lang) },
    ],
    rows,
    footnotes: [
      lossOf('audit.loss', patient.loss_of_response),
      lossOf('audit.lossCr', patient.loss_of_complete_response),
      missing('audit.rfsMissing', patient.rfs_missing_reason),
      missing('audit.osMissing', patient.os_missing_reason),
      t('note.audit', lang),
      confirmedColumn ? t('note.confirmed', lang) : null,
    ].filter(Boolean),
  };
}

/** The ITP treatments of one patient with the role each was given (prior, concomitant, …). */
export function patientTreatments(patient, lang) {
  const day = (d) => (isNumber(d) ? String(d) : DASH);
  return {
    id: 'patient_treatments',
    title: t('table.treatments.title', lang, { id: String(patient.patient_id) }),
    caption: '',
    columns: [
      { key: 'drug', label: t('col.drugAsWritten', lang) },
      { key: 'name', label: t('col.drug', lang) },
      { key: 'class', label: t('col.class', lang) },
      { key: 'role', label: t('col.role', lang) },
      { key: 'start', label: t('col.start', lang), numeric: true },
      { key: 'end', label: t('col.end', lang), numeric: true },
      { key: 'source', label: t('col.source', lang) },
    ],
    rows: (patient.treatments ?? []).map((x) => ({
      cells: {
        drug: String(x.drug ?? ''),
        name: x.name === null || x.name === undefined ? DASH : String(x.name),
        class: classLabel(x.class ?? 'unknown', lang),
        role: tOr(`role.${x.role}`, lang, String(x.role)),
        start: day(x.start_day),
        end: day(x.end_day),
        source: t('fmt.fileRow', lang, { file: String(x.file ?? ''), row: x.row ?? DASH }),
      },
    })),
    footnotes: [],
  };
}
