// The page's side of the worker protocol (../shared/protocol.js): turns messages into promises
// and keeps a worker alive. A worker that dies (a wasm trap, an 'error' event) takes its loaded
// tables with it, so the client starts a new one, fails the calls in flight and tells the page,
// which must load its tables again.

import { MessageType } from '../shared/protocol.js';

/** @typedef {import('../shared/protocol.js').WorkerRequest} WorkerRequest */
/** @typedef {import('../shared/protocol.js').WorkerResponse} WorkerResponse */
/** @typedef {import('../shared/protocol.js').WorkerError} WorkerError */
/** @typedef {import('../shared/protocol.js').LoadTablePayload} LoadTablePayload */
/** @typedef {import('../shared/protocol.js').LoadWorkbookPayload} LoadWorkbookPayload */
/** @typedef {import('../shared/protocol.js').WorkbookResult} WorkbookResult */
/** @typedef {import('../shared/protocol.js').ProgressReport} ProgressReport */
/** @typedef {import('../shared/core-api.js').CoreRequest} CoreRequest */
/** @typedef {import('../shared/core-api.js').CoreAnswers} CoreAnswers */
/** @typedef {import('../shared/core-api.js').CoreProblem} CoreProblem */
/** @typedef {import('../shared/core-api.js').LoadTableResponse} LoadTableResponse */

/**
 * What loadFile answers, for a CSV/TSV file as for a workbook. `ok` is false only when a
 * workbook could not be opened at all (`error`); each table carries the core's own load_table
 * response, which may fail on its own ('empty_sheet', 'unterminated_quote', ...).
 * @typedef {object} LoadedFile
 * @property {boolean} ok
 * @property {string} file
 * @property {CoreProblem} [error]
 * @property {{name: string, sheet?: string, result: LoadTableResponse}[]} tables  One per sheet
 *   of a workbook, named by the sheet; one for a text file, named by the file's stem.
 */

// Workbooks are told by their first bytes (an .xlsx is a ZIP archive; an .xls or a
// password-protected workbook an OLE2 compound file, which the reader names in its refusal), or
// by their extension when the bytes say neither (an empty or damaged file then gets the
// workbook reader's message rather than being read as text).
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const WORKBOOK_EXTENSION = /\.(xlsx|xlsm|xls|ods)$/i;

/**
 * @param {ArrayBuffer} bytes  The file's bytes, or its first 8 at least.
 * @param {string} fileName
 */
export function isWorkbook(bytes, fileName) {
  const head = new Uint8Array(bytes, 0, Math.min(bytes.byteLength, 8));
  const startsWith = (magic) => magic.every((byte, i) => head[i] === byte);
  return startsWith(ZIP_MAGIC) || startsWith(OLE2_MAGIC) || WORKBOOK_EXTENSION.test(fileName);
}

/** A text file's table name: its file name without the extension ("aml.csv" → "aml"). */
export function tableNameOf(fileName) {
  return fileName.replace(/\.[^.]*$/, '') || fileName;
}

/** A failure of the page–worker machinery, not an answer of the core. */
export class WorkerFailed extends Error {
  /**
   * @param {WorkerError} error
   * @param {boolean} [restarted]  The worker died with this call and a new one was started
   *   (without the old one's tables).
   */
  constructor(error, restarted = false) {
    super(error.message);
    this.name = error.name;
    this.workerStack = error.stack ?? '';
    this.restarted = restarted;
  }
}

// A worker that keeps dying at start-up would otherwise be restarted forever.
const MAX_RESTARTS = 3;

export class CoreClient {
  /**
   * @param {object} [options]
   * @param {(reason: string) => void} [options.onRestart]  Told each time a new worker replaces
   *   a dead one (its tables are gone); `reason` is the technical detail, for the user.
   * @param {(reason: string) => void} [options.onGiveUp]  Told when restarting stopped helping.
   */
  constructor({ onRestart = () => {}, onGiveUp = () => {} } = {}) {
    this.onRestart = onRestart;
    this.onGiveUp = onGiveUp;
    this.nextId = 1;
    this.restarts = 0;
    /** @type {Map<number, {resolve: (result: any) => void, reject: (e: Error) => void,
     *   onProgress?: (report: ProgressReport) => void}>} */
    this.pending = new Map();
    /** @type {Worker | null} */
    this.worker = null;
    this.start();
  }

  start() {
    const worker = new Worker(new URL('../worker/worker.js', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (event) => this.receive(event.data));
    // 'error' fires when the worker's script fails or an exception escapes it; 'messageerror'
    // when a message cannot be deserialised. Either way the worker is not to be trusted.
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.restart(event.message || 'the worker reported an error');
    });
    worker.addEventListener('messageerror', () => this.restart('a message could not be read'));
    this.worker = worker;
  }

  /**
   * @param {string} reason
   * @returns {boolean} whether a new worker was started
   */
  restart(reason) {
    this.worker?.terminate();
    this.worker = null;
    const again = this.restarts < MAX_RESTARTS;
    for (const { reject } of this.pending.values()) {
      reject(new WorkerFailed({ name: 'WorkerDied', message: reason }, again));
    }
    this.pending.clear();
    if (!again) {
      this.onGiveUp(reason);
      return false;
    }
    this.restarts += 1;
    this.start();
    this.onRestart(reason);
    return true;
  }

  /** @param {WorkerResponse | import('../shared/protocol.js').WorkerProgress} response */
  receive(response) {
    const call = this.pending.get(response.id);
    if (!call) return;
    if ('progress' in response) {
      call.onProgress?.(response.progress);
      return;
    }
    this.pending.delete(response.id);
    if (response.ok) {
      this.restarts = 0;  // a worker that answers is healthy again
      call.resolve(response.result);
      return;
    }
    // The worker closes itself after a fatal error; replace it before the next call.
    const restarted = Boolean(response.error.fatal)
      && this.restart(`${response.error.name}: ${response.error.message}`);
    call.reject(new WorkerFailed(response.error, restarted));
  }

  /**
   * Posts one message to the worker; the promise settles with its answer's `result`, which
   * depends on the type (../shared/protocol.js, WorkerSuccess).
   * @param {WorkerRequest['type']} type  One of MessageType.
   * @param {WorkerRequest['payload']} payload
   * @param {Transferable[]} [transfer]
   * @param {(report: ProgressReport) => void} [onProgress]  Told how far the request has got.
   * @returns {Promise<any>}
   */
  call(type, payload, transfer = [], onProgress = undefined) {
    if (!this.worker) {
      return Promise.reject(new WorkerFailed({ name: 'WorkerUnavailable',
        message: 'the calculator could not be restarted; reload the page' }));
    }
    const id = this.nextId++;
    const message = /** @type {WorkerRequest} */ ({ id, type, payload });
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
      this.worker.postMessage(message, transfer);
    });
  }

  /**
   * Loads a file as a table. A Blob (a File) is read by the worker, which reports its progress;
   * an ArrayBuffer is transferred: the caller loses it.
   * @param {LoadTablePayload} payload
   * @param {(report: ProgressReport) => void} [onProgress]
   * @returns {Promise<LoadTableResponse>}
   */
  loadTable(payload, onProgress = undefined) {
    const transfer = payload.bytes instanceof ArrayBuffer ? [payload.bytes] : [];
    return this.call(MessageType.loadTable, payload, transfer, onProgress);
  }

  /**
   * Reads an .xlsx workbook in the worker and loads each sheet as a table named by the sheet.
   * The ArrayBuffer is transferred: the caller loses it.
   * @param {LoadWorkbookPayload & {bytes: ArrayBuffer}} payload
   * @returns {Promise<WorkbookResult>}
   */
  loadWorkbook(payload) {
    return this.call(MessageType.loadWorkbook, payload, [payload.bytes]);
  }

  /**
   * Loads one file the user gave: a workbook as one table per sheet, anything else as CSV/TSV
   * text, one table named by the file's stem. A table replaces a loaded one of the same name
   * (two workbooks with a sheet "Sheet1" keep the second).
   * @param {File | Blob | ArrayBuffer} source  An ArrayBuffer is transferred to the worker; a
   *   text File or Blob is read by the worker itself, in chunks, never whole on this thread.
   * @param {string} [fileName]  The name messages use; a File's own name by default.
   * @param {(report: ProgressReport) => void} [onProgress]  Told how far the reading of a text
   *   File or Blob has got (bytes read, then bytes checked).
   * @returns {Promise<LoadedFile>}
   */
  async loadFile(source, fileName = /** @type {File} */ (source).name, onProgress = undefined) {
    if (typeof fileName !== 'string' || fileName === '') {
      throw new TypeError('loadFile: give the file\'s name with a Blob or an ArrayBuffer');
    }
    const head = source instanceof ArrayBuffer ? source : await source.slice(0, 8).arrayBuffer();
    if (isWorkbook(head, fileName)) {
      const bytes = source instanceof ArrayBuffer ? source : await source.arrayBuffer();
      return this.loadWorkbook({ file: fileName, bytes });
    }
    const name = tableNameOf(fileName);
    const result = await this.loadTable({ name, file: fileName, bytes: source }, onProgress);
    return { ok: true, file: fileName, tables: [{ name, result }] };
  }

  /**
   * Runs one request of the core on the worker's tables. The answer is the core's own, `ok` or
   * not (../shared/core-api.js); only a failure of the worker itself rejects (WorkerFailed).
   * @template {CoreRequest} R
   * @param {R} request
   * @returns {Promise<CoreAnswers[R['type']]>}
   */
  run(request) {
    return this.call(MessageType.run, request);
  }
}
