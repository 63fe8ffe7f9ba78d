// The messages between the page (main thread, web/page/core-client.js) and the core's worker
// (web/worker/worker.js), shared by both sides so that each shape is written once. What a `run`
// message carries and brings back is the core's own JSON, typed in ./core-api.js.
//
// Two levels of success, kept apart on purpose:
//   - transport: the worker answers {id, ok: true, result} when the call reached the core and
//     came back, {id, ok: false, error} when JavaScript itself failed (module not loaded,
//     a wasm trap, a payload of the wrong type). Only the second kind is a bug or a crash.
//   - core: `result` is the core's own answer, which carries its own `ok` and `error`
//     (a bad CSV, an unknown column): an answer for the user, not a failure of the page.

/** @typedef {import('./core-api.js').CoreRequest} CoreRequest */
/** @typedef {import('./core-api.js').CoreResponse} CoreResponse */
/** @typedef {import('./core-api.js').CoreProblem} CoreProblem */
/** @typedef {import('./core-api.js').LoadTableResponse} LoadTableResponse */

/** Message types the worker accepts: the `type` of every WorkerRequest. */
export const MessageType = Object.freeze({
  /** Load raw CSV/TSV bytes into the worker's workspace as a named table. */
  loadTable: /** @type {'loadTable'} */ ('loadTable'),
  /** Read an .xlsx workbook in the worker and load each sheet as a table named by the sheet. */
  loadWorkbook: /** @type {'loadWorkbook'} */ ('loadWorkbook'),
  /** Run one core request (CoreRequest) on the loaded tables. */
  run: /** @type {'run'} */ ('run'),
});

// ---- page → worker ----------------------------------------------------------------------------

/**
 * @typedef {object} LoadTablePayload
 * @property {string} name  The table's name, by which later requests refer to it (a file stem).
 * @property {string} file  The file name as the user knows it; used in error messages.
 * @property {ArrayBuffer | Uint8Array | Blob} bytes  The file's raw bytes, in any encoding the
 *   core reads (UTF-8, UTF-16 with BOM, Windows-1252). A Blob (the user's File) is best: the
 *   worker reads it in chunks straight into the core's memory, so the file is held once, a file
 *   too large for the tab is refused before it is read, and the worker reports its progress
 *   (WorkerProgress). Send an ArrayBuffer as a transferable so it is moved, not copied.
 * @property {string} [delimiter]  ',', ';' or '\t'; omitted: the core detects it.
 */

/**
 * @typedef {object} LoadWorkbookPayload
 * @property {string} file  The workbook's file name as the user knows it ("cohort.xlsx"); messages
 *   name a sheet as "cohort.xlsx › patients".
 * @property {ArrayBuffer | Uint8Array} bytes  The .xlsx file's bytes (send an ArrayBuffer as a
 *   transferable). The worker decodes them with read-excel-file (web/worker/load-workbook.js)
 *   and hands each sheet to the core as rows of typed cells: a LoadTableRequest with
 *   {"cells": "rows", "sheet": name} whose bytes are a JSON array of rows.
 */

/**
 * A core request object or the same as a JSON string (the worker passes a string through
 * unchanged, which lets tests send deliberately invalid JSON).
 * @typedef {CoreRequest | string} RunPayload
 */

/**
 * @typedef {{id: number, type: 'loadTable', payload: LoadTablePayload}} LoadTableMessage
 * @typedef {{id: number, type: 'loadWorkbook', payload: LoadWorkbookPayload}} LoadWorkbookMessage
 * @typedef {{id: number, type: 'run', payload: RunPayload}} RunMessage
 * @typedef {LoadTableMessage | LoadWorkbookMessage | RunMessage} WorkerRequest
 */

// ---- worker → page ----------------------------------------------------------------------------

/**
 * A JavaScript error, flattened because Error objects lose their fields in postMessage.
 * @typedef {object} WorkerError
 * @property {string} name     'RuntimeError' for a wasm trap, 'BindingError', 'TypeError', ...
 * @property {string} message
 * @property {string} [stack]
 * @property {boolean} [fatal]  true when the wasm instance cannot be trusted any more (a trap
 *   or abort): the worker closes itself after sending this and the page must start a new one.
 */

/**
 * The answer to loadWorkbook. `ok` is false only when the file could not be read as a workbook
 * at all (`error` says why: 'xls_not_supported' for .xls or password-protected files,
 * 'not_a_workbook', 'damaged_workbook', 'empty_file'); then `tables` is empty. Otherwise each
 * sheet has its own load_table answer, which may itself fail ('empty_sheet' for a blank sheet).
 * @typedef {object} WorkbookResult
 * @property {boolean} ok
 * @property {string} file
 * @property {CoreProblem} [error]
 * @property {WorkbookTable[]} tables  In the workbook's sheet order.
 */

/**
 * @typedef {object} WorkbookTable
 * @property {string} name   The table's name for later requests: the sheet's name.
 * @property {string} sheet
 * @property {LoadTableResponse} result  The core's load_table answer for this sheet.
 */

/**
 * How far a long request has got, sent (any number of times, fractions in order) before its
 * answer, with the request's id and no `ok`: `done` of `total` units of the phase. Loading a
 * Blob has two phases: 'read', bytes of the file read into the core; then 'check', bytes of
 * its text checked as rows (the last one has done === total).
 * @typedef {object} ProgressReport
 * @property {'read' | 'check'} phase
 * @property {number} done
 * @property {number} total
 * @typedef {{id: number, progress: ProgressReport}} WorkerProgress
 */

/**
 * What each message type answers, in `result`: loadTable the core's load_table answer,
 * loadWorkbook a WorkbookResult, run the core's answer to the request (./core-api.js
 * CoreAnswers, by the request's type).
 * @typedef {{id: number, ok: true, result: CoreResponse | WorkbookResult}} WorkerSuccess
 * @typedef {{id: number, ok: false, error: WorkerError}} WorkerFailure
 * @typedef {WorkerSuccess | WorkerFailure} WorkerResponse
 */
