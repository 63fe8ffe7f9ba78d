// Table models (table-model.js) as accessible HTML tables. Built with createElement and
// textContent only, never innerHTML: a cell holding "<img onerror=…>" from a user's file stays
// text. No style attribute either (the page's CSP forbids inline styles): alignment and
// indentation are classes that style.css defines:
//   table.report-table         every table built here
//   .num                       a numeric cell or header (right-aligned, tabular digits)
//   tr.section                 a heading row inside the body
//   tr.indent                  a row under such a heading
//   .table-title, .table-caption  the two parts of the <caption>
//   tfoot .footnote            one footnote
//   button.patient-link        the button in the id cell of the per-patient table

import { patientTable } from './patient-tables.js';
import { normalizeLanguage, t } from '../i18n/index.js';

/** @typedef {import('./table-model.js').TableModel} TableModel */
/** @typedef {import('./table-model.js').Row} Row */

/**
 * @param {Document} doc
 * @param {string} tag
 * @param {string} [text]
 * @param {string} [className]
 */
function element(doc, tag, text = undefined, className = undefined) {
  const node = doc.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/**
 * One body row: the first column is the row's header (<th scope="row">), the others data cells.
 * A section heading spans the table, so a screen reader reads it once, as the rows' group name.
 * @param {Document} doc
 * @param {TableModel} model
 * @param {Row} row
 * @param {(th: HTMLElement, row: Row) => void} [fillFirst]  Builds the first cell's content.
 */
function bodyRow(doc, model, row, fillFirst = undefined) {
  const tr = doc.createElement('tr');
  const classes = [row.heading ? 'section' : '', row.indent ? 'indent' : ''].filter(Boolean);
  if (classes.length) tr.className = classes.join(' ');
  model.columns.forEach((column, i) => {
    const text = row.cells[column.key] ?? '';
    if (i === 0) {
      const th = element(doc, 'th', undefined, column.numeric ? 'num' : undefined);
      th.setAttribute('scope', row.heading ? 'rowgroup' : 'row');
      if (row.heading) th.setAttribute('colspan', String(model.columns.length));
      if (fillFirst) fillFirst(th, row);
      else th.textContent = text;
      tr.append(th);
      return;
    }
    if (row.heading) return;  // the heading cell spans the row
    tr.append(element(doc, 'td', text, column.numeric ? 'num' : undefined));
  });
  return tr;
}

/**
 * @param {Document} doc
 * @param {TableModel} model
 * @param {string} lang
 * @param {(th: HTMLElement, row: Row) => void} [fillFirst]
 */
function buildTable(doc, model, lang, fillFirst = undefined) {
  const table = element(doc, 'table', undefined, 'report-table');
  table.setAttribute('lang', normalizeLanguage(lang));
  if (model.id) table.setAttribute('data-table', model.id);

  const caption = doc.createElement('caption');
  caption.append(element(doc, 'span', model.title, 'table-title'));
  if (model.caption) caption.append(' ', element(doc, 'span', model.caption, 'table-caption'));
  table.append(caption);

  const thead = doc.createElement('thead');
  const headRow = doc.createElement('tr');
  for (const column of model.columns) {
    const th = element(doc, 'th', column.label, column.numeric ? 'num' : undefined);
    th.setAttribute('scope', 'col');
    headRow.append(th);
  }
  thead.append(headRow);
  table.append(thead);

  const tbody = doc.createElement('tbody');
  for (const row of model.rows) tbody.append(bodyRow(doc, model, row, fillFirst));
  table.append(tbody);

  if (model.footnotes?.length) {
    const tfoot = doc.createElement('tfoot');
    const tr = doc.createElement('tr');
    const td = doc.createElement('td');
    td.setAttribute('colspan', String(model.columns.length));
    for (const note of model.footnotes) td.append(element(doc, 'p', note, 'footnote'));
    tr.append(td);
    tfoot.append(tr);
    table.append(tfoot);
  }
  return table;
}

/**
 * A table model as an accessible <table>: caption (title and caption), column headers with
 * scope="col", row headers with scope="row", numeric cells with class "num", footnotes in <tfoot>.
 * @param {Document} doc
 * @param {TableModel} model
 * @param {string} lang  The table's language (its lang attribute).
 * @returns {HTMLTableElement}
 */
export function renderTable(doc, model, lang) {
  return /** @type {HTMLTableElement} */ (buildTable(doc, model, lang));
}

/**
 * The per-patient table, each patient id a button (keyboard-operable: Tab, then Enter or Space)
 * that calls onSelect with the patient, for a details view (patient-tables.js patientAudit).
 * @param {Document} doc
 * @param {object[]} patients  The report's patients[].
 * @param {string} lang
 * @param {(patient: object) => void} onSelect
 * @param {object} [criteria]  The report's criteria (patient-tables.js patientTable).
 * @returns {HTMLTableElement}
 */
export function renderPatientTable(doc, patients, lang, onSelect, criteria = undefined) {
  const model = patientTable(patients, lang, criteria);
  return /** @type {HTMLTableElement} */ (buildTable(doc, model, lang, (th, row) => {
    const button = element(doc, 'button', row.cells.patient, 'patient-link');
    button.setAttribute('type', 'button');
    button.setAttribute('aria-label', t('button.detailsOf', lang, { id: row.cells.patient }));
    button.addEventListener('click', () => onSelect(row.patient));
    th.append(button);
  }));
}
