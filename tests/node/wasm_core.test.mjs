// The wasm module as the worker uses it: the Workspace class of wasm/bindings.cpp over the real
// core. Known values are R's (survival 3.x): survdiff(Surv(time, status) ~ x, aml) and
// print(survfit(...)).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';

import { amlPath, loadCore } from './core-loader.mjs';

const AML_REQUEST = { type: 'survival', table: 'aml', time: 'time', event: 'status', group: 'x',
  conf_type: 'log', conf_level: 0.95, times: [12, 24] };

describe('wasm Workspace', () => {
  let core;
  let workspace;
  let amlBytes;

  before(async () => {
    core = await loadCore();
    amlBytes = await readFile(amlPath);
  });
  after(() => workspace?.delete());

  /** Every response must be a JSON object with a boolean ok: the boundary never throws. */
  function parse(text) {
    assert.equal(typeof text, 'string');
    const response = JSON.parse(text);
    assert.equal(typeof response.ok, 'boolean', text);
    return response;
  }

  function load(name, file, bytes) {
    return parse(workspace.loadTable(JSON.stringify({ type: 'load_table', name, file }), bytes));
  }

  test('constructs and answers version', () => {
    workspace = new core.Workspace();
    const response = parse(workspace.run('{"type":"version"}'));
    assert.equal(response.ok, true);
    assert.equal(response.version, '0.1.0');
  });

  test('aml: load_table then survival gives R\'s values', () => {
    const loaded = load('aml', 'aml.csv', new Uint8Array(amlBytes));
    assert.equal(loaded.ok, true, JSON.stringify(loaded));

    const response = parse(workspace.run(JSON.stringify(AML_REQUEST)));
    assert.equal(response.ok, true, JSON.stringify(response.error));
    const { survival } = response;
    assert.equal(survival.conf_type, 'log');
    assert.equal(survival.conf_level, 0.95);
    const byName = Object.fromEntries(survival.groups.map((g) => [g.name, g]));
    assert.deepEqual(Object.keys(byName), ['Maintained', 'Nonmaintained']);

    assert.equal(byName.Maintained.n, 11);
    assert.equal(byName.Maintained.events, 7);
    assert.deepEqual(byName.Maintained.median, { estimate: 31, lower: 18, upper: null });
    assert.equal(byName.Nonmaintained.n, 12);
    assert.equal(byName.Nonmaintained.events, 11);
    assert.deepEqual(byName.Nonmaintained.median, { estimate: 23, lower: 8, upper: null });

    // summary(fit, times = c(12, 24))
    const atTimes = byName.Maintained.at_times;
    assert.deepEqual(atTimes.time, [12, 24]);
    assert.deepEqual(atTimes.n_risk, [10, 6]);
    assert.deepEqual(atTimes.n_event, [1, 3]);
    assert.ok(Math.abs(atTimes.surv[0] - 10 / 11) < 1e-12);

    const { test: logRank } = survival;
    assert.equal(logRank.method, 'log-rank');
    assert.equal(logRank.rho, 0);
    assert.equal(logRank.df, 1);
    assert.ok(Math.abs(logRank.chisq - 3.3963886989776011) < 1e-10, String(logRank.chisq));
    assert.ok(Math.abs(logRank.p - 0.065339322040505132) < 1e-10, String(logRank.p));
    assert.deepEqual(logRank.observed, [7, 11]);
    assert.ok(Math.abs(logRank.expected[0] - 10.689335992300725) < 1e-10);
  });

  test('rho = 1 (Peto-Peto) gives survdiff(..., rho = 1)', () => {
    const response = parse(workspace.run(JSON.stringify({ ...AML_REQUEST, rho: 1 })));
    assert.equal(response.ok, true, JSON.stringify(response.error));
    assert.ok(Math.abs(response.survival.test.chisq - 2.7792795447517733) < 1e-10);
  });

  test('invalid JSON is an error response, not a throw', () => {
    const response = parse(workspace.run('{"type": "survival", '));
    assert.equal(response.ok, false);
    assert.equal(typeof response.error.code, 'string');
    assert.equal(typeof response.error.message, 'string');
  });

  test('an unknown request type is an error response', () => {
    const response = parse(workspace.run('{"type":"no_such_analysis"}'));
    assert.equal(response.ok, false);
    assert.equal(typeof response.error.code, 'string');
    assert.match(response.error.message, /no_such_analysis/);
  });

  test('a request that is not an object, or has no type, is an error response', () => {
    for (const text of ['[]', '42', '"survival"', '{}', '']) {
      const response = parse(workspace.run(text));
      assert.equal(response.ok, false, text);
      assert.equal(typeof response.error.message, 'string', text);
    }
  });

  test('invalid load_table JSON is an error response', () => {
    const response = parse(workspace.loadTable('not json', new Uint8Array(amlBytes)));
    assert.equal(response.ok, false);
    assert.equal(typeof response.error.message, 'string');
  });

  test('an unterminated quote fails the load, naming row and column', () => {
    const csv = 'time,status,x\n5,1,a\n7,1,"unclosed\n9,0,b\n';
    const response = load('bad', 'bad.csv', new TextEncoder().encode(csv));
    assert.equal(response.ok, false);
    assert.equal(response.error.file, 'bad.csv');
    assert.equal(response.error.row, 3);  // header = row 1, as a spreadsheet shows it
    assert.equal(response.error.column, 'x');
  });

  test('bytes pass as Uint8Array, ArrayBuffer and a Uint8Array view into a larger buffer', () => {
    const run = (name) => parse(workspace.run(JSON.stringify({ ...AML_REQUEST, table: name })));
    const reference = run('aml');

    const copy = new Uint8Array(amlBytes);
    assert.equal(load('aml_u8', 'aml.csv', copy).ok, true);
    assert.deepEqual(run('aml_u8').survival, reference.survival);

    assert.equal(load('aml_ab', 'aml.csv', copy.slice().buffer).ok, true);
    assert.deepEqual(run('aml_ab').survival, reference.survival);

    // A view with an offset: only the viewed bytes may be copied (Node's Buffer pool does this).
    const padded = new Uint8Array(copy.length + 20).fill(0x21);
    padded.set(copy, 10);
    assert.equal(load('aml_view', 'aml.csv', padded.subarray(10, 10 + copy.length)).ok, true);
    assert.deepEqual(run('aml_view').survival, reference.survival);
  });

  test('non-ASCII bytes and names survive the boundary (UTF-8 and Windows-1252)', () => {
    const utf8 = 'délai,décès,bras\n5,1,Maintenu é\n8,0,Maintenu é\n6,1,Arrêt\n9,1,Arrêt\n';
    assert.equal(load('fr', 'fr.csv', new TextEncoder().encode(utf8)).ok, true);
    const response = parse(workspace.run(JSON.stringify({ type: 'survival', table: 'fr',
      time: 'délai', event: 'décès', group: 'bras' })));
    assert.equal(response.ok, true, JSON.stringify(response.error));
    assert.deepEqual(response.survival.groups.map((g) => g.name).sort(), ['Arrêt', 'Maintenu é']);

    // The same text in Windows-1252 (é = 0xE9): the core converts it, embind must not mangle it.
    const latin = Uint8Array.from(utf8.replace(/[^\x00-\xff]/g, '?'), (c) => c.charCodeAt(0));
    assert.equal(load('fr1252', 'fr1252.csv', latin).ok, true);
    const again = parse(workspace.run(JSON.stringify({ type: 'survival', table: 'fr1252',
      time: 'délai', event: 'décès', group: 'bras' })));
    assert.equal(again.ok, true, JSON.stringify(again.error));
    assert.deepEqual(again.survival.groups.map((g) => g.name).sort(), ['Arrêt', 'Maintenu é']);
  });

  test('a table larger than the initial 16 MB memory loads (memory growth)', () => {
    // Wide rows keep the row count (and the test's time) small while the bytes pass 16 MB.
    const note = 'n'.repeat(48);
    const rows = 400_000;
    const lines = ['time,status,x,note'];
    for (let i = 0; i < rows; i += 1) {
      lines.push(`${(i * 7919) % 1000 + 0.5},${i % 3 === 0 ? 0 : 1},${i % 2 ? 'A' : 'B'},${note}`);
    }
    const bytes = new TextEncoder().encode(`${lines.join('\n')}\n`);
    assert.ok(bytes.length > 16 * 1024 * 1024);
    assert.equal(load('big', 'big.csv', bytes).ok, true);
    const response = parse(workspace.run(JSON.stringify({ type: 'survival', table: 'big',
      time: 'time', event: 'status', group: 'x' })));
    assert.equal(response.ok, true, JSON.stringify(response.error));
    assert.equal(response.survival.groups.reduce((n, g) => n + g.n, 0), rows);
    // Re-read the view after the calls: growth replaces the buffer (trap 6).
    assert.ok(core.HEAPU8.length > 16 * 1024 * 1024);
  });

  test('a missing table or column is an error response', () => {
    const noTable = parse(workspace.run(JSON.stringify({ ...AML_REQUEST, table: 'nope' })));
    assert.equal(noTable.ok, false);
    const noColumn = parse(workspace.run(JSON.stringify({ ...AML_REQUEST, time: 'nope' })));
    assert.equal(noColumn.ok, false);
  });

  test('bytes of the wrong type are an error response, not bytes', () => {
    const response = parse(workspace.loadTable(
      JSON.stringify({ type: 'load_table', name: 'x', file: 'x.csv' }), 42));
    assert.equal(response.ok, false);
    assert.equal(response.error.code, 'bad_request');
    assert.throws(() => workspace.run(42), { name: 'BindingError' });
  });

  test('bytes arrive alike as a Uint8Array, an ArrayBuffer or a string', () => {
    const request = JSON.stringify({ type: 'load_table', name: 'same', file: 'same.csv' });
    const text = 'time,status\n1,1\n2,0\n';
    const bytes = new TextEncoder().encode(text);
    const answers = [bytes, bytes.buffer, text].map((b) => parse(workspace.loadTable(request, b)));
    for (const answer of answers) assert.deepEqual(answer, answers[0]);
    assert.equal(answers[0].table.rows, 2);
  });
});
