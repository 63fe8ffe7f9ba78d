// Benchmark of the page in Chromium (issues 6 and 15): from giving a CSV file to the survival
// calculator to its Kaplan-Meier figure shown, against R's survfit + survdiff on the same file,
// side by side in one run. For each size: the page's own performance marks (file given ->
// columns offered, Run -> figure drawn, each up to the frame that shows it; the user's choice of
// columns in between is not counted, nor the worker's warm-up before the file is given),
// the same from outside as Playwright sees it, the tab's peak memory (the largest peak resident
// set, VmHWM, of the renderer processes the page's run started: the page and its worker share
// one), R's compute on data already in memory (bench/r_compute.R) and the ratio R / page.
// bench/make_data.awk's data: three groups, times with one decimal. Also what a visitor
// downloads, gzipped: the first load up to "Ready", then what each mode adds when it opens
// (tests/browser/downloads.mjs).
//   node bench/page_run.mjs                 1e5, 1e6 and 1e7 rows (R's 1e7 run takes minutes)
//   node bench/page_run.mjs 100000 1000000  the sizes given
//   ITP_SITE_DIR=folder                     another built site than dist/ (as tests/browser)
//   ITP_BENCH_RUNS=5                        runs per size up to 1e6 rows (default 5; 1 above)
//   ITP_BENCH_CHROMIUM_ARGS='--js-flags=...' more arguments for Chromium (experiments)
//   ITP_BENCH_NO_R=1                        skip R (experiments on the page alone)
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { downloadsOfAVisit } from '../tests/browser/downloads.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const dist = path.resolve(process.env.ITP_SITE_DIR ?? path.join(root, 'dist'));
const out = path.join(here, 'out');
mkdirSync(out, { recursive: true });
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
if (sizes.length === 0) sizes.push(100000, 1000000, 10000000);
const RUNS = Number(process.env.ITP_BENCH_RUNS ?? 5);
const runsFor = (rows) => (rows > 1000000 ? 1 : RUNS);

function dataFile(rows) {
  const file = path.join(out, `cohort_${rows}.csv`);
  if (!existsSync(file)) {
    writeFileSync(file, execFileSync('awk', ['-v', `rows=${rows}`, '-v', 'seed=20260101', '-f',
      path.join(here, 'make_data.awk')], { maxBuffer: 2 ** 31 - 1 }));
  }
  return file;
}

// Chromium's renderer processes among this process's descendants (other people's browsers on
// the same machine are not ours), with their peak resident set in bytes.
function renderers() {
  const parent = new Map();
  const found = new Map();
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parent.set(pid, stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      const hwm = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/);
      if (hwm) found.set(pid, Number(hwm[1]) * 1024);
    } catch {
      // the process ended while being read
    }
  }
  const mine = (pid) => {
    for (let p = pid; p && p !== '0' && p !== '1'; p = parent.get(p)) {
      if (p === String(process.pid)) return true;
    }
    return false;
  };
  return new Map([...found].filter(([pid]) => mine(pid)));
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

// Where the time went, from the page's marks and the worker's (each on its own clock, so both
// are turned into wall time with their timeOrigin).
const PHASES = [
  ['to worker', 'itp-load-start', 'itp-worker-read-start'],
  ['file read', 'itp-worker-read-start', 'itp-worker-read-end'],
  ['rows checked', 'itp-worker-read-end', 'itp-worker-load-end'],
  ['columns shown', 'itp-worker-load-end', 'itp-load-end'],
  ['core run', 'itp-worker-run-start', 'itp-worker-run-end'],
  ['answer', 'itp-worker-run-end', 'itp-answer-received'],
  ['draw', 'itp-answer-received', 'itp-run-end'],
];

async function marksOf(target) {
  return target.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark')
    .map((m) => [m.name, performance.timeOrigin + m.startTime])));
}

async function oneRun(browser, origin, file) {
  const before = new Set(renderers().keys());
  const page = await browser.newPage();
  const progress = [];
  page.on('console', (message) => {
    if (message.type() === 'error') console.error(`page: ${message.text()}`);
  });
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => /^Ready/.test(document.getElementById('status').textContent));
  await page.locator('#mode-survival').click();
  // The worker warms its wasm up after its first answer (web/worker/worker.js), a few tenths of
  // a second in which nobody has chosen a file yet; the file is given once it is done, and the
  // warm-up's own time is reported beside the runs.
  const worker = page.workers()[0] ?? await page.waitForEvent('worker');
  while (!await worker.evaluate(() => performance.getEntriesByName('itp-worker-warm-end').length)) {
    await page.waitForTimeout(20);
  }
  const warm = await worker.evaluate(() => performance.getEntriesByName('itp-worker-warm-end')[0]
    .startTime - performance.getEntriesByName('itp-worker-warm-start')[0].startTime);
  // Then the page draws the example once, unseen (web/page/survival/survival-page.js).
  await page.waitForFunction(() => performance.getEntriesByName('itp-drawing-warm').length > 0,
    undefined, { polling: 10 });
  // The status lines are kept in the page and read at the end: a call out to Playwright on each
  // one would be work of the benchmark's inside the spans it measures.
  await page.evaluate(() => {
    const seen = [];
    /** @type {any} */ (window).benchStatuses = seen;
    new MutationObserver(() => seen.push(document.getElementById('status').textContent))
      .observe(document.getElementById('status'),
        { childList: true, characterData: true, subtree: true });
  });
  const started = Date.now();
  await page.locator('#survival-file').setInputFiles(file);
  // The columns are offered before this mark. Polled on a timer: the default, on every
  // animation frame, would keep the page drawing frames while it works.
  await page.waitForFunction(() => performance.getEntriesByName('itp-load-end').length > 0,
    undefined, { timeout: 600000, polling: 10 });
  await page.locator('#event-column').selectOption('status');
  await page.locator('#group-column').selectOption('group');
  await page.locator('#run-survival').click();
  await page.waitForFunction(() => performance.getEntriesByName('itp-run-end').length > 0,
    undefined, { timeout: 600000, polling: 10 });
  const outside = (Date.now() - started) / 1000;
  const marks = await marksOf(page);
  for (const worker of page.workers()) Object.assign(marks, await marksOf(worker).catch(() => ({})));
  const span = (a, b) => (marks[a] !== undefined && marks[b] !== undefined
    ? (marks[b] - marks[a]) / 1000 : NaN);
  const inPage = span('itp-load-start', 'itp-load-end') + span('itp-run-start', 'itp-run-end');
  const phases = Object.fromEntries(PHASES.map(([name, a, b]) => [name, span(a, b)]));
  const memory = Math.max(0, ...[...renderers()].filter(([pid]) => !before.has(pid))
    .map(([, bytes]) => bytes));
  const rows = await page.locator('#survival-table tbody tr').count();
  progress.push(...await page.evaluate(() => /** @type {any} */ (window).benchStatuses));
  await page.close();
  const fractions = progress.map((text) => text.match(/(\d+) %/)?.[1]).filter(Boolean);
  return { inPage, outside, memory, phases, tableRows: rows, progress: fractions.length,
    warm: warm / 1000 };
}

function rCompute(file, runs) {
  return Number(execFileSync('Rscript', [path.join(here, 'r_compute.R'), file, String(runs)],
    { encoding: 'utf8' }).trim());
}

const server = spawn(process.execPath, [path.join(root, 'scripts/static-server.mjs'), dist, '0'],
  { stdio: ['ignore', 'pipe', 'inherit'] });
const origin = await new Promise((resolve) => server.stdout.on('data', (chunk) => {
  const match = String(chunk).match(/http:\/\/127\.0\.0\.1:\d+/);
  if (match) resolve(match[0]);
}));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu',
    ...(process.env.ITP_BENCH_CHROMIUM_ARGS ?? '').split(' ').filter(Boolean)] });
const lines = [];
let downloads = [];
try {
  downloads = await downloadsOfAVisit(browser, origin, dist);
  for (const rows of sizes) {
    const file = dataFile(rows);
    const runs = [];
    for (let run = 0; run < runsFor(rows); run += 1) runs.push(await oneRun(browser, origin, file));
    const of = (key) => runs.map((r) => r[key]);
    const r = process.env.ITP_BENCH_NO_R ? NaN : rCompute(file, runsFor(rows) === 1 ? 1 : 3);
    lines.push({ rows, runs: runs.length, mb: statSync(file).size / 2 ** 20,
      inPage: median(of('inPage')), low: Math.min(...of('inPage')), high: Math.max(...of('inPage')),
      outside: median(of('outside')), memory: Math.max(...of('memory')), r,
      phases: Object.fromEntries(PHASES.map(([name]) => [name, median(runs.map((x) => x.phases[name]))])),
      progress: Math.min(...of('progress')), warm: median(of('warm')) });
  }
} finally {
  await browser.close();
  server.kill();
}
const pad = (text, width) => String(text).padStart(width);
console.log(`${'rows'.padEnd(6)} ${pad('file MB', 8)} ${pad('page s', 7)} ${pad('(min-max)', 12)}`
  + ` ${pad('Playwright s', 12)} ${pad('tab peak MB', 11)} ${pad('R compute s', 11)}`
  + ` ${pad('R/page', 7)} ${pad('progress', 8)}`);
for (const l of lines) {
  console.log(`${l.rows.toExponential(0).replace('+', '').padEnd(6)} ${pad(l.mb.toFixed(1), 8)}`
    + ` ${pad(l.inPage.toFixed(3), 7)} ${pad(`${l.low.toFixed(2)}-${l.high.toFixed(2)}`, 12)}`
    + ` ${pad(l.outside.toFixed(2), 12)} ${pad((l.memory / 2 ** 20).toFixed(0), 11)}`
    + ` ${pad(l.r.toFixed(2), 11)} ${pad((l.r / l.inPage).toFixed(1), 7)} ${pad(l.progress, 8)}`);
}
console.log('\nwhere the page time went, s (median): '
  + PHASES.map(([name]) => name).join(' | '));
for (const l of lines) {
  console.log(`${l.rows.toExponential(0).replace('+', '').padEnd(6)} `
    + PHASES.map(([name]) => (Number.isNaN(l.phases[name]) ? '-' : l.phases[name].toFixed(3)))
      .join(' | '));
}
console.log(`\nthe worker's warm-up (before the file is given, not counted): ${lines.map((l) =>
  `${l.warm.toFixed(2)} s`).join(', ')}`);
console.log(`page: median of ${RUNS} runs up to 1e6 rows, 1 above, each in a fresh tab; R: median`
  + ' of 3 runs of survfit + survdiff on data in memory (1 above 1e6 rows);'
  + ` progress: status lines with a percentage seen during the load; ${os.cpus().length} cores,`
  + ` load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} at the end.`);
console.log('\nwhat a visitor downloads, KB gzipped (each step: what it adds):');
for (const step of downloads) {
  console.log(`${(step.bytes / 1024).toFixed(0).padStart(5)}  ${step.step} (${step.files.length}`
    + ` files${step.files.length > 3 ? '' : `: ${step.files.map((f) => f.name).join(', ')}`})`);
}
