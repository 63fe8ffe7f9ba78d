// How numbers are written for readers: the journal conventions of docs/design.md §6. Pure
// functions over values the core computed (the page never computes a statistic), so Node can test them.

/**
 * A p-value as journals print it: two significant digits from 0.001 up (0.11, 0.047, 0.0032),
 * "p < 0.001" below.
 * @param {number | null | undefined} p
 * @returns {string}
 */
export function formatP(p) {
  if (typeof p !== 'number' || !Number.isFinite(p)) return 'p not available';
  if (p < 0.001) return 'p < 0.001';
  return `p = ${p.toPrecision(2)}`;
}

/**
 * A time or other estimate as the core gave it, cut to 4 decimals without trailing zeros: 31
 * stays "31", a midpoint such as 22.5 stays "22.5", 1/3 becomes "0.3333".
 * @param {number} x
 * @returns {string}
 */
export function formatNumber(x) {
  return String(Number(x.toFixed(4)));
}

/**
 * A median with its confidence interval; null means the curve (or its confidence limit) never
 * reaches 0.5, which is what R's NA means here.
 * @param {{estimate: number|null, lower: number|null, upper: number|null}} median
 * @param {string} confType  'none' prints no interval.
 * @returns {string}
 */
export function formatMedian(median, confType) {
  const show = (x) => (x === null || x === undefined ? 'not reached' : formatNumber(x));
  if (median.estimate === null || median.estimate === undefined) {
    // Not reached: the lower limit can still be informative ("at least 18").
    if (confType === 'none' || median.lower === null) return 'not reached';
    return `not reached (${show(median.lower)} to not reached)`;
  }
  if (confType === 'none') return show(median.estimate);
  return `${show(median.estimate)} (${show(median.lower)} to ${show(median.upper)})`;
}

/**
 * @param {number} level  0.95
 * @returns {string}  "95%"
 */
export function formatLevel(level) {
  return `${formatNumber(level * 100)}%`;
}

/**
 * A chi-squared statistic, two decimals as usually reported.
 * @param {number} chisq
 */
export function formatChisq(chisq) {
  return chisq.toFixed(2);
}
