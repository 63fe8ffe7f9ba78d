// The native CLI and the wasm module must print the same bytes for the same request: one core,
// two builds (g++/glibc and clang/musl under emcc). A difference means a platform-dependent
// number (a libm ulp, a printf) leaked into a result. The CLI loads FILE as table = file stem,
// file = base name, then runs the request; the wasm side does the same through the binding.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';

import { amlPath, loadCore, repoRoot } from './core-loader.mjs';

const cli = process.env.ITP_CLI ?? path.join(repoRoot, 'build/release/itp-analyze');

/**
 * A deterministic awkward cohort: fractional and tied times, three groups, censoring at ties,
 * so that logs, square roots and quantile limits of every kind get exercised.
 */
function syntheticCsv(seed = 12345, grid = 10) {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const lines = ['months,dead,arm'];
  for (let i = 0; i < 157; i += 1) {
    const time = Math.round(next() * 60 * grid) / grid;  // ties on a 1/grid grid
    lines.push(`${time},${next() < 0.7 ? 1 : 0},${['A', 'B', 'C'][i % 3]}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Each case: the CLI's arguments after `survival --input FILE`, and the equivalent request.
 * @type {{file: string, args: string[], request: object}[]}
 */
function cases(syntheticPath) {
  const aml = (args, request) => ({ file: amlPath, args: ['--time', 'time', '--event', 'status',
    ...args], request: { type: 'survival', table: 'aml', time: 'time', event: 'status',
    ...request } });
  const list = [
    aml(['--group', 'x'], { group: 'x' }),
    aml([], {}),
    aml(['--group', 'x', '--times', '6,12,24'], { group: 'x', times: [6, 12, 24] }),
    aml(['--times', '0,12,24,200'], { times: [0, 12, 24, 200] }),
    aml(['--group', 'x', '--rho', '1'], { group: 'x', rho: 1 }),
    aml(['--group', 'x', '--rmst-tau', '40'], { group: 'x', rmst_tau: 40 }),
    aml(['--group', 'x', '--conf-level', '0.9'], { group: 'x', conf_level: 0.9 }),
  ];
  for (const type of ['log', 'log-log', 'plain', 'logit', 'arcsin', 'none']) {
    list.push(aml(['--group', 'x', '--conf-type', type, '--times', '10,30'],
      { group: 'x', conf_type: type, times: [10, 30] }));
  }
  const synthetic = (args, request) => ({ file: syntheticPath,
    args: ['--time', 'months', '--event', 'dead', ...args],
    request: { type: 'survival', table: 'synthetic', time: 'months', event: 'dead', ...request } });
  list.push(synthetic(['--group', 'arm'], { group: 'arm' }));
  list.push(synthetic(['--group', 'arm', '--conf-type', 'log-log', '--conf-level', '0.99',
    '--times', '1.5,10,33.3', '--rho', '0.5'],
  { group: 'arm', conf_type: 'log-log', conf_level: 0.99, times: [1.5, 10, 33.3], rho: 0.5 }));
  list.push(synthetic(['--conf-type', 'logit'], { conf_type: 'logit' }));
  // Pairwise tests, the test for trend and a landmark (issue 14).
  list.push(synthetic(['--group', 'arm', '--pairwise', 'holm', '--trend'],
    { group: 'arm', pairwise: 'holm', trend: true }));
  list.push(synthetic(['--group', 'arm', '--pairwise', 'BH', '--trend-scores', '1,2,4', '--rho', '1'],
    { group: 'arm', pairwise: 'BH', trend_scores: [1, 2, 4], rho: 1 }));
  list.push(synthetic(['--group', 'arm', '--landmark', '6', '--times', '3,12', '--rmst-tau', '20'],
    { group: 'arm', landmark: 6, times: [3, 12], rmst_tau: 20 }));
  // Continuous times and odd levels: every limit and p-value goes through exp, log, asin.
  const types = ['log', 'log-log', 'plain', 'logit', 'arcsin'];
  for (let i = 0; i < randomCount; i += 1) {
    const level = String(0.5 + ((i * 0.0137) % 0.49));
    const rho = String((i % 4) * 0.5);
    list.push({ file: randomPath(i), args: ['--time', 'months', '--event', 'dead', '--group',
      'arm', '--conf-type', types[i % 5], '--conf-level', level, '--rho', rho, '--times', '3,17.5'],
    request: { type: 'survival', table: `random-${i}`, time: 'months', event: 'dead',
      group: 'arm', conf_type: types[i % 5], conf_level: Number(level), rho: Number(rho),
      times: [3, 17.5] } });
  }
  // Large enough for the CLI to read its rows on several threads (200,000 rows a range) while
  // the module reads them in one pass: ids, labels, warnings and caps must join up the same.
  list.push({ file: largePath(), args: ['--time', 'months', '--event', 'dead', '--group', 'arm',
    '--strata', 'site', '--times', '6,12'],
  request: { type: 'survival', table: 'large', time: 'months', event: 'dead', group: 'arm',
    strata: 'site', times: [6, 12] } });
  return list;
}

/** 450,000 rows with a late new group, late new times, and bad cells scattered over ranges. */
function largeCsv() {
  let state = 777;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const rows = 450000;
  const lines = ['months,dead,arm,site'];
  for (let i = 0; i < rows; i += 1) {
    const late = i > rows * 0.8;
    const time = late ? (Math.round(next() * 900) / 10 + 60).toFixed(1) : (Math.round(next() * 600) / 10).toString();
    const dead = next() < 0.7 ? 1 : 0;
    const arm = late && i % 7 === 0 ? 'D' : ['A', 'B', 'C'][i % 3];
    const site = i % 97 === 0 ? '' : `S${i % 4}`;
    const bad = i % 10007 === 0 ? 'NA' : i % 13001 === 0 ? 'x' : null;
    lines.push(`${bad ?? time},${i % 15013 === 0 ? 'maybe' : dead},${i % 20011 === 0 ? '' : arm},${site}`);
  }
  return `${lines.join('\n')}\n`;
}

const randomCount = 30;
let randomDir = '';
const randomPath = (i) => path.join(randomDir, `random-${i}.csv`);
const largePath = () => path.join(randomDir, 'large.csv');

describe('native CLI and wasm give byte-identical JSON', () => {
  let core;
  let dir;
  let syntheticPath;

  before(async () => {
    assert.ok(existsSync(cli), `${cli} is missing: build it first (scripts/build)`);
    core = await loadCore();
    dir = await mkdtemp(path.join(os.tmpdir(), 'itp-parity-'));
    syntheticPath = path.join(dir, 'synthetic.csv');
    await writeFile(syntheticPath, syntheticCsv());
    randomDir = dir;
    for (let i = 0; i < randomCount; i += 1) {
      await writeFile(randomPath(i), syntheticCsv(1000 + i, 1e9));
    }
    await writeFile(largePath(), largeCsv());
  });
  after(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('every case', async (t) => {
    for (const { file, args, request } of cases(syntheticPath)) {
      await t.test(`${path.basename(file)} ${args.join(' ')}`, async () => {
        const { stdout } = await promisify(execFile)(cli, ['survival', '--input', file, ...args],
          { encoding: 'buffer', maxBuffer: 64 << 20 });

        const workspace = new core.Workspace();
        try {
          const name = path.basename(file, path.extname(file));
          const loaded = workspace.loadTable(
            JSON.stringify({ type: 'load_table', name, file: path.basename(file) }),
            await readFile(file));
          assert.equal(JSON.parse(loaded).ok, true, loaded);
          const wasm = Buffer.from(workspace.run(JSON.stringify(request)), 'utf8');

          // The CLI ends its document with one newline; everything before it must match.
          const native = stdout.at(-1) === 0x0a ? stdout.subarray(0, -1) : stdout;
          assert.equal(JSON.parse(wasm.toString()).ok, true, wasm.toString().slice(0, 300));
          if (!native.equals(wasm)) {
            // Show where they part, not two walls of JSON.
            let at = 0;
            while (at < wasm.length && native[at] === wasm[at]) at += 1;
            assert.fail(`outputs differ at byte ${at}:\n  native: …${native.subarray(
              Math.max(0, at - 60), at + 60)}\n  wasm:   …${wasm.subarray(
              Math.max(0, at - 60), at + 60)}`);
          }
        } finally {
          workspace.delete();
        }
      });
    }
  });
});
