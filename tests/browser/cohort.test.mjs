// The ITP cohort mode in Chromium, as a user meets it: open the example cohort, check, analyse,
// and read the tables the page shows. The seed study's published figures, which the example
// cohort reproduces, are written out here as the page must show them (PUBLISHED, below). Every
// other cell is compared with the CLI's report of the same files, formatted by the module the
// page itself uses (web/page/tables/report-tables.js): that proves the page shows the core's
// whole report, but it cannot catch a formatting bug, which only the literals can. Also: the French files in
// the French interface; a workbook of real .xlsx sheets; a cohort whose cells hold markup.
// Nothing may leave the origin, no console error, and a screenshot of each step is saved for a
// person to look at.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';

import writeExcelFile from 'write-excel-file/node';

import { reportTables } from '../../web/page/tables/report-tables.js';
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

// The seed study's published figures (README.md; examples/cohort/README.md, "Published
// aggregates it reproduces"), cell by cell as the page must write them, by table and row label.
// Percentages are of the published counts (26 patients, 25 evaluable); the response intervals
// are R's Clopper-Pearson limits of those counts (binom.test(9, 25) ...). A regular expression
// stands where the paper gives only part of a cell (a median without its IQR), null for a cell
// the paper does not give. Nothing here
// comes from the core or from web/: changing the example cohort to match more of the paper
// leaves these true.
const PUBLISHED = {
  en: {
    table1: [
      ['Age (years)', '68 [41.0–72.8] (21–88)'],
      ['Male', '15 (57.7 %)'],
      ['Female', '11 (42.3 %)'],
      ['ITP duration (months)', '76 [23.8–140.5] (1–594)'],
      ['Secondary ITP', '11 (42.3 %)'],
      // One row per cause, of all 26 patients (the poster: Evans 6, APS 3, one with both).
      ['Evans syndrome', '6 (23.1 %)'],
      ['APS', '3 (11.5 %)'],
      ['Splenectomy', '16 (61.5 %)'],
      ['Corticosteroid-refractory', '17 (65.4 %)'],
      ['IVIg-refractory', '15 (57.7 %)'],
      ['Baseline platelets (G/L)', '14 [7.0–51.8] (2–294)'],
      ['Prior lines (excluding corticosteroids and IVIg)', '6 [4–7] (2–11)'],
    ],
    // The poster printed 96.1, 93.3 and 15.9 for 25, 24 and 4 of 26: the page shows the true
    // percents.
    prior_treatments: [
      ['Corticosteroids', '25 (96.2 %)'],
      ['rituximab', '24 (92.3 %)'],
      ['avatrombopag', '4 (15.4 %)'],
    ],
    infusions: [
      ['Infusions per patient, median [IQR] (min–max)', /^6 \[.*\] \(2–11\)$/],
      ['IV', '10 (38.5 %)'],
      ['SC', '16 (61.5 %)'],
    ],
    // "14 months [0–73]": the median and range of observed follow-up.
    follow_up: [['Observed follow-up, months, median [IQR] (min–max)', /^14\.0 \[.*\] \(0\.\d–73\.0\)$/]],
    response: [
      ['Complete response (CR)', '9/25', '36.0 % (18.0–57.5)'],
      ['Response (R)', '4/25', '16.0 % (4.5–36.1)'],
      ['Overall response (OR = CR + R)', '13/25', '52.0 % (31.3–72.2)'],
      ['No response (NR)', '12/25', '48.0 % (27.8–68.7)'],
    ],
    time_to_response: [
      ['Patients with a response at the landmark', '13'],
      ['Median (min–max), days', '29 (7–87)'],
    ],
    // n, events, median, at 12 months, at 24 months ("60 % at 24 months").
    survival: [['Relapse-free survival (responders)', '13', null, null, null, /^60\.\d % \(/]],
    rfs_at_risk: [['0', '13', '0', '0']],
    safety: [
      ['Any adverse event', '16 (61.5 %)', ''],
      ['Infusion reactions', '3 (11.5 %)', ''],
      ['Infection', '8 (30.8 %)', '5'],
      ['Neutropenia', '3 (11.5 %)', /^\d$/],
      ['Deaths', '6 (23.1 %)', ''],
      ['Sepsis', '2', ''],
      ['Haemorrhage', '3', ''],
      ['Gammaglobulins < 6 g/L', '14/25 (56.0 %)', ''],
    ],
  },
  fr: {
    table1: [
      ['Âge (années)', '68 [41,0–72,8] (21–88)'],
      ['Homme', '15 (57,7 %)'],
      ['Femme', '11 (42,3 %)'],
      // The French files write the cause in French.
      ['Syndrome d’Evans', '6 (23,1 %)'],
    ],
    response: [
      ['Réponse complète (RC)', '9/25', '36,0 % (18,0–57,5)'],
      ['Réponse (R)', '4/25', '16,0 % (4,5–36,1)'],
      ['Réponse globale (RG = RC + R)', '13/25', '52,0 % (31,3–72,2)'],
      ['Non-réponse (NR)', '12/25', '48,0 % (27,8–68,7)'],
    ],
    time_to_response: [['Médiane (min–max), jours', '29 (7–87)']],
  },
};

/** Checks the published figures of PUBLISHED[lang] in the tables the page shows. */
async function assertPublished(page, lang) {
  for (const [id, rows] of Object.entries(PUBLISHED[lang])) {
    const cells = await tableCells(page.locator(`#table-${id} table`));
    for (const [label, ...wanted] of rows) {
      const row = cells.find((r) => r[0] === label);
      assert.ok(row, `table ${id}: no row "${label}" in ${JSON.stringify(cells.map((r) => r[0]))}`);
      assert.equal(row.length, wanted.length + 1, `table ${id}, ${label}: ${JSON.stringify(row)}`);
      wanted.forEach((want, i) => {
        if (want === null) return;
        const what = `table ${id}, ${label}, column ${i + 2}: shown "${row[i + 1]}", `
          + `published ${want}`;
        if (want instanceof RegExp) assert.match(row[i + 1], want, what);
        else assert.equal(row[i + 1], want, what);
      });
    }
  }
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
      await assertPublished(page, 'en');
      const report = await cliCohort(path.join(repoRoot, 'examples/cohort/en'));
      await assertTablesMatch(page, report, 'en');
      // The cumulative incidence of response comes with its module, loaded after the report.
      const incidence = page.locator('#figure-responseIncidence');
      await incidence.locator('svg').waitFor({ timeout: WAIT });
      assert.equal(await page.locator('#figures svg').count(), 7);
      assert.deepEqual(await incidence.locator('.cif-stack').evaluateAll((layers) =>
        layers.map((layer) => layer.getAttribute('data-cause'))),
      ['response', 'new_treatment', 'death']);
      const drawnWords = await incidence.locator('svg text').allTextContents();
      for (const legend of ['Response', 'New ITP treatment', 'Death', 'None of these yet']) {
        assert.ok(drawnWords.includes(legend), `${legend} in the legend`);
      }
      await incidence.screenshot({ path: path.join(screenshotDir, 'cohort-3-incidence.png') });
      // Issue 15: each figure's title, then its export buttons, above its drawing.
      for (const figure of await page.locator('#figures > figure').all()) {
        const drawing = await figure.locator(':scope > svg').boundingBox();
        const exports = await figure.locator(':scope > .exports').boundingBox();
        const id = await figure.getAttribute('id');
        assert.ok(exports.y + exports.height <= drawing.y, `${id}: exports above the drawing`);
        if (await figure.locator(':scope > figcaption').count() === 1) {
          const title = await figure.locator(':scope > figcaption').boundingBox();
          assert.ok(title.y + title.height <= exports.y, `${id}: title above the exports`);
        } else {
          assert.equal(await figure.locator(':scope > svg').getAttribute('data-title-shown'),
            'true', `${id} has a title`);
        }
      }
      // Issue 15: each figure is drawn at its column's width, here and on a wider screen.
      for (const width of [1280, 1366]) {
        await page.setViewportSize({ width, height: 800 });
        await page.waitForFunction(() => [...document.querySelectorAll('#figures > figure')]
          .every((f) => Math.abs(f.querySelector(':scope > svg').getBoundingClientRect().width
            - f.getBoundingClientRect().width) <= 2), null, { timeout: WAIT });
      }
      await page.setViewportSize({ width: 1280, height: 800 });
      // Its numbers as CSV: a row per event time of each cause, 60 % responded at the end.
      const incidenceCsv = page.waitForEvent('download');
      await incidence.getByRole('button', { name: 'Export CSV' }).click();
      let curveCsv = '';
      for await (const chunk of await (await incidenceCsv).createReadStream()) curveCsv += chunk;
      const curveLines = curveCsv.trim().split(/\r?\n/);
      assert.match(curveLines[0], /^Cause,Months from D0,Estimate,Variance,Lower limit,Upper limit$/);
      assert.equal(curveLines.length, 1 + report.response_incidence.curves
        .reduce((sum, c) => sum + c.table.time.length, 0));
      assert.match(curveLines.filter((line) => line.startsWith('Response,')).at(-1), /,0\.6,/);

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
      await assertPublished(page, 'fr');
      await assertTablesMatch(page, await cliCohort(path.join(repoRoot, 'examples/cohort/fr')),
        'fr');
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
      await assertPublished(page, 'en');
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
      assert.deepEqual(dom, { images: 0, scripts: ['page/app.js'], svgForeign: 0, shown: true });
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
      await context.route('**/worker/worker.js', async (route) => {
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
      await assertPublished(page, 'en');
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
