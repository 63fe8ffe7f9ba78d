// The example cohort as a workbook: its six English tables written as the sheets of one real
// .xlsx file (dates as Excel date cells, numbers as numbers), decoded by the worker's reader and
// imported by the real wasm core. The cohort must be the one its CSV files give: same patients,
// same records, same rows kept, same warnings, only the file names differ.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';

import writeExcelFile from 'write-excel-file/node';

import { loadCore, repoRoot } from './core-loader.mjs';

const distDir = process.env.ITP_DIST_DIR
  ? path.resolve(process.env.ITP_DIST_DIR) : path.join(repoRoot, 'dist');
const { loadWorkbook } = await import(
  pathToFileURL(path.join(distDir, 'worker/load-workbook.js')).href);

const TABLES = ['patients', 'platelets', 'infusions', 'treatments', 'adverse_events', 'labs'];

/** RFC 4180 records of a small, well-formed CSV text. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 1; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; }
    else if (c !== '\r') cell += c;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

/** A cell as a person would enter it in Excel: dates as dates, numbers as numbers. */
function excelCell(text) {
  if (text === '') return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    return { value: new Date(`${text}T00:00:00Z`), type: Date, format: 'dd/mm/yyyy' };
  }
  if (/^-?\d+(\.\d+)?$/.test(text)) return { value: Number(text), type: Number };
  return { value: text, type: String };
}

/** The parts of an import that must not depend on the file format. */
function comparable(response) {
  assert.equal(response.ok, true, JSON.stringify(response.error));
  const { cohort, warnings } = response;
  return {
    records: cohort.records,
    rows: cohort.tables.map((t) => [t.name, t.role, t.rows]),
    patients: cohort.patients.map(({ file, ...rest }) => rest),
    drugs: cohort.drugs,
    warnings: warnings.map(({ file, ...rest }) => rest),
  };
}

test('the example cohort imports alike from its CSV files and from one workbook', async () => {
  const core = await loadCore();
  const dir = path.join(repoRoot, 'examples/cohort/en');
  const sheets = [];
  const fromCsv = new core.Workspace();
  const fromXlsx = new core.Workspace();
  try {
    for (const name of TABLES) {
      const bytes = await readFile(path.join(dir, `${name}.csv`));
      const loaded = JSON.parse(fromCsv.loadTable(
        JSON.stringify({ type: 'load_table', name, file: `${name}.csv` }), bytes));
      assert.equal(loaded.ok, true);
      const rows = parseCsv(bytes.toString('utf8'));
      sheets.push({ sheet: name, data: rows.map((r, i) => (i === 0
        ? r.map((h) => ({ value: h, type: String })) : r.map(excelCell))) });
    }
    const xlsx = await writeExcelFile(sheets).toBuffer();
    const workbook = await loadWorkbook(fromXlsx, 'cohort.xlsx', new Uint8Array(xlsx));
    assert.equal(workbook.ok, true, JSON.stringify(workbook.error));
    assert.deepEqual(workbook.tables.map((t) => t.name), TABLES);
    for (const t of workbook.tables) assert.equal(t.result.ok, true, JSON.stringify(t.result));

    const request = JSON.stringify({ type: 'import_cohort' });
    const csv = comparable(JSON.parse(fromCsv.run(request)));
    const excel = comparable(JSON.parse(fromXlsx.run(request)));
    assert.equal(csv.records.patients, 26);
    assert.deepEqual(excel, csv);
  } finally {
    fromCsv.delete();
    fromXlsx.delete();
  }
});
