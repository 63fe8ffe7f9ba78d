// The core's thread (a module worker: the wasm glue is an ES6 module, docs/design.md §8, trap 9).
// It owns one wasm instance and one Workspace of loaded tables, and answers the page's
// messages one at a time, so the page never blocks on a computation. The messages are those of
// ../shared/protocol.js; the core's requests and answers those of ../shared/core-api.js.

import { MessageType } from '../shared/protocol.js';
import { loadBlob } from './load-blob.js';

/** @typedef {import('../shared/protocol.js').WorkerRequest} WorkerRequest */
/** @typedef {import('../shared/protocol.js').WorkerResponse} WorkerResponse */
/** @typedef {import('../shared/protocol.js').WorkerError} WorkerError */
/** @typedef {import('../shared/protocol.js').WorkerProgress} WorkerProgress */
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

// V8 first runs a wasm function in baseline code and optimises it only once it has run a while,
// and a call already under way keeps its baseline code to the end: the first large table a tab
// reads would run its loops two to four times slower than the second. So once the page has
// its first answer, the worker reads and analyses a made-up table twice, unseen, which leaves the
// functions of loading a CSV and of a survival analysis optimised. 2 MB, so that it is read in
// several chunks as a real file is (docs/decisions.md, "The page at its best").
const WARM_UP_ROWS = 200000;

/** @param {any} core */
async function warmUp(core) {
  const workspace = new core.Workspace();
  try {
    let seed = 1;
    const random = () => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    const lines = ['time,status,group'];
    for (let i = 0; i < WARM_UP_ROWS; i += 1) {
      lines.push(`${(random() * 3650).toFixed(1)},${random() < 0.7 ? 1 : 0},${'ABC'[i % 3]}`);
    }
    const csv = new Blob([`${lines.join('\n')}\n`]);
    const request = JSON.stringify({ type: 'survival', table: 'warm_up', time: 'time',
      event: 'status', group: 'group', conf_type: 'log', rho: 0, table_rows_max: 2000 });
    for (let pass = 0; pass < 2; pass += 1) {
      await loadBlob(workspace, { type: 'load_table', name: 'warm_up', file: 'warm_up.csv' }, csv,
        () => {});
      workspace.run(request);
    }
  } finally {
    workspace.delete();
  }
}

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
      const isBlob = typeof Blob !== 'undefined' && bytes instanceof Blob;
      if (!(isBlob || bytes instanceof ArrayBuffer || bytes instanceof Uint8Array)) {
        throw new TypeError('loadTable: payload.bytes must be a Blob, an ArrayBuffer or a Uint8Array');
      }
      /** @type {LoadTableRequest} */
      const request = { type: 'load_table', name, file };
      if (delimiter !== undefined) request.delimiter = delimiter;
      // Marks for bench/page_run.mjs: the file into the core's memory, then its rows checked.
      performance.mark('itp-worker-read-start');
      if (isBlob) {
        const answer = await loadBlob(workspace, request, bytes, (phase, done, total) => {
          if (phase === 'read' && done === total) performance.mark('itp-worker-read-end');
          /** @type {WorkerProgress} */
          const report = { id: message.id, progress: { phase, done, total } };
          self.postMessage(report);
        });
        performance.mark('itp-worker-load-end');
        return JSON.parse(answer);
      }
      // embind copies the bytes straight into a std::string: no text decoding, no JSON.
      performance.mark('itp-worker-read-end');
      const answer = workspace.loadTable(JSON.stringify(request), bytes);
      performance.mark('itp-worker-load-end');
      return JSON.parse(answer);
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
      performance.mark('itp-worker-run-start');
      const answer = workspace.run(json);
      performance.mark('itp-worker-run-end');
      return JSON.parse(answer);
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
let warming = false;
self.addEventListener('message', (event) => {
  // answer() turns every failure of a request into a response; the catch only keeps the queue
  // going should posting itself fail.
  queue = queue.then(() => answer(event.data)).catch(() => {});
  if (!warming) {
    // After the first answer, so the page says it is ready without waiting; a request sent
    // meanwhile waits for the warm-up (a few tenths of a second at most).
    warming = true;
    // The marks tell bench/page_run.mjs how long it took and when the worker is free again.
    queue = queue.then(() => ready).then(({ core }) => {
      performance.mark('itp-worker-warm-start');
      return warmUp(core);
    }).then(() => performance.mark('itp-worker-warm-end')).catch(() => {});
  }
});
