// The page's side of the worker protocol (./protocol.js): turns messages into promises and keeps
// a worker alive. A worker that dies (a wasm trap, an 'error' event) takes its loaded tables
// with it, so the client starts a new one, fails the calls in flight and tells the page, which
// must load its tables again.

/** @typedef {import('./protocol.js').WorkerResponse} WorkerResponse */
/** @typedef {import('./protocol.js').WorkerError} WorkerError */
/** @typedef {import('./protocol.js').CoreResponse} CoreResponse */
/** @typedef {import('./protocol.js').CoreRequest} CoreRequest */
/** @typedef {import('./protocol.js').LoadTablePayload} LoadTablePayload */

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
    /** @type {Map<number, {resolve: (r: CoreResponse) => void, reject: (e: Error) => void}>} */
    this.pending = new Map();
    /** @type {Worker | null} */
    this.worker = null;
    this.start();
  }

  start() {
    const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
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

  /** @param {WorkerResponse} response */
  receive(response) {
    const call = this.pending.get(response.id);
    if (!call) return;
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
   * @param {'loadTable' | 'run'} type
   * @param {unknown} payload
   * @param {Transferable[]} [transfer]
   * @returns {Promise<CoreResponse>}
   */
  call(type, payload, transfer = []) {
    if (!this.worker) {
      return Promise.reject(new WorkerFailed({ name: 'WorkerUnavailable',
        message: 'the calculator could not be restarted; reload the page' }));
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, type, payload }, transfer);
    });
  }

  /**
   * Loads a file's bytes as a table. The ArrayBuffer is transferred: the caller loses it.
   * @param {LoadTablePayload & {bytes: ArrayBuffer}} payload
   */
  loadTable(payload) {
    return this.call('loadTable', payload, [payload.bytes]);
  }

  /** @param {CoreRequest} request */
  run(request) {
    return this.call('run', request);
  }
}
