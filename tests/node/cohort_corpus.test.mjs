// The corpus of bad and odd cohort inputs (tests/data/cohort/<case>/): each case's files are
// imported by the CLI and by the real wasm module with the request in its case.json, the two
// answers must be the same bytes, and the answer must give exactly the error or the warnings
// (code, file, row, column, whether the row was kept, message) and row counts that the case's
// expected.json holds. Those files were written by UPDATE_EXPECTED=1 and then read line by
// line against the input files; a change to them is a change of behaviour, to be reviewed.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';

import { loadCore, repoRoot } from './core-loader.mjs';

const cli = process.env.ITP_CLI ?? path.join(repoRoot, 'build/release/itp-analyze');
const corpus = path.join(repoRoot, 'tests/data/cohort');
const update = process.env.UPDATE_EXPECTED === '1';

/** What a case must give: the parts of the answer a user reads. */
function essentials(response) {
  if (!response.ok) return { ok: false, error: response.error };
  return {
    ok: true,
    tables: response.cohort.tables.map((t) => ({ name: t.name, role: t.role, role_from: t.role_from,
      rows: t.rows })),
    ignored_tables: response.cohort.ignored_tables,
    warnings: response.warnings,
  };
}

const cases = (await readdir(corpus, { withFileTypes: true }))
  .filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();

describe('cohort import corpus', () => {
  let core;
  let tmp;
  before(async () => {
    core = await loadCore();
    tmp = await mkdtemp(path.join(os.tmpdir(), 'itp-corpus-'));
  });
  after(() => {});

  for (const name of cases) {
    test(name, async () => {
      const dir = path.join(corpus, name);
      const spec = JSON.parse(await readFile(path.join(dir, 'case.json'), 'utf8'));
      const files = (await readdir(dir)).filter((f) => /\.(csv|tsv|txt)$/.test(f)).sort();
      const stems = files.map((f) => f.replace(/\.[^.]+$/, ''));
      const request = { type: 'import_cohort', tables: stems, ...spec.request };

      const requestFile = path.join(tmp, `${name}.json`);
      await writeFile(requestFile, JSON.stringify(request));
      const args = ['run', requestFile, ...files.flatMap((f) => ['--input', path.join(dir, f)])];
      const fromCli = await promisify(execFile)(cli, args, { maxBuffer: 1 << 26 })
        .then((r) => r.stdout, (e) => e.stdout);

      const workspace = new core.Workspace();
      try {
        for (const [i, file] of files.entries()) {
          const bytes = await readFile(path.join(dir, file));
          const loaded = JSON.parse(workspace.loadTable(
            JSON.stringify({ type: 'load_table', name: stems[i], file }), bytes));
          assert.equal(loaded.ok, true, JSON.stringify(loaded));
        }
        const fromWasm = workspace.run(JSON.stringify(request));
        assert.equal(fromCli.trimEnd(), fromWasm, 'the CLI and the wasm module answer alike');

        const got = essentials(JSON.parse(fromWasm));
        const expectedFile = path.join(dir, 'expected.json');
        if (update) await writeFile(expectedFile, `${JSON.stringify(got, null, 1)}\n`);
        const expected = JSON.parse(await readFile(expectedFile, 'utf8'));
        assert.deepEqual(got, expected);
      } finally {
        workspace.delete();
      }
    });
  }
});
