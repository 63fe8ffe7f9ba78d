// Loads the REAL wasm build (build/wasm/itp-core.js + .wasm, the files dist/ ships) in Node.
// The ES6 web/worker build cannot find its .wasm by itself under Node (docs/design.md §8,
// trap 4), so the bytes are handed to the factory, as sql.js tests its browser build.
// ITP_WASM_DIR points the tests at another folder holding the two files (e.g. dist/).
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const wasmDir = process.env.ITP_WASM_DIR
  ? path.resolve(process.env.ITP_WASM_DIR) : path.join(repoRoot, 'build/wasm');

/** @returns {Promise<any>} the emscripten module, with its `Workspace` class */
export async function loadCore() {
  const { default: createCore } = await import(pathToFileURL(path.join(wasmDir, 'itp-core.js')));
  return createCore({ wasmBinary: await readFile(path.join(wasmDir, 'itp-core.wasm')) });
}

/** The example every test starts from: R's survival::aml. */
export const amlPath = path.join(repoRoot, 'examples/aml.csv');

/**
 * A workspace holding every CSV file of a folder, each a table named by its file stem, as the
 * CLI's `--data FOLDER` loads them. The caller deletes the workspace.
 * @param {any} core @param {string} dir
 * @returns {Promise<{workspace: any, tables: string[]}>}
 */
export async function workspaceOfFolder(core, dir) {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.csv')).sort();
  const workspace = new core.Workspace();
  const tables = files.map((f) => f.replace('.csv', ''));
  for (const [i, file] of files.entries()) {
    const loaded = JSON.parse(workspace.loadTable(
      JSON.stringify({ type: 'load_table', name: tables[i], file }),
      await readFile(path.join(dir, file))));
    if (!loaded.ok) {
      workspace.delete();
      throw new Error(`${file} did not load: ${JSON.stringify(loaded)}`);
    }
  }
  return { workspace, tables };
}

/**
 * The core's answer to one request on one CSV file, loaded as table "t" (the request's `table`
 * is filled in), as the survival calculator asks it.
 * @param {any} core @param {string} file  A path, or relative to the repository.
 * @param {object} request  Without `table`.
 * @param {Buffer} [bytes]  The file's bytes when they are not on disk.
 */
export async function answerOn(core, file, request, bytes = undefined) {
  const workspace = new core.Workspace();
  try {
    const loaded = JSON.parse(workspace.loadTable(
      JSON.stringify({ type: 'load_table', name: 't', file: path.basename(file) }),
      bytes ?? await readFile(path.resolve(repoRoot, file))));
    if (!loaded.ok) throw new Error(`${file} did not load: ${JSON.stringify(loaded)}`);
    return JSON.parse(workspace.run(JSON.stringify({ ...request, table: 't' })));
  } finally {
    workspace.delete();
  }
}
