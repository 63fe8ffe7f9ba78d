// What a visitor downloads, measured in Chromium rather than listed by hand: the page's own files
// it requests (page and worker alike), each counted at its gzipped size (gzip -9 of the file in
// the site's folder, what a static host that compresses sends), in the order a visit asks for
// them. The example data sets are data, not the program, and are left out. Shared by the test of
// the first load's budget (issue_15_bundle.test.mjs) and the benchmark (bench/page_run.mjs).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

import { openPage, WAIT } from './browser-kit.mjs';

/** The gzipped size of each file of the site, read once. */
const gzipped = new Map();
function gzippedSize(siteDir, pathname) {
  const file = path.join(siteDir, decodeURIComponent(pathname));
  if (!gzipped.has(file)) gzipped.set(file, gzipSync(readFileSync(file), { level: 9 }).length);
  return gzipped.get(file);
}

/**
 * Records the page's requests of its own files; `take()` returns those asked since the last take,
 * with their gzipped sizes.
 * @param {import('playwright-core').Page} page
 * @param {string} origin
 * @param {string} siteDir
 */
function recorder(page, origin, siteDir) {
  const asked = new Set();
  const taken = new Set();
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== origin || url.pathname.startsWith('/examples/')) return;
    asked.add(url.pathname.endsWith('/') ? `${url.pathname}index.html` : url.pathname);
  });
  return () => {
    const files = [...asked].filter((name) => !taken.has(name))
      .map((name) => ({ name, bytes: gzippedSize(siteDir, name) }));
    for (const file of files) taken.add(file.name);
    return { files, bytes: files.reduce((sum, file) => sum + file.bytes, 0) };
  };
}

/**
 * The downloads of a visit: the first load (the page up to "Ready"), then what the cohort's
 * example adds up to its results with every figure, and, in another tab, what opening the
 * survival calculator and running each analysis's example adds.
 * @param {import('playwright-core').Browser} browser
 * @param {string} origin
 * @param {string} siteDir
 * @returns {Promise<Array<{step: string, files: {name: string, bytes: number}[], bytes: number}>>}
 */
export async function downloadsOfAVisit(browser, origin, siteDir) {
  const steps = [];
  const cohortTab = await browser.newPage();
  try {
    const take = recorder(cohortTab, origin, siteDir);
    await openPage(cohortTab, origin);
    steps.push({ step: 'first load, up to "Ready"', ...take() });
    await cohortTab.getByRole('button', { name: 'Open the example cohort' }).click();
    await cohortTab.getByRole('button', { name: 'Analyse' }).click();
    await cohortTab.locator('#figure-responseIncidence svg').waitFor({ timeout: WAIT });
    steps.push({ step: 'cohort: example analysed, every figure drawn', ...take() });
  } finally {
    await cohortTab.close();
  }
  const survivalTab = await browser.newPage();
  try {
    const take = recorder(survivalTab, origin, siteDir);
    await openPage(survivalTab, origin);
    take();
    await survivalTab.locator('#mode-survival').click();
    for (const analysis of ['km', 'cif', 'cox']) {
      await survivalTab.locator(`input[name="analysis"][value="${analysis}"]`).check();
      await survivalTab.locator('#survival-example').click();
      await survivalTab.waitForFunction(() => !document.getElementById('survival-result').hidden
        && document.querySelector('#survival-figure svg'), null, { timeout: WAIT });
      steps.push({ step: `survival calculator: ${analysis} example run`, ...take() });
    }
  } finally {
    await survivalTab.close();
  }
  return steps;
}
