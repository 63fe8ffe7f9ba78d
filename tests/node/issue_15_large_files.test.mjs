// Issue 15: a large file read into the core in chunks, as the page's worker reads a File
// (web/worker/worker.js: beginTable, appendBytes per chunk, finishTable with a progress
// callback). The table and every answer must be byte for byte those of loadTable with the whole
// file (which tests/node/cli_parity.test.mjs holds to the native CLI); the progress fractions
// come in order and end at the whole text; a file over the tab's limit is refused by its size
// before a byte is read, with the size and the limit in the message.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { loadBlob } from '../../web/worker/load-blob.js';
import { loadCore } from './core-loader.mjs';

/** bench/make_data.awk's shape: three groups, times with one decimal, about 70 % events. */
function cohortCsv(rows) {
  let seed = 20260101;
  const random = () => {
    seed = (seed * 48271) % 2147483647;
    return seed / 2147483647;
  };
  const lines = ['time,status,group'];
  for (let i = 0; i < rows; i += 1) {
    const g = Math.floor(random() * 3);
    lines.push(`${(random() * 3650 * [1, 0.85, 0.7][g]).toFixed(1)},${random() < 0.7 ? 1 : 0},`
      + `${'ABC'[g]}`);
  }
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

const SURVIVAL = (table) => JSON.stringify({ type: 'survival', table, time: 'time',
  event: 'status', group: 'group', conf_type: 'log', rho: 0, table_rows_max: 2000 });
const LOAD = (name, file) => JSON.stringify({ type: 'load_table', name, file });

/** A Blob as the worker sees a File: its size, and a stream of chunks of `chunk` bytes. */
const blobOf = (bytes, chunk) => ({
  size: bytes.length,
  stream: () => new ReadableStream({
    start(controller) {
      for (let start = 0; start < bytes.length; start += chunk) {
        controller.enqueue(bytes.subarray(start, start + chunk));
      }
      controller.close();
    },
  }),
});

describe('issue 15: a file read in chunks', () => {
  let core;
  let workspace;
  before(async () => {
    core = await loadCore();
    workspace = new core.Workspace();
  });
  after(() => workspace?.delete());

  test('gives the same table and answers as the whole file, with progress in order to the end',
    () => {
      const bytes = cohortCsv(900000);  // about 9 MB: a progress report per 4 MB, then the end
      const whole = workspace.loadTable(LOAD('whole', 'cohort.csv'), bytes);

      const reports = [];
      assert.equal(workspace.beginTable(LOAD('chunked', 'cohort.csv'), bytes.length), '');
      const CHUNK = 65536;
      for (let start = 0; start < bytes.length; start += CHUNK) {
        assert.equal(workspace.appendBytes(bytes.subarray(start, start + CHUNK)), '');
      }
      const chunked = workspace.finishTable(LOAD('chunked', 'cohort.csv'),
        (done, total) => reports.push([done, total]));

      assert.equal(chunked.replace('"chunked"', '"whole"'), whole);
      assert.ok(reports.length >= 3, `${reports.length} progress reports`);
      for (let i = 0; i < reports.length; i += 1) {
        const [done, total] = reports[i];
        assert.equal(total, bytes.length);
        assert.ok(done <= total);
        if (i > 0) assert.ok(done > reports[i - 1][0], 'fractions only grow');
      }
      assert.deepEqual(reports.at(-1), [bytes.length, bytes.length], 'the last one is the whole');

      const answer = workspace.run(SURVIVAL('chunked'));
      assert.match(answer, /^\{"ok":true/);
      assert.equal(answer, workspace.run(SURVIVAL('whole')));
    });

  test('without a progress function, and for a file in one chunk', () => {
    const bytes = cohortCsv(1000);
    assert.equal(workspace.beginTable(LOAD('small', 'small.csv'), bytes.length), '');
    assert.equal(workspace.appendBytes(bytes), '');
    const loaded = JSON.parse(workspace.finishTable(LOAD('small', 'small.csv'), undefined));
    assert.equal(loaded.ok, true);
    assert.equal(loaded.table.rows, 1000);
  });

  test('a file too large for the tab is refused by its size, before it is read', () => {
    const refusal = JSON.parse(workspace.beginTable(LOAD('huge', 'registry.csv'), 1.5 * 2 ** 30));
    assert.equal(refusal.ok, false);
    assert.equal(refusal.error.code, 'file_too_large');
    assert.match(refusal.error.message, /^registry\.csv is 1\.5 GB; this page reads files of at most 1\.0 GB/);
    assert.match(refusal.error.message, /itp-analyze/);
    // Past 4 GB too (the size travels as a JS number, not a 32-bit integer).
    assert.match(JSON.parse(workspace.beginTable(LOAD('huge', 'registry.csv'), 5 * 2 ** 30))
      .error.message, /is 5\.0 GB/);
    // Nothing was loaded, and the workspace still works.
    assert.equal(JSON.parse(workspace.run(SURVIVAL('huge'))).error.code, 'unknown_table');
    assert.match(workspace.run(SURVIVAL('small')), /^\{"ok":true/);
  });

  test('an error in the text is the same answer as with the whole file', () => {
    const bytes = new TextEncoder().encode('time,status\n1,"1\n');
    const whole = workspace.loadTable(LOAD('bad', 'bad.csv'), bytes);
    assert.equal(workspace.beginTable(LOAD('bad', 'bad.csv'), bytes.length), '');
    assert.equal(workspace.appendBytes(bytes), '');
    assert.equal(workspace.finishTable(LOAD('bad', 'bad.csv'), () => {}), whole);
    assert.equal(JSON.parse(whole).error.code, 'unterminated_quote');
  });

  test('tells of the reading every 5 %, in order, to the whole, however small the chunks',
    async () => {
      const bytes = cohortCsv(20000);
      const reports = [];
      const answer = await loadBlob(workspace, { type: 'load_table', name: 'streamed',
        file: 'cohort.csv' }, blobOf(bytes, 97), (phase, done, total) => reports.push({ phase,
        done, total }));
      assert.equal(answer.replace('"streamed"', '"whole"'),
        workspace.loadTable(LOAD('whole', 'cohort.csv'), bytes));
      const read = reports.filter((r) => r.phase === 'read').map((r) => r.done);
      // 2,000 chunks: one report per twentieth of the file (a chunk may end just short of one).
      assert.ok(read.length >= 19 && read.length <= 20, `${read.length} reading reports`);
      assert.deepEqual(read, [...read].sort((a, b) => a - b));
      assert.equal(read.at(-1), bytes.length);
      const checked = reports.filter((r) => r.phase === 'check');
      assert.ok(checked.length >= 1);
      assert.equal(reports.findIndex((r) => r.phase === 'check'), read.length, 'read, then check');
      assert.deepEqual(checked.at(-1), { phase: 'check', done: bytes.length, total: bytes.length });
    });

  test('refuses a file too large for the tab without reading it', async () => {
    const huge = { size: 1.5 * 2 ** 30, stream: () => assert.fail('the file was read') };
    const refusal = JSON.parse(await loadBlob(workspace, { type: 'load_table', name: 'huge',
      file: 'registry.csv' }, huge, () => assert.fail('progress for a refused file')));
    assert.equal(refusal.error.code, 'file_too_large');
  });
});
