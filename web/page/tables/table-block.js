// A table model as the results show it (main thread): the accessible table and, under it, the
// button that exports the same cells as CSV, named after the table.
import { downloadText, el, exportButton } from '../page-kit.js';
import { tableToCsv } from './csv.js';
import { renderTable } from './render-table.js';

/**
 * @param {import('./table-model.js').TableModel} model
 * @param {string} lang
 */
export function tableBlock(model, lang) {
  const csv = exportButton('button.exportCsv', model.title, lang);
  csv.addEventListener('click', () => downloadText(tableToCsv(model, lang), `${model.id}.csv`,
    'text/csv'));
  return el('div', { class: 'table-block', id: `table-${model.id}` },
    renderTable(document, model, lang), csv);
}
