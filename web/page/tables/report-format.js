// How the report's tables write numbers and words: "68 [41.0–72.8] (21–88)", "15 (57.7 %)",
// "52.0 % (31.3–72.2)", a category's name in the reader's language. Shared by the cohort tables
// (report-tables.js), the per-patient tables (patient-tables.js) and the survival calculator's
// (survival-tables.js); nothing here computes a statistic.

import {
  formatDecimal, formatFixed, formatLevel, formatPercent, formatProportion, t, tOr,
} from '../i18n/index.js';

export const DASH = '–';  // en dash: ranges ("21–88") and empty cells

// ---- numbers as the seed paper prints them ----------------------------------------------

export const isWhole = (x) => Math.abs(x - Math.round(x)) < 1e-9;
export const isNumber = (x) => typeof x === 'number' && Number.isFinite(x);

/**
 * Values printed together share their decimals: none when all are whole, else one. So the IQR
 * 41–72.8 prints "41.0–72.8" and the range 21–88 prints "21–88".
 * @param {number[]} values
 * @param {string} lang
 */
export function sameDecimals(values, lang) {
  const digits = values.every(isWhole) ? 0 : 1;
  return values.map((x) => formatFixed(x, lang, digits));
}

/**
 * "68 [41.0–72.8] (21–88)": median [IQR] (min–max) of a core summary row; the number of
 * patients is added when fewer than the cohort's were known.
 * @param {{n: number, median: number|null, q1: number|null, q3: number|null,
 *   min: number|null, max: number|null}} row
 * @param {string} lang
 * @param {number} [cohortSize]
 */
export function formatSummary(row, lang, cohortSize = undefined) {
  if (!row || !row.n || !isNumber(row.median)) return DASH;
  const [median] = sameDecimals([row.median], lang);
  const [q1, q3] = sameDecimals([row.q1, row.q3], lang);
  const [min, max] = sameDecimals([row.min, row.max], lang);
  const text = `${median} [${q1}–${q3}] (${min}–${max})`;
  return cohortSize !== undefined && row.n < cohortSize
    ? `${text}, ${t('fmt.nEquals', lang, { n: row.n })}` : text;
}

/**
 * "15 (57.7 %)", or "1/3 (33.3 %)" when the denominator is not the whole cohort.
 * @param {number} count
 * @param {number} denominator
 * @param {number|null} percent  0–100 as the core rounded it; null when the denominator is 0.
 * @param {string} lang
 * @param {number} [cohortSize]
 */
export function formatCount(count, denominator, percent, lang, cohortSize = undefined) {
  const n = cohortSize === undefined || denominator >= cohortSize
    ? String(count) : `${count}/${denominator}`;
  return isNumber(percent) ? `${n} (${formatPercent(percent, lang)})` : n;
}

/** "lo–hi" between two numbers, "lo to hi" when one of them is words ("not reached"). */
export function interval(lower, upper, bothNumbers, lang) {
  return bothNumbers ? `${lower}–${upper}` : `${lower} ${t('fmt.to', lang)} ${upper}`;
}

/**
 * A rate with its interval in percent: "52.0 % (31.3–72.2)".
 * @param {{percent: number|null, ci_lower?: number|null, ci_upper?: number|null}} category
 * @param {string} lang
 */
export function formatRate(category, lang) {
  if (!category || !isNumber(category.percent)) return DASH;
  const rate = formatPercent(category.percent, lang);
  if (!isNumber(category.ci_lower) || !isNumber(category.ci_upper)) return rate;
  const lower = formatProportion(category.ci_lower, lang);
  return `${rate} (${lower}–${formatProportion(category.ci_upper, lang)})`;
}

/**
 * An estimate with its confidence limits, null meaning "not reached" (a median whose curve
 * stays above 0.5): "13.8 (11.5–31.2)", "not reached (2.3 to not reached)".
 * @param {{estimate: number|null, lower: number|null, upper: number|null}} m
 * @param {string} lang
 * @param {number | null} digits  Fixed decimals, or null for up to 4 (times in a file's units).
 * @param {boolean} [withInterval]
 */
export function formatEstimate(m, lang, digits = 1, withInterval = true) {
  const notReached = t('fmt.notReached', lang);
  const num = (x) => {
    if (!isNumber(x)) return null;
    return digits === null ? formatDecimal(x, lang) : formatFixed(x, lang, digits);
  };
  const [estimate, lower, upper] = [num(m?.estimate), num(m?.lower), num(m?.upper)];
  if (!withInterval) return estimate ?? notReached;
  if (estimate === null) {
    if (lower === null) return notReached;
    return `${notReached} (${interval(lower, notReached, false, lang)})`;
  }
  const both = lower !== null && upper !== null;
  return `${estimate} (${interval(lower ?? notReached, upper ?? notReached, both, lang)})`;
}

/** A survival probability at a time, with its interval: "59.3 % (37.0–95.1)". */
export function formatSurvivalAt(surv, lower, upper, lang) {
  const rate = `${formatProportion(surv, lang)} %`;
  if (!isNumber(lower) || !isNumber(upper)) return rate;
  return `${rate} (${formatProportion(lower, lang)}–${formatProportion(upper, lang)})`;
}

export const valueKey = (text) => `value.${String(text).replace(/\s+/g, '_')}`;
/** A value the core writes in English ("Male", "Yes", "mixed"): translated; a user's, as is. */
export const translateValue = (text, lang) => tOr(valueKey(text), lang, String(text));
export const variableLabel = (row, lang) => tOr(`var.${row.variable}`, lang, row.label);
export const classLabel = (name, lang) => tOr(`class.${name}`, lang, String(name));
export const categoryShort = (c, lang) => tOr(`category.${c}`, lang, String(c));
export const categoryLong = (c, lang) => tOr(`category.${c}.long`, lang, String(c));

/** The number of patients in the report: the denominator of "n (%)" rows. */
export function cohortSizeOf(report) {
  if (Array.isArray(report.patients)) return report.patients.length;
  if (isNumber(report.safety?.patients)) return report.safety.patients;
  return undefined;
}

export function quantileFootnote(type, lang) {
  return t('note.continuous', lang, { type, which: tOr(`note.quantileWhich.${type}`, lang, '') });
}

export function levelText(level, lang) {
  return formatLevel(isNumber(level) ? level : 0.95, lang);
}

export const cell = (label, value) => ({ cells: { label, value } });
export const heading = (label) => ({ cells: { label }, heading: true });
export const indented = (label, value) => ({ cells: { label, value }, indent: true });
