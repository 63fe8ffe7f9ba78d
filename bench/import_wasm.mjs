// The cohort import in the real wasm module under Node, as the page's worker runs it: each file
// loaded with loadTable, then one import_cohort request. Prints seconds for the load and the
// import, and the module's linear memory (which only grows, so its final size is its peak).
//   node bench/import_wasm.mjs DIR      (DIR holds patients.csv and platelets.csv)
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { loadCore } from '../tests/node/core-loader.mjs';

const dir = process.argv[2];
const core = await loadCore();
const workspace = new core.Workspace();
const files = ['patients.csv', 'platelets.csv'];
let bytes = 0;
const started = performance.now();
for (const file of files) {
  const data = await readFile(path.join(dir, file));
  bytes += data.length;
  const loaded = JSON.parse(workspace.loadTable(
    JSON.stringify({ type: 'load_table', name: file.replace('.csv', ''), file }), data));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
}
const loadedAt = performance.now();
const memoryAfterLoad = core.HEAP8.buffer.byteLength;
const response = workspace.run(JSON.stringify({ type: 'import_cohort' }));
const done = performance.now();
if (!response.startsWith('{"ok":true')) throw new Error(response.slice(0, 500));
const memory = core.HEAP8.buffer.byteLength;
console.log(JSON.stringify({
  file_mb: bytes / 2 ** 20,
  load_s: (loadedAt - started) / 1000,
  import_s: (done - loadedAt) / 1000,
  wasm_memory_after_load_mb: memoryAfterLoad / 2 ** 20,
  wasm_memory_mb: memory / 2 ** 20,
  memory_per_file: memory / bytes,
  answer_mb: response.length / 2 ** 20,
}));
workspace.delete();
