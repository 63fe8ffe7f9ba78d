// The messages between the page (main thread) and the core's worker, shared by both sides so
// that each shape is written once. The wasm boundary below the worker carries JSON strings only
// (docs/design.md §8, trap 8), so the core's request and response shapes are typed here by hand;
// docs/design.md §3–4 is their contract.
//
// Two levels of success, kept apart on purpose:
//   - transport: the worker answers {id, ok: true, result} when the call reached the core and
//     came back, {id, ok: false, error} when JavaScript itself failed (module not loaded,
//     a wasm trap, a payload of the wrong type). Only the second kind is a bug or a crash.
//   - core: `result` is the core's own response, which carries its own `ok` and `error`
//     (a bad CSV, an unknown column): an answer for the user, not a failure of the page.

/** Message types the worker accepts. */
export const MessageType = Object.freeze({
  /** Load raw CSV/TSV bytes into the worker's workspace as a named table. */
  loadTable: 'loadTable',
  /** Read an .xlsx workbook in the worker and load each sheet as a table named by the sheet. */
  loadWorkbook: 'loadWorkbook',
  /** Run one core request (survival, describe_table, version, ...) on the loaded tables. */
  run: 'run',
});

// ---- page → worker ------------------------------------------------------------------------

/**
 * @typedef {object} LoadTablePayload
 * @property {string} name  The table's name, by which later requests refer to it (a file stem).
 * @property {string} file  The file name as the user knows it; used in error messages.
 * @property {ArrayBuffer | Uint8Array} bytes  The file's raw bytes, in any encoding the core
 *   reads (UTF-8, UTF-16 with BOM, Windows-1252). Send an ArrayBuffer as a transferable so a
 *   large file is moved, not copied, to the worker.
 * @property {string} [delimiter]  ',', ';' or '\t'; omitted: the core detects it.
 */

/**
 * @typedef {object} LoadWorkbookPayload
 * @property {string} file  The workbook's file name as the user knows it ("cohort.xlsx"); messages
 *   name a sheet as "cohort.xlsx › patients".
 * @property {ArrayBuffer | Uint8Array} bytes  The .xlsx file's bytes (send an ArrayBuffer as a
 *   transferable). The worker decodes them with read-excel-file (web/worker/load-workbook.js) and
 *   hands each sheet to the core as rows of typed cells: a load_table request with
 *   {"cells": "rows", "sheet": name} whose bytes are a JSON array of rows, each cell null, text,
 *   a number, true/false, or {"excel_serial": n} for a cell formatted as a date (1900 system;
 *   the request may say "date_system": 1904, and "first_row" when rows above were left out).
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

// ---- worker → page ------------------------------------------------------------------------

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
 * sheet has its own load_table response, which may itself fail ('empty_sheet' for a blank sheet).
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
 * @property {CoreResponse} result  The core's load_table response for this sheet.
 */

/**
 * @typedef {{id: number, ok: true, result: CoreResponse | WorkbookResult}} WorkerSuccess
 * @typedef {{id: number, ok: false, error: WorkerError}} WorkerFailure
 * @typedef {WorkerSuccess | WorkerFailure} WorkerResponse
 */

// ---- the core's JSON (docs/design.md §3–4) -------------------------------------------------

/**
 * @typedef {object} CoreProblem
 * @property {string} code     Stable, machine-readable ("unterminated_quote", "missing_time").
 * @property {string} message  Says what is wrong and how to fix it.
 * @property {string|null} [file]
 * @property {number|null} [row]     1-based as a spreadsheet shows it (header = 1).
 * @property {string|null} [column]  The column's name as in the file.
 */

/**
 * @typedef {object} CoreResponse
 * @property {boolean} ok
 * @property {CoreProblem} [error]       Present when ok is false.
 * @property {CoreProblem[]} [warnings]
 * @property {string} [version]          For {"type": "version"}.
 * @property {LoadedTable} [table]       For load_table.
 * @property {SurvivalResult} [survival] For {"type": "survival"}.
 */

/**
 * @typedef {object} LoadedTable
 * @property {string} name
 * @property {string} file       For a sheet: "cohort.xlsx › patients", as messages name it.
 * @property {string} [sheet]    For a sheet of a workbook.
 * @property {number} rows       Data records (the header not counted).
 * @property {string[]} columns  Header names, in file order.
 * @property {string} delimiter  The one detected or given (',' for a sheet).
 */

/**
 * @typedef {object} SurvivalRequest
 * @property {'survival'} type
 * @property {string} table  The name given at loadTable.
 * @property {string} time   Column names, as in the file's header.
 * @property {string} event
 * @property {string} [group]
 * @property {string} [strata]
 * @property {'log'|'log-log'|'plain'|'logit'|'arcsin'|'none'} [conf_type]  Default 'log'.
 * @property {number} [conf_level]  Default 0.95.
 * @property {number[]} [times]     Estimates at these times, as summary(fit, times=).
 * @property {number} [rho]         0: log-rank; 1: Peto-Peto (Harrington-Fleming G-rho).
 */

/**
 * @typedef {SurvivalRequest | {type: 'version'} | {type: string, [key: string]: unknown}}
 *   CoreRequest
 */

/**
 * Columns of a survival table; `null` where R gives NA.
 * @typedef {object} SurvivalColumns
 * @property {number[]} time
 * @property {number[]} n_risk
 * @property {number[]} n_event
 * @property {number[]} n_censor
 * @property {number[]} surv
 * @property {(number|null)[]} std_err
 * @property {(number|null)[]} lower
 * @property {(number|null)[]} upper
 */

/**
 * @typedef {object} SurvivalGroup
 * @property {string} name  As in the file ('all' without a group column).
 * @property {number} n
 * @property {number} events
 * @property {SurvivalColumns} table
 * @property {{estimate: number|null, lower: number|null, upper: number|null}} median
 *   null = not reached.
 * @property {SurvivalColumns} [at_times]
 */

/**
 * @typedef {object} SurvivalTest
 * @property {string} method  'log-rank' or the G-rho name.
 * @property {number} rho
 * @property {number} chisq
 * @property {number} df
 * @property {number} p
 * @property {string[]} groups
 * @property {number[]} observed
 * @property {number[]} expected
 */

/**
 * @typedef {object} SurvivalResult
 * @property {string} conf_type
 * @property {number} conf_level
 * @property {SurvivalGroup[]} groups
 * @property {SurvivalTest} [test]  Absent with a single group.
 */
