// Issue 15 in Chromium: a large file given to the survival calculator shows its progress as a
// true fraction ("Reading big.csv: 45 %", then the rows checked), in order up to 100 %, and is
// analysed; so do the cohort's files, the bar crossing all of them once; a file too large for
// the tab is refused with its size and the limit, before it is read, and the page goes on
// working.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { assertClean, openPage, startSite, WAIT, watch } from './browser-kit.mjs';

/** About `rows` * 10 bytes of bench/make_data.awk's shape. */
function cohortCsv(rows) {
  let seed = 7;
  const random = () => {
    seed = (seed * 48271) % 2147483647;
    return seed / 2147483647;
  };
  const lines = ['time,status,group'];
  for (let i = 0; i < rows; i += 1) {
    lines.push(`${(random() * 3650).toFixed(1)},${random() < 0.7 ? 1 : 0},${'ABC'[i % 3]}`);
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

/** A cohort's platelet counts, about `rows` * 22 bytes. */
function plateletsCsv(rows) {
  const lines = ['patient_id,date,platelets'];
  for (let i = 0; i < rows; i += 1) {
    lines.push(`P${String(i % 5000).padStart(4, '0')},2021-0${1 + (i % 9)}-1${i % 10},${(i * 37) % 400}`);
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

/** Every text the status line shows from now on, in order. */
async function recordStatus(page) {
  const seen = [];
  await page.exposeFunction('recordStatus', (text) => seen.push(text));
  await page.evaluate(() => {
    const status = document.getElementById('status');
    new MutationObserver(() => window.recordStatus(status.textContent))
      .observe(status, { childList: true, characterData: true, subtree: true });
  });
  return seen;
}

/** Every value the progress bar takes from now on, in order. */
async function recordBar(page) {
  const seen = [];
  await page.exposeFunction('recordBar', (value) => seen.push(value));
  await page.evaluate(() => {
    const bar = /** @type {HTMLProgressElement} */ (document.getElementById('busy'));
    new MutationObserver(() => {
      if (bar.hasAttribute('value')) window.recordBar(bar.value);
    }).observe(bar, { attributes: true, attributeFilter: ['value'] });
  });
  return seen;
}

/** The percentages of the status lines matching `pattern` (its group 1), in order. */
const percentsIn = (statuses, pattern) => statuses.map((s) => s.match(pattern)?.[1])
  .filter(Boolean).map(Number);

describe('issue 15: large files in the survival calculator', () => {
  let site;
  before(async () => {
    site = await startSite();
  });
  after(async () => site?.stop());

  test('progress as a fraction, in order, to 100 %; then the analysis', async () => {
    const page = await site.browser.newPage();
    try {
      const problems = watch(page);
      await openPage(page, site.origin);
      await page.locator('#mode-survival').click();
      const statuses = await recordStatus(page);
      await page.locator('#survival-file').setInputFiles(
        { name: 'big.csv', mimeType: 'text/csv', buffer: cohortCsv(1200000) });
      await page.locator('#survival-columns:enabled').waitFor({ timeout: 6 * WAIT });
      const reading = percentsIn(statuses, /^Reading big\.csv: (\d+) %$/);
      const checking = percentsIn(statuses, /^Checking the rows of big\.csv: (\d+) %$/);
      assert.ok(reading.length >= 3, `reading: ${statuses.join(' | ')}`);
      assert.ok(checking.length >= 2, `checking: ${statuses.join(' | ')}`);
      for (const list of [reading, checking]) {
        assert.deepEqual(list, [...list].sort((a, b) => a - b), 'fractions only grow');
        assert.equal(list.at(-1), 100);
      }
      // Reading comes first, checking after, and the wait ends with the columns offered.
      const lastReading = statuses.findLastIndex((s) => s.startsWith('Reading big.csv'));
      const firstChecking = statuses.findIndex((s) => s.startsWith('Checking the rows'));
      assert.ok(lastReading < firstChecking);
      assert.equal(statuses.at(-1), 'Done.');
      assert.equal(await page.locator('#busy').isHidden(), true);

      await page.locator('#event-column').selectOption('status');
      await page.locator('#group-column').selectOption('group');
      await page.locator('#run-survival').click();
      await page.locator('#survival-figure svg').waitFor({ timeout: 6 * WAIT });
      assert.deepEqual(await page.locator('#survival-table table').first()
        .locator('tbody tr td:nth-child(2)').allTextContents(), ['400000', '400000', '400000']);
      assertClean(site.origin, problems);
    } finally {
      await page.close();
    }
  });

  test('the cohort\'s files: each file\'s progress to 100 %, one bar across all of them',
    async () => {
      const page = await site.browser.newPage();
      try {
        const problems = watch(page);
        await openPage(page, site.origin);
        const statuses = await recordStatus(page);
        const bar = await recordBar(page);
        const patients = Buffer.from('patient_id,sex,birth_year\nP0001,F,1970\nP0002,M,1962\n');
        await page.locator('#cohort-files').setInputFiles([
          { name: 'patients.csv', mimeType: 'text/csv', buffer: patients },
          { name: 'platelets.csv', mimeType: 'text/csv', buffer: plateletsCsv(700000) }]);
        await page.locator('#to-check:enabled').waitFor({ timeout: 6 * WAIT });
        const reading = percentsIn(statuses, /^Reading platelets\.csv: (\d+) %$/);
        const checking = percentsIn(statuses, /^Checking the rows of platelets\.csv: (\d+) %$/);
        assert.ok(reading.length >= 3, `reading: ${statuses.join(' | ')}`);
        assert.ok(checking.length >= 2, `checking: ${statuses.join(' | ')}`);
        for (const list of [reading, checking]) {
          assert.deepEqual(list, [...list].sort((a, b) => a - b), 'percentages only grow');
          assert.equal(list.at(-1), 100);
        }
        // The bar: many steps, never back, to the end; the small first file is a sliver of it.
        assert.ok(bar.length >= 5, `bar: ${bar.join(' ')}`);
        assert.deepEqual(bar, [...bar].sort((a, b) => a - b), `bar: ${bar.join(' ')}`);
        assert.ok(bar.at(-1) > 0.999, `bar ends at ${bar.at(-1)}`);
        assert.ok(bar.filter((v) => v < 0.5).length >= 2, `reading is the bar's first half: ${bar}`);
        assert.equal(statuses.at(-1), 'Done.');
        assert.deepEqual(await page.locator('#loaded-files li').allTextContents(),
          ['patients.csv: 2 × 3', 'platelets.csv: 700000 × 3']);
        assertClean(site.origin, problems);
      } finally {
        await page.close();
      }
    });

  test('a file too large for the tab says so, with its size and the limit', async () => {
    const page = await site.browser.newPage();
    try {
      const problems = watch(page);
      await openPage(page, site.origin);
      await page.locator('#mode-survival').click();
      // 1.1 GB made of one 1 MB part used 1100 times: the browser holds the part once.
      await page.evaluate(() => {
        const part = new Blob([new Uint8Array(1 << 20).fill(49)]);
        const huge = new File(Array(1100).fill(part), 'registry.csv', { type: 'text/csv' });
        const transfer = new DataTransfer();
        transfer.items.add(huge);
        const input = /** @type {HTMLInputElement} */ (document.getElementById('survival-file'));
        input.files = transfer.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await page.locator('#status.error').waitFor({ timeout: WAIT });
      assert.match(await page.locator('#status').textContent(),
        /registry\.csv is 1\.1 GB; this page reads files of at most 1\.0 GB/);
      // The same worker goes on: a small file loads at once.
      await page.locator('#survival-file').setInputFiles(
        { name: 'small.csv', mimeType: 'text/csv', buffer: cohortCsv(300) });
      await page.locator('#survival-columns:enabled').waitFor({ timeout: WAIT });
      assert.equal(await page.locator('#status').textContent(), 'Done.');
      assertClean(site.origin, problems);
    } finally {
      await page.close();
    }
  });
});
