// The per-patient tables: one row per patient (id, category, reason, baseline, time to
// response, loss, RFS), and for one patient the counts as the rule saw them and their other
// treatments, for the details view (docs/design.md §5: every classification checkable by eye).

import { formatDecimal, t, tOr } from './i18n.js';
import { DASH, isNumber, classLabel, categoryShort, categoryLong } from './report-format.js';

const eventText = (reason, lang) =>
  tOr(`event.${String(reason).replace(/\s+/g, '_')}`, lang, String(reason));

function platelets(value, censoredBelow, lang) {
  if (!isNumber(value)) return DASH;
  const text = formatDecimal(value, lang);
  return censoredBelow ? t('fmt.baselineBelow', lang, { value: text }) : text;
}

/**
 * One row per patient: id, category, reason, baseline, time to response, loss, RFS. Each row
 * carries its patient, for a details view (tables.js renderPatientTable).
 * @param {object[]} patients  The report's patients[].
 * @param {string} lang
 */
export function patientTable(patients, lang) {
  const rows = (patients ?? []).map((p) => {
    const loss = p.loss_of_response;
    const rfs = p.rfs;
    const rfsEvent = rfs?.event ? eventText(rfs.event_reason, lang) : t('fmt.censored', lang);
    const ttr = p.time_to_response_days;
    return {
      cells: {
        patient: String(p.patient_id),
        category: categoryShort(p.category, lang),
        reason: String(p.reason ?? ''),
        baseline: platelets(p.baseline?.platelets, p.baseline?.censored_below, lang),
        time_to_response: isNumber(ttr) ? String(ttr) : DASH,
        loss: loss
          ? t('fmt.lossAt', lang, { day: loss.day, reason: String(loss.reason ?? '') }) : DASH,
        rfs: rfs ? `${formatDecimal(rfs.days, lang)} (${rfsEvent})` : DASH,
      },
      patient: p,
    };
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
      { key: 'rfs', label: t('col.rfs', lang), numeric: true },
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
  const rows = (patient.counts ?? []).map((c) => ({
    cells: {
      day: String(c.day),
      platelets: platelets(c.platelets, c.censored_below, lang),
      credited: c.credited ? t('fmt.yes', lang)
        : t('fmt.notCredited', lang, { reason: String(c.not_credited_because ?? '') }),
      level: tOr(`level.${c.level}`, lang, String(c.level)),
      in_window: yesNo(c.in_window),
      source: t('fmt.fileRow', lang, { file: String(c.file ?? ''), row: c.row ?? DASH }),
    },
  }));
  return {
    id: 'patient_counts',
    title: t('table.audit.title', lang, { id: String(patient.patient_id) }),
    caption: t('table.audit.caption', lang,
      { category: categoryLong(patient.category, lang), reason: String(patient.reason ?? '') }),
    columns: [
      { key: 'day', label: t('col.day', lang), numeric: true },
      { key: 'platelets', label: t('col.platelets', lang), numeric: true },
      { key: 'credited', label: t('col.credited', lang) },
      { key: 'level', label: t('col.level', lang) },
      { key: 'in_window', label: t('col.inWindow', lang) },
      { key: 'source', label: t('col.source', lang) },
    ],
    rows,
    footnotes: [t('note.audit', lang)],
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
