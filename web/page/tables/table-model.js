// What a table model is, and the pieces the table builders (report-tables.js, patient-tables.js,
// survival-tables.js) make them of: rows, the core's words in the reader's language, the cohort's
// size and the quantile footnote. A model is plain data, every cell already text: the page
// renders it (render-table.js), the CSV export writes it (csv.js), the printable report prints
// it (../cohort/printable-report.js). Numbers are written by ../format.js.

import { isNumber } from '../format.js';
import { t, tOr } from '../i18n/index.js';

/**
 * @typedef {object} Column
 * @property {string} key
 * @property {string} label
 * @property {boolean} [numeric]  Cells of numbers, aligned on their digits.
 */

/**
 * @typedef {object} Row
 * @property {Record<string, string>} cells  Text by column key; a key left out is an empty cell.
 * @property {boolean} [heading]  A section heading (its first cell names the rows below it).
 * @property {boolean} [indent]   A row under a heading.
 * @property {object} [patient]   In the per-patient table: the patient this row describes.
 */

/**
 * @typedef {object} TableModel
 * @property {string} id  Stable, for file names and element ids.
 * @property {string} title
 * @property {string} caption
 * @property {Column[]} columns
 * @property {Row[]} rows
 * @property {string[]} footnotes
 */

// ---- rows of a two-column table (label, value) -----------------------------------------------

export const cell = (label, value) => ({ cells: { label, value } });
export const heading = (label) => ({ cells: { label }, heading: true });
export const indented = (label, value) => ({ cells: { label, value }, indent: true });

// ---- the core's words, in the reader's language ----------------------------------------------

const valueKey = (text) => `value.${String(text).replace(/\s+/g, '_')}`;
/** A value the core writes in English ("Male", "Yes", "mixed"): translated; a user's, as is. */
export const translateValue = (text, lang) => tOr(valueKey(text), lang, String(text));
export const variableLabel = (row, lang) => tOr(`var.${row.variable}`, lang, row.label);
export const classLabel = (name, lang) => tOr(`class.${name}`, lang, String(name));
export const categoryShort = (c, lang) => tOr(`category.${c}`, lang, String(c));
export const categoryLong = (c, lang) => tOr(`category.${c}.long`, lang, String(c));

// ---- the cohort report's -----------------------------------------------------------------------

/** The number of patients in the report: the denominator of "n (%)" rows. */
export function cohortSizeOf(report) {
  if (Array.isArray(report.patients)) return report.patients.length;
  if (isNumber(report.safety?.patients)) return report.safety.patients;
  return undefined;
}

/** The footnote of continuous rows: which of R's quantile types gave their IQR. */
export function quantileFootnote(type, lang) {
  return t('note.continuous', lang, { type, which: tOr(`note.quantileWhich.${type}`, lang, '') });
}
