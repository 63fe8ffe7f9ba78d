// The core's thread (a module worker: the wasm glue is an ES6 module, shared/README.md trap 9).
// It owns one wasm instance and one Workspace of loaded tables, and answers the page's
// messages one at a time, so the page never blocks on a computation. Shapes: ./protocol.js.

/** @typedef {import('./protocol.js').WorkerRequest} WorkerRequest */
/** @typedef {import('./protocol.js').WorkerResponse} WorkerResponse */
/** @typedef {import('./protocol.js').WorkerError} WorkerError */

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
 * @returns {Promise<import('./protocol.js').CoreResponse>}
 */
async function handle(message) {
  const { workspace } = await ready;
  switch (message.type) {
    case 'loadTable': {
      const { name, file, bytes, delimiter } = message.payload;
      if (!(bytes instanceof ArrayBuffer || bytes instanceof Uint8Array)) {
        throw new TypeError('loadTable: payload.bytes must be an ArrayBuffer or Uint8Array');
      }
      const request = { type: 'load_table', name, file };
      if (delimiter !== undefined) request.delimiter = delimiter;
      // embind copies the bytes straight into a std::string: no text decoding, no JSON.
      return JSON.parse(workspace.loadTable(JSON.stringify(request), bytes));
    }
    case 'run': {
      const { payload } = message;
      const json = typeof payload === 'string' ? payload : JSON.stringify(payload);
      return JSON.parse(workspace.run(json));
    }
    default:
      throw new TypeError(`unknown message type: ${String(/** @type {any} */ (message).type)}`);
  }
}

self.addEventListener('message', async (event) => {
  /** @type {WorkerRequest} */
  const message = event.data;
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
});
