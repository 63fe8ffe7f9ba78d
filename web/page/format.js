// How the page writes numbers, in the reader's language: every number formatter of the page is
// here, the tables', the figures' and the printable report's alike, so a number is written one
// way wherever it shows. Pure functions over values the core computed (the page never computes
// a statistic), so Node can test them (tests/node/format.test.mjs).
//
// The conventions (docs/design.md §6):
//   - the language's decimal mark (0.047 / 0,047) and no thousands separator: cohort counts are
//     small, and French Excel reads "1234,5" back as a number where it would keep "1 234,5"
//     (with its narrow no-break space) as text;
//   - percents "52.0 %" in both languages, as the seed paper prints them, with a plain space
//     (not a no-break one, so tests, CSV and copy-paste see one character; the page keeps
//     numeric cells on one line with CSS, white-space: nowrap on .num); a confidence level
//     likewise, "95 %";
//   - p-values as journals print them: two significant digits from 0.001 up, "p < 0.001" below;
//   - values printed together share their decimals ("41.0–72.8", "21–88").

import { defaultLanguage, localeOf, normalizeLanguage, t } from './i18n/index.js';

export const DASH = '–';  // en dash: ranges ("21–88") and empty cells

const isWhole = (x) => Math.abs(x - Math.round(x)) < 1e-9;
export const isNumber = (x) => typeof x === 'number' && Number.isFinite(x);

// ---- one number ----------------------------------------------------------------------------

/** Intl formatters by language and digits: made once, used for every cell. */
const formatters = new Map();

/** @param {string} lang @param {Intl.NumberFormatOptions} digits */
function formatter(lang, digits) {
  const key = `${normalizeLanguage(lang)}|${JSON.stringify(digits)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(localeOf(lang), { ...digits, useGrouping: false });
    formatters.set(key, f);
  }
  return f;
}

/**
 * Makes the language's first formatter ahead of need: a tab's first Intl.NumberFormat loads the
 * locale's data (tens of milliseconds, more on a slow machine), which would otherwise fall on
 * the first figure or table a user waits for. The page calls it when idle.
 * @param {string} lang
 */
export function prepareNumberFormats(lang) {
  formatter(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(0.5);
}

/**
 * A number with exactly `digits` decimals, in the language's notation: 52 → "52.0" / "52,0".
 * @param {number} x
 * @param {string} lang
 * @param {number} [digits]
 */
export function formatFixed(x, lang, digits = 1) {
  return formatter(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits })
    .format(x);
}

/**
 * A number with at most `maxDigits` decimals and no trailing zeros: 22.5 → "22,5", 31 → "31",
 * 1/3 → "0.3333". Times and other values in a file's own units are written so.
 * @param {number} x
 * @param {string} lang
 * @param {number} [maxDigits]
 */
export function formatDecimal(x, lang, maxDigits = 4) {
  return formatter(lang, { minimumFractionDigits: 0, maximumFractionDigits: maxDigits })
    .format(x);
}

/**
 * A number with `digits` significant digits, as R's summary tables print coefficients and
 * standard errors: -0.0312713 → "-0.03127", 0.261744 → "0.2617" (4 digits).
 * @param {number} x
 * @param {string} lang
 * @param {number} [digits]
 */
export function formatSignificant(x, lang, digits = 4) {
  return formatter(lang, { minimumSignificantDigits: digits, maximumSignificantDigits: digits })
    .format(x);
}

/**
 * A hazard ratio or one of its limits as papers print them: two decimals ("0.47", "1.93"), two
 * significant digits below 0.1 so that a small ratio never reads "0.00" ("0.045").
 * @param {number} x
 * @param {string} lang
 */
export function formatRatio(x, lang) {
  return Math.abs(x) < 0.1 && x !== 0 ? formatSignificant(x, lang, 2) : formatFixed(x, lang, 2);
}

/**
 * A percent the core already gave on the 0–100 scale, one decimal: 57.7 → "57.7 %" / "57,7 %".
 * @param {number} percent
 * @param {string} lang
 */
export function formatPercent(percent, lang) {
  return `${formatFixed(percent, lang, 1)} %`;
}

/**
 * A proportion (0–1, as the core gives CI limits) as a percent number without the sign:
 * 0.3130 → "31.3" / "31,3".
 * @param {number} proportion
 * @param {string} lang
 */
export function formatProportion(proportion, lang) {
  return formatFixed(proportion * 100, lang, 1);
}

/** The core's confidence level when a request names none (docs/design.md §4). */
const DEFAULT_CONF_LEVEL = 0.95;

/**
 * A confidence level as a percent, as percents are written: 0.95 → "95 %" in English and in
 * French, 0.9 → "90 %". An answer that carries no level was computed at the core's default.
 * @param {number | null | undefined} level
 * @param {string} lang
 */
export function formatLevel(level, lang) {
  return `${formatDecimal((isNumber(level) ? level : DEFAULT_CONF_LEVEL) * 100, lang, 2)} %`;
}

/** Below this a p-value is written "p < 0.001". */
const SMALLEST_P_SHOWN = 0.001;

/**
 * A p-value as journals print it, in the language's notation: two significant digits from 0.001
 * up ("p = 0.11", "p = 0.047", "p = 0.0032", "p = 0.0010"), "p < 0.001" below; "p = 0,047" and
 * "p < 0,001" in French.
 * @param {number | null | undefined} p
 * @param {string} [lang]
 */
export function formatPValue(p, lang = defaultLanguage) {
  if (!isNumber(p)) return t('fmt.pNotAvailable', lang);
  if (p < SMALLEST_P_SHOWN) return `p < ${formatDecimal(SMALLEST_P_SHOWN, lang, 3)}`;
  const twoDigits = { minimumSignificantDigits: 2, maximumSignificantDigits: 2 };
  return `p = ${formatter(lang, twoDigits).format(p)}`;
}

/**
 * A date and time for "generated on", in the language's long form.
 * @param {Date} date
 * @param {string} lang
 */
export function formatDateTime(date, lang) {
  return new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'long', timeStyle: 'short' })
    .format(date);
}

// ---- numbers printed together, as the seed paper prints them -------------------------------

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
function interval(lower, upper, bothNumbers, lang) {
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

/**
 * A median with its confidence interval in words, for a figure's description read aloud by
 * screen readers: "22.5 (8 to 40)", "22,5 (8 à 40)", never a dash. null means the curve (or its
 * confidence limit) never reaches 0.5, which is what R's NA means here.
 * @param {{estimate: number|null, lower: number|null, upper: number|null}} median
 * @param {string} confType  'none' prints no interval.
 * @param {string} [lang]
 * @returns {string}
 */
export function formatMedian(median, confType, lang = 'en') {
  const notReached = t('desc.notReached', lang);
  const to = t('desc.to', lang);
  const show = (x) => (x === null || x === undefined ? notReached : formatDecimal(x, lang));
  if (median.estimate === null || median.estimate === undefined) {
    // Not reached: the lower limit can still be informative ("at least 18").
    if (confType === 'none' || median.lower === null) return notReached;
    return `${notReached} (${show(median.lower)} ${to} ${notReached})`;
  }
  if (confType === 'none') return show(median.estimate);
  return `${show(median.estimate)} (${show(median.lower)} ${to} ${show(median.upper)})`;
}
