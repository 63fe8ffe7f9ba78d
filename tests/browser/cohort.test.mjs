// The ITP cohort mode in Chromium, as a user meets it: open the example cohort, check, analyse,
// and read the tables the page shows against the CLI's report of the same files, written by the
// same module the page uses (web/report-tables.js); the French files in the French interface; a
// workbook of real .xlsx sheets; a cohort whose cells hold markup. Nothing may leave the origin,
// no console error, and a screenshot of each step is saved for a person to look at.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';

import writeExcelFile from 'write-excel-file/node';

import { reportTables } from '../../web/report-tables.js';
import {
  assertClean, cli, modelCells, openPage, repoRoot, screenshotDir, startSite, tableCells, WAIT,
  watch,
} from './browser-kit.mjs';

/** The CLI's cohort report of a folder, as the page asks it (seed-2026, default options). */
async function cliCohort(folder, criteria = 'seed-2026') {
  const { stdout } = await promisify(execFile)(cli, ['cohort', '--data', folder,
    '--criteria', criteria], { maxBuffer: 1 << 26 });
  return JSON.parse(stdout);
}

/** @param {import('playwright-core').Page} page @param {string} step */
async function waitForStep(page, step) {
  await page.waitForFunction((s) => !document.getElementById(`step-${s}`).hidden
    || document.getElementById('status').classList.contains('error'), step, { timeout: WAIT });
  const status = await page.getByRole('status').textContent();
  assert.ok(!(await page.locator('#status.error').count()), `the page reported: ${status}`);
}

/** Checks the tables the page shows equal those of the CLI's report, in `lang`. */
async function assertTablesMatch(page, report, lang) {
  for (const model of reportTables(report, lang).filter((m) => m.id !== 'patients')) {
    assert.deepEqual(await tableCells(page.locator(`#table-${model.id} table`)),
      modelCells(model), `table ${model.id}`);
  }
}

/** Files of a folder as Playwright's setInputFiles takes them. */
async function filesOf(folder) {
  const names = (await readdir(folder)).filter((f) => f.endsWith('.csv')).sort();
  return Promise.all(names.map(async (name) => ({ name, mimeType: 'text/csv',
    buffer: await readFile(path.join(folder, name)) })));
}

describe('the ITP cohort mode in Chromium', { timeout: 120_000 }, () => {
  let site;
  before(async () => { site = await startSite(); });
  after(async () => site?.stop());

  test('the example cohort: load, check, results equal the CLI\'s report', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      const seen = watch(page);
      await openPage(page, site.origin);
      await page.screenshot({ path: path.join(screenshotDir, 'cohort-1-load.png') });
      // Every text of the page is filled in: no "{count}" left from the dictionary.
      const placeholders = await page.evaluate(() => document.body.innerText.match(/\{\w+\}/g));
      assert.equal(placeholders, null);
      await page.getByRole('button', { name: 'Open the example cohort' }).click();
      await waitForStep(page, 'check');
      // Every column of the six tables was recognised; the problems list is the core's.
      const selects = await page.locator('#mapping select').evaluateAll(
        (all) => all.map((s) => s.value));
      assert.equal(selects.length, 16 + 5 + 4 + 4 + 6 + 5);  // the columns of the six tables
      assert.ok(selects.every((v) => v !== ''), 'a column of the example was not recognised');
      await page.screenshot({ path: path.join(screenshotDir, 'cohort-2-check.png'),
        fullPage: true });

      await page.getByRole('button', { name: 'Analyse' }).click();
      await waitForStep(page, 'results');
      await page.screenshot({ path: path.join(screenshotDir, 'cohort-3-results.png'),
        fullPage: true });
      assert.equal(await page.evaluate(() => document.body.innerText.match(/\{\w+\}/g)), null);
      const report = await cliCohort(path.join(repoRoot, 'examples/cohort/en'));
      await assertTablesMatch(page, report, 'en');
      assert.equal(await page.locator('#figures svg').count(), 5);
      // The seed's published figures, as shown.
      const response = await tableCells(page.locator('#table-response table'));
      assert.ok(response.some((row) => row.includes('13/25')), JSON.stringify(response));

      // A patient's audit trail: the dialog lists every count of that patient.
      await page.getByRole('button', { name: /SYN-23/ }).click();
      const dialog = page.locator('#patient-dialog');
      await dialog.waitFor({ state: 'visible', timeout: WAIT });
      const patient = report.patients.find((p) => p.patient_id === 'SYN-23');
      assert.equal(await dialog.locator('table').first().locator('tbody tr').count(),
        patient.counts.length);
      await dialog.screenshot({ path: path.join(screenshotDir, 'cohort-4-patient.png') });
      await page.locator('#patient-dialog-close').click();

      // Exports are made in the page, from what it shows.
      const download = page.waitForEvent('download');
      await page.locator('#table-table1 button').click();
      const csv = await (await download).createReadStream();
      let text = '';
      for await (const chunk of csv) text += chunk;
      assert.match(text, /68 \[41\.0–72\.8\] \(21–88\)/);
      assertClean(site.origin, seen);
    } finally {
      await context.close();
    }
  });

  test('French files in the French interface', async () => {
    const context = await site.browser.newContext({ locale: 'fr-FR' });
    try {
      const page = await context.newPage();
      const seen = watch(page);
      await openPage(page, site.origin);
      assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
      await page.locator('#cohort-files').setInputFiles(
        await filesOf(path.join(repoRoot, 'examples/cohort/fr')));
      await page.locator('#to-check:enabled').waitFor({ timeout: WAIT });
      await page.locator('#to-check').click();
      await waitForStep(page, 'check');
      await page.locator('#analyse').click();
      await waitForStep(page, 'results');
      await page.screenshot({ path: path.join(screenshotDir, 'cohort-french.png'),
        fullPage: true });
      assert.equal(await page.evaluate(() => document.body.innerText.match(/\{\w+\}/g)), null);
      await assertTablesMatch(page, await cliCohort(path.join(repoRoot, 'examples/cohort/fr')),
        'fr');
      const response = await tableCells(page.locator('#table-response table'));
      assert.ok(response.flat().some((cell) => cell.includes('52,0 %')), JSON.stringify(response));
      assertClean(site.origin, seen);
    } finally {
      await context.close();
    }
  });

  test('a workbook of six sheets gives the report of the same CSV files', async () => {
    const folder = path.join(repoRoot, 'examples/cohort/en');
    const sheets = [];
    for (const { name, buffer } of await filesOf(folder)) {
      const rows = buffer.toString('utf8').trimEnd().split('\n')
        .map((line) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g).slice(0, -1)
          .map((cell) => cell.replace(/,$/, '').replace(/^"|"$/g, '').replaceAll('""', '"')));
      sheets.push({ sheet: name.replace('.csv', ''), data: rows.map((row, i) => row.map((cell) => {
        if (i === 0 || cell === '') return cell === '' ? null : { value: cell, type: String };
        if (/^\d{4}-\d{2}-\d{2}$/.test(cell)) {
          return { value: new Date(`${cell}T00:00:00Z`), type: Date, format: 'dd/mm/yyyy' };
        }
        return /^-?\d+(\.\d+)?$/.test(cell) ? { value: Number(cell), type: Number }
          : { value: cell, type: String };
      })) });
    }
    const workbook = await writeExcelFile(sheets).toBuffer();
    const context = await site.browser.newContext();
    try {
      const page = await context.newPage();
      const seen = watch(page);
      await openPage(page, site.origin);
      await page.locator('#cohort-files').setInputFiles({ name: 'cohort.xlsx', buffer: workbook,
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
      await page.locator('#to-check:enabled').waitFor({ timeout: WAIT });
      assert.equal(await page.locator('#loaded-files li').count(), 6);
      await page.locator('#to-check').click();
      await waitForStep(page, 'check');
      await page.locator('#analyse').click();
      await waitForStep(page, 'results');
      await page.screenshot({ path: path.join(screenshotDir, 'cohort-xlsx.png'), fullPage: true });
      await assertTablesMatch(page, await cliCohort(folder), 'en');
      assertClean(site.origin, seen);
    } finally {
      await context.close();
    }
  });

  test('cells holding markup stay text in every table, list and figure', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const script = '<script>alert(2)</script>';
    const patients = `patient_id,d0,sex,age,baseline_platelets,secondary_itp,secondary_cause\n`
      + `"${evil}",2021-01-01,M,60,10,yes,"${script}"\nP2,2021-02-01,F,50,12,no,\n`;
    const platelets = `patient_id,date,platelets\n"${evil}",2021-01-01,10\n"${evil}",2021-03-01,150\n`
      + `P2,2021-02-01,12\nP2,2021-04-01,20\n${script},2021-04-01,20\n`;
    const treatments = `patient_id,drug,start,end\n"${evil}",${script},-200,-100\n`;
    const context = await site.browser.newContext();
    try {
      const page = await context.newPage();
      const seen = watch(page);
      await openPage(page, site.origin);
      await page.locator('#cohort-files').setInputFiles([
        { name: 'patients.csv', mimeType: 'text/csv', buffer: Buffer.from(patients) },
        { name: 'platelets.csv', mimeType: 'text/csv', buffer: Buffer.from(platelets) },
        { name: 'treatments.csv', mimeType: 'text/csv', buffer: Buffer.from(treatments) }]);
      await page.locator('#to-check:enabled').waitFor({ timeout: WAIT });
      await page.locator('#to-check').click();
      await waitForStep(page, 'check');
      await page.locator('#analyse').click();
      await waitForStep(page, 'results');
      await page.screenshot({ path: path.join(screenshotDir, 'cohort-markup.png'), fullPage: true });
      const dom = await page.evaluate(() => ({
        images: document.querySelectorAll('img').length,
        scripts: [...document.scripts].map((s) => s.getAttribute('src')),
        svgForeign: document.querySelectorAll('svg script, svg foreignObject').length,
        shown: document.body.textContent.includes('<img src=x onerror=alert(1)>'),
      }));
      assert.deepEqual(dom, { images: 0, scripts: ['app.js'], svgForeign: 0, shown: true });
      assert.ok(!seen.requests.some((url) => new URL(url).pathname === '/x'), 'requested /x');
      assertClean(site.origin, seen);
    } finally {
      await context.close();
    }
  });

  test('a worker that traps is replaced, the files loaded again, and the user told', async () => {
    const context = await site.browser.newContext();
    try {
      // The first worker's script traps on the first import, as a wasm fault would: the
      // exception escapes the worker. Workers started after it get the real script.
      let served = 0;
      await context.route('**/worker.js', async (route) => {
        const response = await route.fetch();
        const trap = served === 0 ? `self.addEventListener('message', (event) => {
  if (event.data?.payload?.type !== 'import_cohort') return;
  event.stopImmediatePropagation();
  throw new WebAssembly.RuntimeError('unreachable (a trap made by the test)');
});
` : '';
        served += 1;
        await route.fulfill({ response, body: trap + await response.text() });
      });
      const page = await context.newPage();
      const seen = watch(page);
      await openPage(page, site.origin);
      await page.getByRole('button', { name: 'Open the example cohort' }).click();
      await page.waitForFunction(() => document.getElementById('status').classList
        .contains('error'), null, { timeout: WAIT });
      assert.match(await page.getByRole('status').textContent(),
        /restarted.*unreachable \(a trap made by the test\)/);
      await page.screenshot({ path: path.join(screenshotDir, 'cohort-restarted.png') });
      // The new worker holds the files again: the user goes on where they were.
      assert.equal(served, 2);
      await page.locator('#to-check').click();
      await waitForStep(page, 'check');
      await page.locator('#analyse').click();
      await waitForStep(page, 'results');
      const response = await tableCells(page.locator('#table-response table'));
      assert.ok(response.some((row) => row.includes('13/25')), JSON.stringify(response));
      const elsewhere = seen.requests.filter((url) => new URL(url).origin !== site.origin);
      assert.deepEqual(elsewhere, []);
    } finally {
      await context.close();
    }
  });

  test('another preset, the printable report, a tablet\'s width', async () => {
    const context = await site.browser.newContext({ viewport: { width: 768, height: 1024 } });
    try {
      const page = await context.newPage();
      const seen = watch(page);
      await openPage(page, site.origin);
      await page.getByRole('button', { name: 'Open the example cohort' }).click();
      await waitForStep(page, 'check');
      await page.locator('#preset').selectOption('iwg-2009');
      // The parameters shown are the preset's: IWG confirms on two counts 7 days apart.
      await page.locator('#criteria details summary').click();
      const confirmation = page.locator('#criteria-parameters label', { hasText: /confirm/i })
        .first().locator('input');
      assert.equal(await confirmation.inputValue(), '2');
      await page.locator('#analyse').click();
      await waitForStep(page, 'results');
      await assertTablesMatch(page,
        await cliCohort(path.join(repoRoot, 'examples/cohort/en'), 'iwg-2009'), 'en');
      // Nothing wider than the screen but the tables and figures that scroll on their own.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth
        - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `the page is ${overflow} px wider than a tablet`);
      await page.screenshot({ path: path.join(screenshotDir, 'cohort-tablet.png'), fullPage: true });

      const download = page.waitForEvent('download');
      await page.locator('#print-report').click();
      let html = '';
      for await (const chunk of await (await download).createReadStream()) html += chunk;
      assert.match(html, /^<!doctype html>/i);
      assert.match(html, /iwg-2009/);
      assert.ok((html.match(/<table/g) ?? []).length >= 10, 'the report holds the tables');
      assert.ok((html.match(/<svg/g) ?? []).length >= 5, 'the report holds the figures');
      assert.ok(!/<script/i.test(html), 'the report holds no script');
      assertClean(site.origin, seen);
    } finally {
      await context.close();
    }
  });

  test('the address scripts/serve prints opens with the example cohort loaded', async () => {
    const context = await site.browser.newContext();
    try {
      const page = await context.newPage();
      const seen = watch(page);
      await page.goto(`${site.origin}/#example`);
      await waitForStep(page, 'check');
      assert.equal(await page.locator('#loaded-files li').count(), 6);
      assertClean(site.origin, seen);
    } finally {
      await context.close();
    }
  });
});
