// Spreadsheets end to end, as the page's worker reads them: real .xlsx workbooks, written by
// write-excel-file into a temporary folder, decoded by the worker's own module
// (dist/worker/load-workbook.js with the bundled read-excel-file, as scripts/build ships them)
// and loaded into the real wasm core (build/wasm, or ITP_WASM_DIR). A sheet must describe exactly
// as the same data typed into a CSV file.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';

import writeExcelFile from 'write-excel-file/node';

import { loadCore, repoRoot } from './core-loader.mjs';

const distDir = process.env.ITP_DIST_DIR
  ? path.resolve(process.env.ITP_DIST_DIR) : path.join(repoRoot, 'dist');
const workerXlsx = await import(pathToFileURL(path.join(distDir, 'worker/load-workbook.js')).href);
const { loadWorkbook, encodeRows, excelSerialOf } = workerXlsx;
const { isWorkbook, tableNameOf } = await import(
  pathToFileURL(path.join(distDir, 'page/core-client.js')).href);

const SEP = ' \u203a ';  // how messages name a sheet: "cohort.xlsx › patients"

/** A cell holding an Excel serial, formatted as a date (as Excel itself stores dates). */
const serial = (value, format = 'yyyy-mm-dd') => ({ value, type: Number, format });
const date = (iso, format = 'yyyy-mm-dd') => ({ value: new Date(iso), type: Date, format });

// Writes the cells as a person would type them into a CSV file: dates as ISO text, numbers as
// JavaScript prints them, booleans as Excel's TRUE/FALSE, text quoted where it must be.
function csvOf(rows) {
  const text = (cell) => {
    if (cell === null || cell === undefined) return '';
    if (typeof cell === 'object' && 'csv' in cell) return cell.csv;
    if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
    const s = String(cell);
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return rows.map((row) => row.map(text).join(',')).join('\n') + '\n';
}

// write-excel-file's cell objects carry a `csv` twin for csvOf; the writer ignores extra keys.
const withCsv = (cell, csv) => ({ ...cell, csv });

// The sheets of the main workbook, `cohort.xlsx`.
const PATIENTS = [
  ['patient_id', 'd0', 'age', 'weight', 'splenectomy', 'note', 'empty'],
  ['P1', withCsv(date('2021-03-15T00:00:00Z'), '2021-03-15'), 42, 71.25, true,
    'Hôpital Saint-Éloi, "CHU"', null],
  ['P2', withCsv(date('2024-02-29T00:00:00Z'), '2024-02-29'), 67, 0.1 + 0.2, false,
    'line 1\nline 2', null],
  ['P3', withCsv(date('2019-12-31T18:30:00Z', 'yyyy-mm-dd hh:mm'), '2019-12-31'), 88,
    -1234567.891, null, '  spaces kept  ', null],
  ['P4', null, 21, 1e-7, true, 'ñ, ü, ß, 日本, 😀', null],
  ['P5', withCsv(serial(44000), '2020-06-18'), 55, 12345678901234567, false, '', null],
];
const PLAQUETTES = [
  ['id_patient', 'jour', 'plaquettes'],
  ['P1', 0, 12], ['P1', 42, 150], ['P2', 0, 8], ['P2', 91, 45],
];
// The Excel 1900 boundary, written as serials (the writer, like the reader, ignores Excel's
// fictitious 29 February 1900, so a JavaScript date before March 1900 would be a day off).
const DATES = [
  ['label', 'date'],
  ['first day', withCsv(serial(1), '1900-01-01')],
  ['1900-02-28', withCsv(serial(59), '1900-02-28')],
  ['1900-03-01', withCsv(serial(61), '1900-03-01')],
  ['modern', withCsv(serial(45000.75, 'dd/mm/yyyy hh:mm'), '2023-03-15')],
  ['written as a date', withCsv(date('1900-03-01T00:00:00Z'), '1900-03-01')],
];
const LATE_HEADER = [
  [],
  [null, null],
  ['time', 'status', 'x'],
  [9, 1, 'Maintained'], [13, 1, 'Maintained'], [13, 0, 'Maintained'],
  [5, 1, 'Nonmaintained'], [8, 1, 'Nonmaintained'],
];

describe('xlsx workbooks through the worker\'s reader and the wasm core', () => {
  let core;
  let folder;
  let cohortBytes;
  let workbook;  // loadWorkbook's answer for cohort.xlsx
  let workspace;

  async function writeWorkbook(name, sheets, options) {
    const file = path.join(folder, name);
    await writeFile(file, await writeExcelFile(sheets, options).toBuffer());
    return readFile(file);
  }

  function describeTable(ws, table) {
    const response = JSON.parse(ws.run(JSON.stringify({ type: 'describe_table', table })));
    assert.equal(response.ok, true, JSON.stringify(response.error));
    return response;
  }

  /** describe_table of the same rows typed into a CSV file, under the same name and label. */
  function describeAsCsv(name, file, rows, extraText = '') {
    const ws = new core.Workspace();
    try {
      const loaded = JSON.parse(ws.loadTable(
        JSON.stringify({ type: 'load_table', name, file }),
        new TextEncoder().encode(extraText + csvOf(rows))));
      assert.equal(loaded.ok, true, JSON.stringify(loaded.error));
      return { loaded, described: describeTable(ws, name) };
    } finally {
      ws.delete();
    }
  }

  before(async () => {
    core = await loadCore();
    folder = await mkdtemp(path.join(tmpdir(), 'itp-xlsx-'));
    cohortBytes = await writeWorkbook('cohort.xlsx', [
      { sheet: 'patients', data: PATIENTS },
      { sheet: 'plaquettes', data: PLAQUETTES },
      { sheet: 'dates', data: DATES },
      { sheet: 'late header', data: LATE_HEADER },
      { sheet: 'leap 1900', data: [['d'], [serial(60)], [serial(61)]] },
      { sheet: 'blank', data: [[null]] },
    ]);
    workspace = new core.Workspace();
    workbook = await loadWorkbook(workspace, 'cohort.xlsx', new Uint8Array(cohortBytes));
  });
  after(async () => {
    workspace?.delete();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  const table = (name) => workbook.tables.find((t) => t.name === name);

  test('every sheet becomes a table named by the sheet, in the workbook\'s order', () => {
    assert.equal(workbook.ok, true, JSON.stringify(workbook.error));
    assert.equal(workbook.file, 'cohort.xlsx');
    assert.deepEqual(workbook.tables.map((t) => t.name),
      ['patients', 'plaquettes', 'dates', 'late header', 'leap 1900', 'blank']);
    const patients = table('patients').result;
    assert.equal(patients.ok, true, JSON.stringify(patients.error));
    assert.equal(patients.table.name, 'patients');
    assert.equal(patients.table.sheet, 'patients');
    assert.equal(patients.table.file, `cohort.xlsx${SEP}patients`);
    assert.equal(patients.table.rows, 5);
    assert.deepEqual(patients.table.columns, PATIENTS[0]);
    assert.equal(table('plaquettes').result.table.rows, 4);
  });

  test('an empty sheet is refused on its own, the other sheets load', () => {
    const blank = table('blank').result;
    assert.equal(blank.ok, false);
    assert.equal(blank.error.code, 'empty_sheet');
    assert.match(blank.error.message, /cohort\.xlsx › blank is empty/);
    const loaded = JSON.parse(workspace.run(JSON.stringify({ type: 'describe_table',
      table: 'plaquettes' })));
    assert.equal(loaded.ok, true);
  });

  test('numbers, decimals, booleans, empty cells, accents, quotes, line ends: as from CSV', () => {
    const fromXlsx = describeTable(workspace, 'patients');
    const { loaded, described: fromCsv } = describeAsCsv('patients', `cohort.xlsx${SEP}patients`,
      PATIENTS);
    assert.deepEqual(fromXlsx, fromCsv);
    assert.deepEqual(table('patients').result.warnings, loaded.warnings);
    const columns = Object.fromEntries(fromXlsx.table.columns.map((c) => [c.name, c]));
    assert.equal(columns.d0.type, 'date');
    assert.equal(columns.d0.canonical, 'd0');
    assert.deepEqual(columns.d0.samples, ['2021-03-15', '2024-02-29', '2019-12-31', '2020-06-18']);
    assert.equal(columns.weight.type, 'number');
    assert.deepEqual(columns.weight.samples,
      ['71.25', '0.30000000000000004', '-1234567.891', '1e-7', '12345678901234568']);
    assert.equal(columns.splenectomy.type, 'boolean');
    assert.equal(columns.splenectomy.missing, 1);
    assert.deepEqual(columns.note.samples, ['Hôpital Saint-Éloi, "CHU"', 'line 1\nline 2',
      'spaces kept', 'ñ, ü, ß, 日本, 😀']);
    assert.equal(columns.empty.type, 'empty');
  });

  test('the 1900-02-28 / 1900-03-01 boundary and modern dates read as the right ISO dates', () => {
    const fromXlsx = describeTable(workspace, 'dates');
    const { described: fromCsv } = describeAsCsv('dates', `cohort.xlsx${SEP}dates`, DATES);
    assert.deepEqual(fromXlsx, fromCsv);
    const dateColumn = fromXlsx.table.columns[1];
    assert.equal(dateColumn.type, 'date');
    assert.deepEqual(dateColumn.samples, ['1900-01-01', '1900-02-28', '1900-03-01', '2023-03-15']);
    assert.deepEqual(table('dates').result.warnings, []);
  });

  test('Excel\'s 29 February 1900 (serial 60) is an impossible date, with row and column', () => {
    const { warnings } = table('leap 1900').result;
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0].code, 'excel_leap_day_1900');
    assert.equal(warnings[0].row, 2);
    assert.equal(warnings[0].column, 'd');
    const described = describeTable(workspace, 'leap 1900');
    assert.deepEqual(described.table.columns[0].samples, ['1900-02-29', '1900-03-01']);
    assert.ok(described.warnings.some((w) => w.code === 'impossible_date' && w.row === 2),
      JSON.stringify(described.warnings));
  });

  test('a header below empty rows: found, and the offset of row numbers is reported', () => {
    const loaded = table('late header').result;
    assert.equal(loaded.ok, true, JSON.stringify(loaded.error));
    assert.deepEqual(loaded.table.columns, ['time', 'status', 'x']);
    assert.equal(loaded.table.rows, 5);
    assert.deepEqual(loaded.warnings.map((w) => w.code), ['blank_lines_before_header']);
    assert.match(loaded.warnings[0].message, /starts with 2 blank line/);
    // The same as a CSV file with two blank lines above its header.
    const { loaded: csvLoaded, described } = describeAsCsv('late header',
      `cohort.xlsx${SEP}late header`, LATE_HEADER.slice(2), '\n\n');
    assert.deepEqual(loaded.warnings, csvLoaded.warnings);
    assert.deepEqual(describeTable(workspace, 'late header'), described);
    const survival = JSON.parse(workspace.run(JSON.stringify({ type: 'survival',
      table: 'late header', time: 'time', event: 'status', group: 'x' })));
    assert.equal(survival.ok, true, JSON.stringify(survival.error));
    assert.deepEqual(survival.survival.groups.map((g) => [g.name, g.n, g.events]),
      [['Maintained', 3, 2], ['Nonmaintained', 2, 2]]);
  });

  test('a 1904-system workbook: its serials count from 1904-01-01', async () => {
    const date1904 = {
      files: { transform: { 'xl/workbook.xml': {
        transformElementAttributes: (tagName, attributes) => (tagName === 'workbookPr'
          ? { ...attributes, date1904: '1' } : attributes),
      } } },
    };
    const bytes = await writeWorkbook('mac.xlsx', [{ sheet: 'visits', data: [
      ['visit'], [serial(0)], [serial(42808)], [serial(60)], [serial(2957003)],
    ] }], { features: [date1904] });
    const ws = new core.Workspace();
    try {
      const mac = await loadWorkbook(ws, 'mac.xlsx', bytes);
      assert.equal(mac.ok, true);
      const loaded = mac.tables[0].result;
      assert.equal(loaded.ok, true, JSON.stringify(loaded.error));
      assert.deepEqual(loaded.warnings, []);
      assert.deepEqual(describeTable(ws, 'visits').table.columns[0].samples,
        ['1904-01-01', '2021-03-15', '1904-03-01', '9999-12-31']);
    } finally {
      ws.delete();
    }
  });

  test('dates do not depend on the time zone of the machine', async () => {
    const saved = process.env.TZ;
    try {
      for (const zone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Europe/Paris']) {
        process.env.TZ = zone;
        const ws = new core.Workspace();
        try {
          await loadWorkbook(ws, 'cohort.xlsx', new Uint8Array(cohortBytes));
          assert.deepEqual(describeTable(ws, 'dates'), describeTable(workspace, 'dates'), zone);
          assert.deepEqual(describeTable(ws, 'patients'), describeTable(workspace, 'patients'));
        } finally {
          ws.delete();
        }
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  test('a sheet over 512 KB of XML loads (no blob: worker is started to unzip it)', async () => {
    const rows = [['id', 'time', 'status']];
    for (let i = 0; i < 20000; i += 1) rows.push([`S${i}`, i % 97, i % 2]);
    const bytes = await writeWorkbook('big.xlsx', [{ sheet: 'big', data: rows }]);
    const ws = new core.Workspace();
    try {
      const big = await loadWorkbook(ws, 'big.xlsx', bytes.buffer.slice(bytes.byteOffset,
        bytes.byteOffset + bytes.byteLength));
      assert.equal(big.tables[0].result.ok, true, JSON.stringify(big.tables[0].result.error));
      assert.equal(big.tables[0].result.table.rows, 20000);
    } finally {
      ws.delete();
    }
  });

  test('files that are not readable workbooks get a message, not a crash', async () => {
    const xlsx = new Uint8Array(cohortBytes);
    const cases = [
      ['old.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
        'xls_not_supported'],
      ['notes.xlsx', new TextEncoder().encode('id,time\n1,2\n'), 'not_a_workbook'],
      ['empty.xlsx', new Uint8Array(0), 'empty_file'],
      ['cut.xlsx', xlsx.slice(0, Math.floor(xlsx.length / 2)), 'damaged_workbook'],
    ];
    for (const [file, bytes, code] of cases) {
      const result = await loadWorkbook(workspace, file, bytes);
      assert.equal(result.ok, false, file);
      assert.equal(result.error.code, code, `${file}: ${JSON.stringify(result.error)}`);
      assert.equal(result.error.file, file);
      assert.ok(result.error.message.startsWith(file), result.error.message);
      assert.deepEqual(result.tables, []);
    }
  });

  test('the page tells workbooks from text files by their bytes, else their extension', () => {
    const bytesOf = (array) => new Uint8Array(array).buffer;
    assert.equal(isWorkbook(bytesOf(cohortBytes), 'export.csv'), true);
    assert.equal(isWorkbook(bytesOf([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'a.bin'),
      true);
    assert.equal(isWorkbook(bytesOf([]), 'empty.XLSX'), true);
    assert.equal(isWorkbook(new TextEncoder().encode('time,status\n').buffer, 'aml.csv'), false);
    assert.equal(tableNameOf('aml.csv'), 'aml');
    assert.equal(tableNameOf('cohort.v2.tsv'), 'cohort.v2');
  });

  test('cells travel as typed JSON: dates as 1900 serials, no lone surrogates', () => {
    assert.equal(excelSerialOf(new Date(Date.UTC(2021, 2, 15))), 44270);
    assert.equal(excelSerialOf(new Date(Date.UTC(2021, 2, 15, 18))), 44270.75);
    const json = new TextDecoder().decode(encodeRows([
      ['a', 1.5, true, null, new Date(Date.UTC(1900, 2, 1)), 'x\ud800y'],
    ]));
    assert.equal(json, '[["a",1.5,true,null,{"excel_serial":61},"x\ufffdy"]]');
  });
});
