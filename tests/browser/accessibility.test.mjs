// Issue 15: the page under axe-core (WCAG 2.0 and 2.1, A and AA) at every step a user meets,
// in English and in French: the cohort's load step, its check step (the example cohort
// opened), its results (figures drawn), a patient's dialog, the printable report, and the
// survival calculator after each of its three analyses has run on its example. axe sees the
// page as Chromium renders it (contrast, names, roles, landmarks, labels, duplicate ids); what
// it cannot judge, the keyboard walk (keyboard.test.mjs) does.
import { after, before, describe, test } from 'node:test';

import {
  assertAccessible, assertClean, openPage, startSite, WAIT, watch,
} from './browser-kit.mjs';

/** @param {import('playwright-core').Page} page @param {string} step */
async function waitForStep(page, step) {
  await page.locator(`#step-${step}:not([hidden])`).waitFor({ timeout: WAIT });
}

/** @param {import('playwright-core').Page} page */
async function waitForSurvivalResult(page) {
  await page.locator('#survival-result:not([hidden]) svg').first().waitFor({ timeout: WAIT });
}

const LANGUAGES = [
  { lang: 'en', locale: 'en-GB', example: 'Open the example cohort' },
  { lang: 'fr', locale: 'fr-FR', example: 'Ouvrir la cohorte d\u2019exemple' },
];

describe('the page under axe-core, at every step', { timeout: 180_000 }, () => {
  let site;
  before(async () => { site = await startSite(); });
  after(async () => site?.stop());

  for (const { lang, locale } of LANGUAGES) {
    test(`the cohort's steps, a patient's dialog and the printable report (${lang})`,
      async () => {
        const context = await site.browser.newContext({ locale,
          viewport: { width: 1280, height: 800 } });
        try {
          const page = await context.newPage();
          const seen = watch(page);
          await openPage(page, site.origin);
          await assertAccessible(page, `the load step (${lang})`);

          await page.locator('#open-example').click();
          await waitForStep(page, 'check');
          await assertAccessible(page, `the check step (${lang})`);
          // The criteria's parameters, folded until asked for.
          await page.locator('#criteria details summary').click();
          await assertAccessible(page, `the check step, parameters open (${lang})`);

          await page.locator('#analyse').click();
          await waitForStep(page, 'results');
          await page.locator('#figures svg').first().waitFor({ timeout: WAIT });
          await assertAccessible(page, `the results step (${lang})`);

          await page.locator('#patients button.patient-link').first().click();
          await page.locator('#patient-dialog[open]').waitFor({ timeout: WAIT });
          await assertAccessible(page, `a patient's dialog (${lang})`);
          await page.keyboard.press('Escape');

          const download = page.waitForEvent('download');
          await page.locator('#print-report').click();
          let html = '';
          for await (const chunk of await (await download).createReadStream()) html += chunk;
          const report = await context.newPage();
          await report.setContent(html);
          await assertAccessible(report, `the printable report (${lang})`);
          assertClean(site.origin, seen);
        } finally {
          await context.close();
        }
      });

    test(`the survival calculator's three analyses on their examples (${lang})`, async () => {
      const context = await site.browser.newContext({ locale,
        viewport: { width: 1280, height: 800 } });
      try {
        const page = await context.newPage();
        const seen = watch(page);
        await openPage(page, site.origin);
        await page.locator('#mode-survival').click();
        await assertAccessible(page, `the survival calculator, nothing run (${lang})`);
        for (const analysis of ['km', 'cif', 'cox']) {
          await page.locator(`input[name="analysis"][value="${analysis}"]`).check();
          await page.locator('#survival-example:enabled').click();
          await waitForSurvivalResult(page);
          await assertAccessible(page, `the survival calculator, ${analysis} (${lang})`);
        }
        assertClean(site.origin, seen);
      } finally {
        await context.close();
      }
    });
  }
});
