// The core's thread (a module worker: the wasm glue is an ES6 module, docs/design.md §8, trap 9).
// It owns one wasm instance and one Workspace of loaded tables, and answers the page's
// messages one at a time, so the page never blocks on a computation. The messages are those of
// ../shared/protocol.js; the core's requests and answers those of ../shared/core-api.js.

import { MessageType } from '../shared/protocol.js';

/** @typedef {import('../shared/protocol.js').WorkerRequest} WorkerRequest */
/** @typedef {import('../shared/protocol.js').WorkerResponse} WorkerResponse */
/** @typedef {import('../shared/protocol.js').WorkerError} WorkerError */
/** @typedef {import('../shared/protocol.js').WorkbookResult} WorkbookResult */
/** @typedef {import('../shared/core-api.js').CoreResponse} CoreResponse */
/** @typedef {import('../shared/core-api.js').LoadTableRequest} LoadTableRequest */

// Imported dynamically so that a missing or blocked itp-core.js becomes an answer the page can
// show, rather than a worker that dies before it can say why.
// A load failure is not fatal in the protocol's sense: a new worker would fail the same way.
const ready = import('./itp-core.js')
  .then((glue) => glue.default())
  .then((core) => ({ core, workspace: new core.Workspace() }))
  .catch((e) => {
    const error = new Error(`the calculator module could not be loaded: ${e?.message ?? e}`);
    error.name = 'CoreLoadError';
    throw error;
  });
// Keep an unanswered rejection from being reported twice; each request reports it.
ready.catch(() => {});

// The .xlsx reader is imported with the first workbook only: a page that loads CSV files never
// downloads it.
/** @type {Promise<typeof import('./load-workbook.js')> | null} */
let workbookReader = null;

/**
 * @param {unknown} e
 * @returns {WorkerError}
 */
function toWorkerError(e) {
  // A wasm trap (RuntimeError: unreachable, out of bounds, an abort) leaves the instance's
  // memory in an unknown state: the page must start a fresh worker.
  const fatal = e instanceof WebAssembly.RuntimeError;
  if (e instanceof Error) {
    return { name: e.name, message: e.message, stack: e.stack ?? '', fatal };
  }
  // Code built without -fexceptions throws C++ exceptions as bare numbers (trap 5).
  return { name: 'Error', message: `non-Error thrown: ${String(e)}`, stack: '', fatal };
}

/**
 * @param {WorkerRequest} message
 * @returns {Promise<CoreResponse | WorkbookResult>}
 */
async function handle(message) {
  const { workspace } = await ready;
  switch (message.type) {
    case MessageType.loadTable: {
      const { name, file, bytes, delimiter } = message.payload;
      if (!(bytes instanceof ArrayBuffer || bytes instanceof Uint8Array)) {
        throw new TypeError('loadTable: payload.bytes must be an ArrayBuffer or Uint8Array');
      }
      /** @type {LoadTableRequest} */
      const request = { type: 'load_table', name, file };
      if (delimiter !== undefined) request.delimiter = delimiter;
      // embind copies the bytes straight into a std::string: no text decoding, no JSON.
      return JSON.parse(workspace.loadTable(JSON.stringify(request), bytes));
    }
    case MessageType.loadWorkbook: {
      const { file, bytes } = message.payload;
      if (!(bytes instanceof ArrayBuffer || bytes instanceof Uint8Array)) {
        throw new TypeError('loadWorkbook: payload.bytes must be an ArrayBuffer or Uint8Array');
      }
      if (typeof file !== 'string' || file === '') {
        throw new TypeError('loadWorkbook: payload.file must be the file\'s name');
      }
      workbookReader ??= import('./load-workbook.js');
      const { loadWorkbook } = await workbookReader.catch((e) => {
        workbookReader = null;  // let a later call try again
        const error = new Error(`the spreadsheet reader could not be loaded: ${e?.message ?? e}`);
        error.name = 'XlsxReaderLoadError';
        throw error;
      });
      return loadWorkbook(workspace, file, bytes);
    }
    case MessageType.run: {
      const { payload } = message;
      const json = typeof payload === 'string' ? payload : JSON.stringify(payload);
      return JSON.parse(workspace.run(json));
    }
    default:
      throw new TypeError(`unknown message type: ${String(/** @type {any} */ (message).type)}`);
  }
}

/** @param {WorkerRequest} message */
async function answer(message) {
  const id = message?.id;
  /** @type {WorkerResponse} */
  let response;
  try {
    response = { id, ok: true, result: await handle(message) };
  } catch (e) {
    response = { id, ok: false, error: toWorkerError(e) };
  }
  self.postMessage(response);
  if (!response.ok && response.error.fatal) self.close();
}

// Answered in the order they came, each after the one before has finished: reading a workbook
// waits on the reader, and the requests sent after it may name its sheets.
let queue = Promise.resolve();
self.addEventListener('message', (event) => {
  // answer() turns every failure of a request into a response; the catch only keeps the queue
  // going should posting itself fail.
  queue = queue.then(() => answer(event.data)).catch(() => {});
});
