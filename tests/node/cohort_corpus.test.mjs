// The corpus of bad and odd cohort inputs (tests/data/cohort/<case>/): each case's files are
// imported by the CLI and by the real wasm module with the request in its case.json, and the two
// answers must be the same bytes. Then the answer is checked twice:
//
//  - against hand.json, written by a person from the input files and the data contract (README,
//    docs/decisions.md), never by the code: the error (code, file, row, column, what its message
//    names) or every warning (code, file, row, column, whether its row was kept, each with a
//    `why` pointing at the cell), and per table its role and the rows read, kept and set aside
//    by reason. Warnings are compared as a set: their order is the code's business.
//  - against expected.json, a snapshot of the parts a user reads, messages included, written by
//    UPDATE_EXPECTED=1 (which never touches hand.json); a change to it is a change of behaviour,
//    to be reviewed.
//
// ITP_CORPUS_DIR points the test at another corpus folder (tests/canary/corpus plants a bug in
// a copy and checks that this test fails).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';

import { loadCore, repoRoot } from './core-loader.mjs';

const cli = process.env.ITP_CLI ?? path.join(repoRoot, 'build/release/itp-analyze');
const corpus = path.resolve(process.env.ITP_CORPUS_DIR ?? path.join(repoRoot, 'tests/data/cohort'));
const update = process.env.UPDATE_EXPECTED === '1';

/** What a case must give: the parts of the answer a user reads (expected.json). */
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

/** Where a warning points and what became of its row: what a hand reading can say. */
const place = (w) => ({ code: w.code, file: w.file ?? null, row: w.row ?? null,
  column: w.column ?? null, kept: w.kept ?? null });
const byPlace = (a, b) => {
  const ka = JSON.stringify([a.file, a.row ?? 0, a.column, a.code]);
  const kb = JSON.stringify([b.file, b.row ?? 0, b.column, b.code]);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};
const sum = (counts) => Object.values(counts).reduce((s, n) => s + n, 0);

/** Checks the core's answer against a case's hand.json. */
function checkHand(response, hand) {
  assert.equal(typeof hand.read_by, 'string', 'hand.json says who read the files');
  assert.equal(response.ok, hand.ok, `ok: ${JSON.stringify(response.error ?? null)}`);
  if (!hand.ok) {
    const { error } = response;
    const want = hand.error;
    assert.ok(want.why, 'the hand error has a why');
    assert.deepEqual({ code: error.code, file: error.file ?? null, row: error.row ?? null,
      column: error.column ?? null },
    { code: want.code, file: want.file, row: want.row, column: want.column });
    for (const part of want.message_names ?? []) {
      assert.ok(error.message.includes(part), `the error's message names ${part}: ${error.message}`);
    }
    return;
  }

  // Tables: role, rows read, kept and set aside by reason.
  for (const t of hand.tables) {
    assert.ok(t.why, `table ${t.name}: a why`);
    assert.equal(t.read - t.kept, sum(t.set_aside), `hand.json, table ${t.name}: read - kept = set aside`);
  }
  // A table's role comes from its name unless hand.json says otherwise.
  const got = response.cohort.tables.map((t) => ({ name: t.name, role: t.role,
    role_from: t.role_from, read: t.rows.read, kept: t.rows.kept, set_aside: t.rows.set_aside }));
  const want = hand.tables.map((t) => ({ name: t.name, role: t.role,
    role_from: t.role_from ?? 'name', read: t.read, kept: t.kept, set_aside: t.set_aside }));
  const byName = (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  assert.deepEqual(got.sort(byName), want.sort(byName), 'tables: role, rows read, kept, set aside');
  assert.deepEqual(response.cohort.ignored_tables.map((t) => t.name).sort(),
    [...hand.ignored_tables].sort(), 'tables left out');

  // Warnings: the same set of places.
  for (const w of hand.warnings) assert.ok(w.why, `warning ${JSON.stringify(place(w))}: a why`);
  assert.deepEqual(response.warnings.map(place).sort(byPlace), hand.warnings.map(place).sort(byPlace),
    'warnings: code, file, row, column, kept');

  // Every row a table sets aside is one warning's row, said set aside, and no more.
  for (const t of response.cohort.tables) {
    const setAside = new Set(response.warnings
      .filter((w) => w.file === t.file && w.kept === false).map((w) => w.row));
    assert.equal(setAside.size, t.rows.read - t.rows.kept,
      `${t.file}: the rows set aside are the rows of the warnings with kept false`);
  }
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
  after(() => rm(tmp, { recursive: true, force: true }));

  test('the corpus has cases', () => assert.ok(cases.length > 0, `no case in ${corpus}`));

  for (const name of cases) {
    describe(name, () => {
      const dir = path.join(corpus, name);
      let answer;
      before(async () => {
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
          answer = { fromCli: fromCli.trimEnd(), fromWasm, response: JSON.parse(fromWasm) };
        } finally {
          workspace.delete();
        }
      });

      test('the CLI and the wasm module answer alike', () => {
        assert.equal(answer.fromCli, answer.fromWasm);
      });

      test('as read by hand (hand.json)', async () => {
        const hand = JSON.parse(await readFile(path.join(dir, 'hand.json'), 'utf8'));
        checkHand(answer.response, hand);
      });

      test('as expected.json holds', async () => {
        const got = essentials(answer.response);
        const expectedFile = path.join(dir, 'expected.json');
        if (update) await writeFile(expectedFile, `${JSON.stringify(got, null, 1)}\n`);
        const expected = JSON.parse(await readFile(expectedFile, 'utf8'));
        assert.deepEqual(got, expected);
      });
    });
  }
});
