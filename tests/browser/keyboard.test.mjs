// Issue 15: the page with the keyboard alone (Tab, Shift+Tab, Enter, Space, arrows, Escape;
// never a click), as someone who cannot use a mouse meets it. The cohort: open the example,
// reach the check step, change a column's use and back, analyse, change the language, export a
// figure and a table, open a patient's details and close them. The survival calculator: choose
// an analysis, run its example, read a result, export its figure. At every stop the focus must
// be on an element of the page (never <body>) with a visible focus ring, and a control is found
// by its accessible name, as a screen reader says it: the exports are named after their figure
// or table. When a step appears, the focus moves to its heading (or to the result's region).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
  assertClean, assertFocusShown, focusedElement, openPage, startSite, tabTo, WAIT, watch,
} from './browser-kit.mjs';

const VIEWPORT = { width: 1280, height: 800 };

/**
 * Presses a key that starts a download and returns the file's suggested name.
 * @param {import('playwright-core').Page} page
 * @param {string} key
 */
async function downloadWith(page, key) {
  const download = page.waitForEvent('download', { timeout: WAIT });
  await page.keyboard.press(key);
  return (await download).suggestedFilename();
}

describe('the page with the keyboard alone', { timeout: 180_000 }, () => {
  let site;
  before(async () => { site = await startSite(); });
  after(async () => site?.stop());

  test('the cohort: example, check, results, language, exports, a patient\'s details',
    async () => {
      const context = await site.browser.newContext({ locale: 'en-GB', viewport: VIEWPORT });
      try {
        const page = await context.newPage();
        const seen = watch(page);
        await openPage(page, site.origin);

        await tabTo(page, /^Open the example cohort$/);
        await page.keyboard.press('Enter');
        await page.locator('#step-check:not([hidden])').waitFor({ timeout: WAIT });
        let focus = await assertFocusShown(page, 'the check step shown');
        assert.deepEqual([focus.role, focus.name],
          ['heading', '2. Check the columns and the criteria']);

        // A column's use changed by the arrows redraws the tables: the focus stays on its menu.
        await tabTo(page, /^patients: sex$/);
        for (const key of ['ArrowDown', 'ArrowUp']) {
          const menu = await page.evaluateHandle(() => document.activeElement);
          await page.keyboard.press(key);
          await page.waitForFunction((old) => !old.isConnected, menu, { timeout: WAIT });
          await page.locator('#busy[hidden]').waitFor({ state: 'attached', timeout: WAIT });
          focus = await assertFocusShown(page, `${key} on a column's menu`);
          assert.equal(focus.name, 'patients: sex', `${key}: the focus left the column's menu`);
        }
        assert.equal(await page.locator('select[aria-label="patients: sex"]').inputValue(),
          'sex');

        await tabTo(page, /^Analyse$/);
        await page.keyboard.press('Enter');
        await page.locator('#step-results:not([hidden]) #figures svg').first()
          .waitFor({ timeout: WAIT });
        focus = await assertFocusShown(page, 'the results shown');
        assert.deepEqual([focus.role, focus.name], ['heading', '3. Results']);

        // The language, changed from the keyboard, redraws the results and keeps the focus.
        await tabTo(page, /^Language$/, { back: true });
        await page.keyboard.press('ArrowDown');
        await page.waitForFunction(() => document.documentElement.lang === 'fr');
        focus = await assertFocusShown(page, 'French chosen');
        assert.equal(focus.name, 'Langue', 'the language menu lost the focus');
        await page.keyboard.press('ArrowUp');
        await page.waitForFunction(() => document.documentElement.lang === 'en');
        assert.equal((await assertFocusShown(page, 'English chosen')).name, 'Language');

        // Each export is named after its figure or table, and saves it.
        await tabTo(page, /^Export SVG: Overall survival$/);
        assert.equal(await downloadWith(page, 'Enter'), 'figure-os.svg');
        await assertFocusShown(page, 'a figure exported');
        await tabTo(page, /^Export CSV: Table 1/);
        assert.equal(await downloadWith(page, 'Space'), 'table1.csv');
        await assertFocusShown(page, 'a table exported');

        // A patient's details: a modal dialog that keeps the focus and gives it back.
        await tabTo(page, /^Details of patient SYN-01$/);
        await page.keyboard.press('Enter');
        await page.locator('#patient-dialog[open]').waitFor({ timeout: WAIT });
        for (const key of ['Tab', 'Tab', 'Shift+Tab', 'Shift+Tab']) {
          await page.keyboard.press(key);
          focus = await assertFocusShown(page, `${key} in the patient's dialog`);
          assert.ok(await page.evaluate(() => document.getElementById('patient-dialog')
            .contains(document.activeElement)), `${key} left the dialog for "${focus.name}"`);
        }
        await page.keyboard.press('Escape');
        await page.locator('#patient-dialog:not([open])').waitFor({ state: 'attached' });
        focus = await assertFocusShown(page, 'the dialog closed by Escape');
        assert.equal(focus.name, 'Details of patient SYN-01', 'the focus did not come back');
        await page.keyboard.press('Space');
        await page.locator('#patient-dialog[open]').waitFor({ timeout: WAIT });
        assert.equal((await focusedElement(page)).name, 'Close');
        await page.keyboard.press('Enter');
        await page.locator('#patient-dialog:not([open])').waitFor({ state: 'attached' });
        focus = await assertFocusShown(page, 'the dialog closed by its button');
        assert.equal(focus.name, 'Details of patient SYN-01', 'the focus did not come back');
        assertClean(site.origin, seen);
      } finally {
        await context.close();
      }
    });

  test('the survival calculator: an analysis, its example, a result, an export', async () => {
    const context = await site.browser.newContext({ locale: 'en-GB', viewport: VIEWPORT });
    try {
      const page = await context.newPage();
      const seen = watch(page);
      await openPage(page, site.origin);

      await tabTo(page, /^Survival calculator$/);
      await page.keyboard.press('Space');
      await page.locator('#survival-mode:not([hidden])').waitFor({ timeout: WAIT });
      assert.equal((await assertFocusShown(page, 'the calculator shown')).name,
        'Survival calculator');

      // The analyses are radio buttons: the arrows choose, the example button follows.
      await tabTo(page, /^Kaplan-Meier$/);
      await page.keyboard.press('ArrowDown');
      assert.equal((await assertFocusShown(page, 'ArrowDown on the analyses')).name,
        'Competing risks');
      await page.keyboard.press('ArrowUp');
      assert.equal((await assertFocusShown(page, 'ArrowUp on the analyses')).name,
        'Kaplan-Meier');
      await tabTo(page, /^Example: acute myelogenous leukaemia/);
      await page.keyboard.press('Enter');
      await page.locator('#survival-result:not([hidden]) svg').first().waitFor({ timeout: WAIT });
      const focus = await assertFocusShown(page, 'the result shown');
      assert.deepEqual([focus.role, focus.name], ['region', 'Result: Kaplan-Meier']);

      // What a screen reader reads next in the region: the median of each group.
      const medians = await page.evaluate(() => [...document.activeElement
        .querySelectorAll('table[data-table="survival_groups"] tbody tr')]
        .map((row) => [...row.cells].map((cell) => cell.textContent)));
      assert.deepEqual(medians.map((row) => [row[0], row.at(-1)]),
        [['Maintained', '31 (18 to not reached)'], ['Nonmaintained', '23 (8 to not reached)']]);

      await tabTo(page, /^Export SVG: Kaplan-Meier estimate$/);
      assert.equal(await downloadWith(page, 'Enter'), 'kaplan-meier.svg');
      await tabTo(page, /^Export CSV: /);
      assert.match(await downloadWith(page, 'Enter'), /\.csv$/);
      await assertFocusShown(page, 'a table exported');

      // The result is shown again in French; the focus stays on the language menu.
      await tabTo(page, /^Language$/, { back: true });
      await page.keyboard.press('ArrowDown');
      await page.waitForFunction(() => document.getElementById('survival-result')
        .getAttribute('aria-label') === 'Résultat : Kaplan-Meier');
      assert.equal((await assertFocusShown(page, 'French chosen')).name, 'Langue',
        'the language menu lost the focus');
      assertClean(site.origin, seen);
    } finally {
      await context.close();
    }
  });
});
