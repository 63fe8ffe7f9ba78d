// Worker side of spreadsheets: reads an .xlsx workbook and loads each sheet into the core as a
// table named by the sheet (docs/design.md §3: cohort tables are recognised by sheet name),
// passing the cells as the rows of typed values that core/io/cell_rows.hpp reads.
//
// The workbook is read by read-excel-file, bundled at build time into ./vendor/read-excel-file.js
// by scripts/bundle-xlsx.mjs (a self-contained ES module: no bundler, no network, no eval and no
// blob: worker at run time). The core's worker imports this module on the first workbook only,
// so a page that loads CSV files never downloads the reader.

import { readXlsxFile } from './vendor/read-excel-file.js';

/** @typedef {import('../shared/protocol.js').WorkbookResult} WorkbookResult */
/** @typedef {import('../shared/core-api.js').CoreProblem} CoreProblem */
/** @typedef {import('../shared/core-api.js').LoadTableRequest} LoadTableRequest */

const MS_PER_DAY = 86_400_000;
// read-excel-file turns a date cell's serial s (1900 system) into the UTC instant
// (s - 25569) days after 1970-01-01 (after adding 1462 days to the serials of a 1904 workbook).
const SERIAL_OF_1970_01_01 = 25_569;

/**
 * The Excel serial (1900 system) behind a date cell read by read-excel-file: the exact inverse of
 * its conversion, so the core's tested conversion decides the date. For whole days the result is
 * the serial itself; this also undoes the reader's one-day shift of dates before 1900-03-01
 * (it ignores Excel's fictitious 29 February 1900) and keeps serial 60 recognisable. No local
 * time zone is involved anywhere.
 * @param {Date} date
 * @returns {number}
 */
export function excelSerialOf(date) {
  return date.getTime() / MS_PER_DAY + SERIAL_OF_1970_01_01;
}

/**
 * A sheet's rows as the JSON bytes of the core's "cells": "rows" format: null, text, number,
 * boolean, or {"excel_serial": n} for a date cell (serials are 1900-system: the reader has
 * already moved those of a 1904 workbook).
 * @param {unknown[][]} rows
 * @returns {Uint8Array}
 */
export function encodeRows(rows) {
  const json = JSON.stringify(rows, function cellValue(key, value) {
    const original = this[key];
    if (original instanceof Date) {
      const serial = excelSerialOf(original);
      return Number.isFinite(serial) ? { excel_serial: serial } : null;
    }
    // A lone UTF-16 surrogate would be written as an escape the core's JSON reader refuses.
    if (typeof value === 'string' && typeof value.toWellFormed === 'function') {
      return value.toWellFormed();
    }
    return value;
  });
  return new TextEncoder().encode(json);
}

/**
 * @param {ArrayBuffer | Uint8Array} bytes
 * @returns {ArrayBuffer}
 */
function arrayBufferOf(bytes) {
  if (bytes instanceof ArrayBuffer) return bytes;
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) {
    return /** @type {ArrayBuffer} */ (bytes.buffer);
  }
  return /** @type {ArrayBuffer} */ (bytes.buffer.slice(bytes.byteOffset,
    bytes.byteOffset + bytes.byteLength));
}

/**
 * What the reader's refusal of a file means for the user, as the core words its own problems;
 * null when the error is not about the file (a bug, which the worker reports as such).
 * @param {any} error
 * @param {string} file
 * @returns {CoreProblem | null}
 */
export function workbookProblem(error, file) {
  const problem = (code, message) => ({ code, message, file, row: null, column: null });
  const ods = /\.ods$/i.test(file);
  if (error?.name === 'InvalidInputError') {
    switch (error.code) {
      case 'NO_DATA':
        return problem('empty_file', `${file} is empty. Check that the right file was chosen.`);
      case 'XLS_FILE_NOT_SUPPORTED':
        return problem('xls_not_supported', `${file} is an Excel 97-2003 workbook (.xls) or a `
          + 'password-protected workbook, which cannot be read here. Open it in Excel or '
          + 'LibreOffice and save it as an .xlsx workbook without a password, or save each sheet '
          + 'as CSV.');
      case 'FILE_NOT_SUPPORTED':
        return problem('not_a_workbook', `${file} is not an .xlsx workbook. Save it as .xlsx, or `
          + 'save each sheet as CSV.');
      case 'INVALID_ZIP':
        return problem('damaged_workbook', `${file} could not be opened as an .xlsx workbook: `
          + `it looks damaged (${error.message}). Open it in Excel or LibreOffice and save it `
          + 'again.');
      default:
        return null;
    }
  }
  if (error?.name === 'InvalidSpreadsheetError' || error?.name === 'SheetNotFoundError') {
    return problem(ods ? 'not_a_workbook' : 'damaged_workbook', ods
      ? `${file} is an OpenDocument spreadsheet (.ods), which cannot be read here. Save it as an `
        + '.xlsx workbook, or save each sheet as CSV.'
      : `${file} could not be read as an .xlsx workbook (${error.message}). Open it in Excel or `
        + 'LibreOffice and save it again.');
  }
  return null;
}

/**
 * Reads a workbook and loads every sheet into `workspace` as a table named by the sheet,
 * replacing a loaded table of the same name. One sheet that cannot be loaded (an empty sheet, for
 * one) does not stop the others: each table has the core's own load_table response.
 * @param {{loadTable: (request: string, bytes: Uint8Array) => string}} workspace  The wasm
 *   Workspace (wasm/bindings.cpp).
 * @param {string} file  The workbook's file name, for messages ("cohort.xlsx").
 * @param {ArrayBuffer | Uint8Array} bytes  The .xlsx file's bytes.
 * @returns {Promise<WorkbookResult>}
 */
export async function loadWorkbook(workspace, file, bytes) {
  let sheets;
  try {
    // trim: false keeps text as typed, as the CSV reader does; the core trims where it reads.
    sheets = await readXlsxFile(arrayBufferOf(bytes), { trim: false });
  } catch (e) {
    const error = workbookProblem(e, file);
    if (!error) throw e;
    return { ok: false, file, error, tables: [] };
  }
  const tables = [];
  for (let i = 0; i < sheets.length; i += 1) {
    const { sheet, data } = sheets[i];
    sheets[i] = null;  // each sheet's cells can go once its table is loaded
    /** @type {LoadTableRequest} */
    const request = { type: 'load_table', name: sheet, file, sheet, cells: 'rows' };
    const result = JSON.parse(workspace.loadTable(JSON.stringify(request), encodeRows(data)));
    tables.push({ name: sheet, sheet, result });
  }
  return { ok: true, file, tables };
}
