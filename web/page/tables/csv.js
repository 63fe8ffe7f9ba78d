// CSV for spreadsheets: RFC 4180 fields, CRLF line ends, a UTF-8 byte order mark (without it
// Excel reads UTF-8 as Windows-1252 and "Sjögren" becomes "SjÃ¶gren"), and the French Excel
// dialect on request (";" between fields, decimal comma in numbers).
//
// Cells that would start a formula (=, +, -, @, tab, carriage return) get a leading apostrophe,
// so a patient id such as "=HYPERLINK(…)" from someone's file stays text when a colleague
// opens the export (CSV injection, OWASP). Numbers such as "-3" or "-3,5" are left alone.

/** @typedef {string | number | boolean | null | undefined} CsvValue */

export const BOM = '\uFEFF';

// A number as a spreadsheet reads it, with either decimal mark: "-3", "+2.5", "-0,75", "1e-3".
const NUMBER = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$/;
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * The cell's text with a leading apostrophe when a spreadsheet would take it for a formula.
 * @param {string} text
 */
export function guardFormula(text) {
  return FORMULA_START.test(text) && !NUMBER.test(text) ? `'${text}` : text;
}

/**
 * @param {CsvValue} value
 * @param {string} delimiter
 * @param {boolean} decimalComma
 * @param {boolean} guard
 */
function field(value, delimiter, decimalComma, guard) {
  let text;
  if (value === null || value === undefined) text = '';
  else if (typeof value === 'number') {
    // A number we wrote is never a formula; NaN and infinities are not numbers to a spreadsheet.
    text = Number.isFinite(value) ? String(value) : '';
    if (decimalComma) text = text.replace('.', ',');
  } else {
    text = String(value);
    if (guard) text = guardFormula(text);
  }
  const needsQuotes = text.includes(delimiter) || text.includes('"') || text.includes('\n') ||
    text.includes('\r');
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Rows of values as CSV text (RFC 4180): fields quoted when they hold the delimiter, a quote or
 * a line break, quotes doubled; CRLF after every row; a UTF-8 BOM first.
 * @param {CsvValue[][]} rows
 * @param {object} [options]
 * @param {string} [options.delimiter]  ',' (default) or ';' for French Excel, or '\t'.
 * @param {boolean} [options.decimalComma]  Write numbers with a decimal comma (3,5).
 * @param {boolean} [options.bom]  Start with U+FEFF (default true).
 * @param {boolean} [options.guardFormulas]  Apostrophe before formula-like text (default true).
 * @returns {string}
 */
export function toCsv(rows, { delimiter = ',', decimalComma = false, bom = true,
  guardFormulas = true } = {}) {
  if (delimiter.length !== 1 || /["\r\n]/.test(delimiter)) {
    throw new Error(`Not a CSV delimiter: ${JSON.stringify(delimiter)}`);
  }
  const body = rows.map((row) => row.map((value) => field(value, delimiter, decimalComma,
    guardFormulas)).join(delimiter) + '\r\n').join('');
  return (bom ? BOM : '') + body;
}

/**
 * The dialect a spreadsheet of that language expects: French Excel splits on ';' because ','
 * is its decimal mark.
 * @param {string} lang
 * @returns {{delimiter: string, decimalComma: boolean}}
 */
export function csvOptionsFor(lang) {
  return String(lang).toLowerCase().startsWith('fr')
    ? { delimiter: ';', decimalComma: true } : { delimiter: ',', decimalComma: false };
}

/**
 * A table model (table-model.js) as CSV rows: the column labels, then each row's cells as the
 * page shows them (a section heading keeps its text in the first column).
 * @param {import('./table-model.js').TableModel} model
 * @returns {string[][]}
 */
export function tableModelRows(model) {
  return [
    model.columns.map((c) => c.label),
    ...model.rows.map((row) => model.columns.map((c) => row.cells[c.key] ?? '')),
  ];
}

/**
 * A table model as a CSV file's text in the dialect of `lang`.
 * @param {import('./table-model.js').TableModel} model
 * @param {string} lang
 */
export function tableToCsv(model, lang) {
  return toCsv(tableModelRows(model), csvOptionsFor(lang));
}
