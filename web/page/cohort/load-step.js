// The cohort mode's load step (main thread): files dropped or picked (CSV, TSV, XLSX; several at
// once) or the example cohort, each loaded into the worker (a workbook as one table per sheet)
// and listed with its size or why it failed. The files are kept, to load them again into a new
// worker should the first one die.
import { t } from '../i18n/index.js';
import { $, busy, el, fileProgress, say } from '../page-kit.js';

/** @typedef {import('../core-client.js').LoadedFile} LoadedFile */

// The example cohort's English files (examples/cohort/en, copied into dist/ by scripts/build).
const EXAMPLE_FILES = ['patients', 'platelets', 'infusions', 'treatments', 'adverse_events', 'labs']
  .map((name) => `examples/cohort/en/${name}.csv`);

/**
 * @param {object} context
 * @param {import('../core-client.js').CoreClient} context.client
 * @param {() => string} context.lang
 * @param {(work: () => Promise<void>) => Promise<void>} context.guarded
 * @param {() => Promise<void>} context.onLoaded  Goes on to the check step.
 */
export function createLoadStep({ client, lang, guarded, onLoaded }) {
  /** @type {Map<string, {source: File | ArrayBuffer, loaded: LoadedFile}>} by file name */
  const files = new Map();

  /** The tables the worker holds now, by the names later requests give them. */
  const tableNames = () => [...files.values()]
    .flatMap(({ loaded }) => loaded.tables.filter((table) => table.result.ok)
      .map((table) => table.name));

  /**
   * @param {File | ArrayBuffer} source
   * @param {string} fileName
   * @param {(report: {phase: 'read' | 'check', done: number, total: number}) => void} [onProgress]
   */
  async function addFile(source, fileName, onProgress = undefined) {
    // Keep a copy: loadFile transfers an ArrayBuffer to the worker.
    const kept = source instanceof ArrayBuffer ? source.slice(0) : source;
    const loaded = await client.loadFile(source, fileName, onProgress);
    files.set(fileName, { source: kept, loaded });
  }

  /**
   * The files one after the other, the progress bar crossing them all once, each file's part
   * as large as its share of the bytes (a registry's platelet counts dwarf its patients).
   * @param {File[]} list
   */
  async function addFiles(list) {
    const bytes = list.reduce((sum, file) => sum + file.size, 0);
    busy(`${t('status.reading', lang())} ${list.map((f) => f.name).join(', ')} `
      + `(${(bytes / 2 ** 20).toFixed(1)} MB)`);
    let before = 0;
    for (const file of list) {
      const share = { start: before / Math.max(bytes, 1), width: file.size / Math.max(bytes, 1) };
      await addFile(file, file.name, fileProgress(file.name, lang(), share));
      before += file.size;
    }
    render();
    say(t('status.done', lang()));
  }

  function render() {
    const items = [];
    for (const [fileName, { loaded }] of files) {
      if (!loaded.ok) {
        items.push(el('li', { class: 'error' }, loaded.error?.message ?? fileName));
        continue;
      }
      for (const table of loaded.tables) {
        const r = table.result;
        items.push(r.ok
          ? el('li', {}, `${r.table.file}: ${r.table.rows} × ${r.table.columns.length}`)
          : el('li', { class: 'error' }, r.error.message));
      }
    }
    $('loaded-files').replaceChildren(...items);
    $('files-heading').textContent = t('load.files', lang(), { count: files.size });
    /** @type {HTMLButtonElement} */ ($('to-check')).disabled = tableNames().length === 0;
  }

  $('cohort-files').addEventListener('change', (event) => guarded(async () => {
    const input = /** @type {HTMLInputElement} */ (event.target);
    await addFiles([...(input.files ?? [])]);
    input.value = '';
  }));

  const zone = $('drop-zone');
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('over');
    guarded(() => addFiles([...(event.dataTransfer?.files ?? [])]));
  });

  $('open-example').addEventListener('click', () => guarded(async () => {
    busy(t('status.loadingExample', lang()));
    for (const url of EXAMPLE_FILES) {
      // Relative URLs: the site may be served from a sub-folder.
      const reply = await fetch(url);
      const name = url.split('/').pop();
      if (!reply.ok) {
        throw new Error(t('error.fetchExample', lang(), { file: name, status: reply.status }));
      }
      await addFile(await reply.arrayBuffer(), name);
    }
    render();
    await onLoaded();
  }));

  $('to-check').addEventListener('click', () => guarded(onLoaded));

  render();

  return {
    tableNames,
    /** Lists the files again (in a new language). */
    render,
    /** The worker was restarted: its tables are gone, load the files again. */
    async reload() {
      const kept = [...files.entries()];
      files.clear();
      for (const [name, { source }] of kept) {
        await addFile(source instanceof ArrayBuffer ? source.slice(0) : source, name);
      }
      render();
    },
    /** The worker is ready: the example may be opened. */
    ready() {
      /** @type {HTMLButtonElement} */ ($('open-example')).disabled = false;
    },
  };
}
