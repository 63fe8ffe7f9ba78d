// Issue 15: every figure of the page, the survival calculator's three and the cohort report's
// seven, in Chromium at 1280 and 1366 px. Each fills the width its container has; its title is
// above its exports, which are above its drawing; the drawing is an image whose name and
// description Chromium computes (read from its accessibility tree, not from the markup) from the
// figure's <title> and <desc>, in the page's language; and its "Data table" link leads to a
// table on the page that holds the numbers the description reads out. The table is found by
// following the link, so a link to the wrong table fails on its numbers.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { assertClean, openPage, screenshotDir, startSite, WAIT, watch } from './browser-kit.mjs';

// 1280 and 1366 lay the page out alike (the body is at most 72rem wide): 1024 makes the figures
// narrower, so that a figure not drawn again on a resize shows.
const WIDTHS = [1280, 1366, 1024];
/** "Fills its container": within 2 px (rounding of the figure's width and of the layout). */
const SLACK = 2;

/**
 * The role, name and description Chromium's accessibility tree gives the figure's drawing.
 * @param {import('playwright-core').Page} page
 * @param {string} selector  Of the <svg>.
 */
async function accessible(page, selector) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    assert.ok(nodeId, `no ${selector}`);
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree',
      { nodeId, fetchRelatives: false });
    const node = nodes[0];
    return { role: node.role?.value, name: node.name?.value ?? '',
      description: node.description?.value ?? '' };
  } finally {
    await cdp.detach();
  }
}

/**
 * What a figure is on the page: the boxes of its title, exports and drawing, the drawing's and
 * the figure's widths, its aria references, and the table its data link leads to (as text, row
 * by row), or null when the link leads nowhere or to no table.
 * @param {import('playwright-core').Locator} figure
 */
function figureOnPage(figure) {
  return figure.evaluate((f) => {
    const box = (node) => (node ? node.getBoundingClientRect().toJSON() : null);
    const svg = f.querySelector('svg');
    const link = f.querySelector('.figure-data-link a');
    const href = link?.getAttribute('href') ?? '';
    const target = href.startsWith('#') ? document.getElementById(href.slice(1)) : null;
    const table = target?.matches('table') ? target : target?.querySelector('table');
    return {
      id: f.id,
      title: f.querySelector(':scope > figcaption')?.textContent ?? null,
      titleBox: box(f.querySelector(':scope > figcaption')),
      exportsBox: box(f.querySelector(':scope > .exports')),
      svgBox: box(svg),
      // The width it was drawn at: CSS may scale a drawing down (max-width: 100%), which is not
      // filling the figure.
      drawnWidth: Number(svg.getAttribute('width')),
      figureWidth: f.clientWidth,
      labelledBy: svg.getAttribute('aria-labelledby'),
      describedBy: svg.getAttribute('aria-describedby'),
      titleId: svg.querySelector(':scope > title')?.id,
      descId: svg.querySelector(':scope > desc')?.id,
      svgTitle: svg.querySelector(':scope > title')?.textContent,
      link: link ? { text: link.textContent, label: link.getAttribute('aria-label'), href }
        : null,
      table: table ? {
        caption: table.querySelector('caption')?.textContent ?? '',
        rows: [...table.querySelectorAll('tbody tr')].map((row) => [...row.cells]
          .map((cell) => cell.textContent)),
      } : null,
    };
  });
}

/** The checks every figure passes, whatever it draws. */
function assertFigureShape(shown, { captioned = true } = {}) {
  const what = shown.id;
  assert.ok(Math.abs(shown.drawnWidth - shown.figureWidth) <= SLACK
    && Math.abs(shown.svgBox.width - shown.figureWidth) <= SLACK,
  `${what}: drawn ${shown.drawnWidth} px wide, shown ${shown.svgBox.width} px, in a figure of `
    + `${shown.figureWidth} px`);
  if (captioned) {
    assert.ok(shown.titleBox, `${what}: a caption`);
    assert.ok(shown.titleBox.bottom <= shown.exportsBox.top + 0.5,
      `${what}: the title (bottom ${shown.titleBox.bottom}) above the exports (top `
      + `${shown.exportsBox.top})`);
  }
  assert.ok(shown.exportsBox.bottom <= shown.svgBox.top + 0.5,
    `${what}: the exports (bottom ${shown.exportsBox.bottom}) above the drawing (top `
    + `${shown.svgBox.top})`);
  assert.ok(shown.labelledBy && shown.labelledBy === shown.titleId,
    `${what}: aria-labelledby names the <title> (${shown.labelledBy} vs ${shown.titleId})`);
  assert.ok(shown.describedBy && shown.describedBy === shown.descId,
    `${what}: aria-describedby names the <desc> (${shown.describedBy} vs ${shown.descId})`);
  assert.ok(shown.link, `${what}: a link to its data table`);
  assert.ok(shown.table, `${what}: its link (${shown.link.href}) leads to a table`);
  assert.ok(shown.table.rows.length > 0, `${what}: the linked table has rows`);
}

/** Waits until every figure in `selector` fills its figure (the redraw follows a resize). */
async function waitForFill(page, selector) {
  await page.waitForFunction(([s, slack]) => {
    const figures = [...document.querySelectorAll(s)];
    return figures.length > 0 && figures.every((f) => Math.abs(Number(f.querySelector('svg')
      .getAttribute('width')) - f.clientWidth) <= slack);
  }, [selector, SLACK], { timeout: WAIT }).catch(() => {});  // the assertions say what is wrong
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The numbers each calculator figure's description must read out of its linked table, by the
 * table's columns (`cells` of them a row); `en` and `fr` are words only that language's
 * description has.
 */
const CALCULATOR = {
  km: {
    label: 'Kaplan-Meier', cells: 4,
    example: 'Example: acute myelogenous leukaemia (R survival::aml)',
    // group, n, events, median (CI): "Maintained: n = 11, 7 events, median 31 (18 to ...)".
    rowSaid: ([group, n, events, median]) => new RegExp(`${escape(group)} ?: n = ${n}, ${events} `
      + `\\S+, \\S+ ${escape(median.split(' ')[0])}`),
    en: /median/, fr: /médiane/,
  },
  cif: {
    label: 'Competing risks', cells: 5,
    example: 'Example: MGUS, progression or death first (R survival::mgus2)',
    // cause, group, n, events, last time: "Cause 1, F: 59 events among 631, 11.5 % at time 424".
    rowSaid: ([cause, group, n, events, last]) => new RegExp(`${escape(cause)}, `
      + `${escape(group)} ?: ${events} \\S+ \\S+ ${n}, [\\d.,]+ % \\S+ \\S+ ${escape(last)}`),
    en: /events among/, fr: /événements sur/,
  },
  cox: {
    label: 'Cox model', cells: 6, example: 'Example: lung cancer trial (R survival::veteran)',
    // term, HR (CI), ...: "celltypelarge: 0.47 (0.26–0.84)".
    rowSaid: ([term, hr]) => new RegExp(`${escape(term)} ?: ${escape(hr)}\\.`),
    en: /Hazard ratios of/, fr: /Rapports de risques de/,
  },
};

describe('issue 15: every figure fills its width, is titled, described and linked to its '
  + 'numbers', { timeout: 180_000 }, () => {
  let site;
  before(async () => { site = await startSite(); });
  after(async () => site?.stop());

  for (const [analysis, spec] of Object.entries(CALCULATOR)) {
    test(`the calculator's ${spec.label} figure, in English and French`, async () => {
      const context = await site.browser.newContext({ viewport: { width: WIDTHS[0],
        height: 900 } });
      try {
        const page = await context.newPage();
        const seen = watch(page);
        await openPage(page, site.origin);
        await page.locator('#mode-survival').click();
        await page.locator(`input[name="analysis"][value="${analysis}"]`).check();
        await page.getByRole('button', { name: spec.example }).click();
        await page.locator('#survival-figure figure svg').waitFor({ timeout: WAIT });
        const figure = page.locator('#survival-figure > figure');
        for (const lang of ['en', 'fr']) {
          if (lang === 'fr') {
            await page.locator('#language').selectOption('fr');
            await page.locator('#survival-figure svg[lang="fr"]').waitFor({ timeout: WAIT });
          }
          for (const width of WIDTHS) {
            await page.setViewportSize({ width, height: 900 });
            await waitForFill(page, '#survival-figure > figure');
            const shown = await figureOnPage(figure);
            shown.id = `${analysis} (${lang}, ${width} px)`;
            assertFigureShape(shown);
            const a11y = await accessible(page, '#survival-figure svg');
            assert.equal(a11y.role, 'image', `${shown.id}: an image`);
            assert.equal(a11y.name, shown.svgTitle, `${shown.id}: named by its title`);
            assert.equal(shown.title, shown.svgTitle, `${shown.id}: the caption is its title`);
            assert.equal(shown.link.text, lang === 'fr' ? 'Tableau des données' : 'Data table');
            assert.ok(shown.link.label.startsWith(shown.link.text)
              && shown.link.label.includes(shown.title), `${shown.id}: the link names its figure`);
            assert.match(a11y.description, spec[lang], `${shown.id}: described in ${lang}`);
            assert.doesNotMatch(a11y.description, spec[lang === 'fr' ? 'en' : 'fr'],
              `${shown.id}: described in ${lang} only`);
            for (const row of shown.table.rows) {
              assert.equal(row.length, spec.cells, `${shown.id}: the linked table has the `
                + `figure's columns: ${JSON.stringify(row)}`);
              assert.match(a11y.description, spec.rowSaid(row),
                `${shown.id}: the description reads the linked table's row ${JSON.stringify(row)}`);
            }
          }
          await page.locator('#survival-result').screenshot({
            path: path.join(screenshotDir, `figures-${analysis}-${lang}.png`) });
        }
        assertClean(site.origin, seen);
      } finally {
        await context.close();
      }
    });
  }

  test('the cohort report\'s seven figures, in English and French', async () => {
    const context = await site.browser.newContext({ viewport: { width: WIDTHS[0],
      height: 900 } });
    try {
      const page = await context.newPage();
      const seen = watch(page);
      await openPage(page, site.origin);
      await page.getByRole('button', { name: 'Open the example cohort' }).click();
      await page.locator('#analyse:visible').click({ timeout: WAIT });
      await page.locator('#figure-responseIncidence svg').waitFor({ timeout: WAIT });
      // What each description reads out of its linked table (rows of cells, caption).
      const said = {
        // The survival table: outcome, n, events, median, ...: "n = 13, 5 events".
        rfs: (table, desc) => table.rows.some(([, n, events]) =>
          desc.includes(`n = ${n}, ${events} `)),
        os: (table, desc) => table.rows.some(([, n, events]) =>
          desc.includes(`n = ${n}, ${events} `)),
        // The incidence table's caption counts the patients and each first event.
        responseIncidence: (table, desc) => [...desc.matchAll(/: (\d+) \S+ \S+ (\d+),/g)]
          .every(([, events, n]) => table.caption.includes(n) && table.caption.includes(events)),
        // The per-patient table: a row per patient the description counts.
        trajectories: (table, desc) => desc.includes(` ${table.rows.length} patients`),
        // The weeks' table: the first week's median.
        plateletsByWeek: (table, desc) => {
          const [, week, median] = desc
            .match(/(?:week|semaine) (\d+) ?: (?:median|médiane) (\S+) G/) ?? [];
          return table.rows.some((row) => row[0] === week && row[2] === median);
        },
        // The response table: "9/25" of CR.
        response: (table, desc) => table.rows.some((row) => row[1] && /^\d+\/\d+$/.test(row[1])
          && desc.includes(row[1])),
        // The per-patient table: the first patient the swimmer plot names.
        swimmer: (table, desc) => {
          const [, first] = desc.match(/(?:first|premier) ?: ([^,]+),/) ?? [];
          return table.rows.some((row) => row[0] === first);
        },
      };
      for (const lang of ['en', 'fr']) {
        if (lang === 'fr') {
          await page.locator('#language').selectOption('fr');
          await page.locator('#figures svg[lang="fr"]').first().waitFor({ timeout: WAIT });
          await page.locator('#figure-responseIncidence svg[lang="fr"]').waitFor({ timeout: WAIT });
        }
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 900 });
          await waitForFill(page, '#figures > figure');
          const figures = await page.locator('#figures > figure').all();
          assert.equal(figures.length, 7);
          for (const figure of figures) {
            const shown = await figureOnPage(figure);
            const name = shown.id.replace('figure-', '');
            shown.id = `${shown.id} (${lang}, ${width} px)`;
            // The weeks' figure writes its title in its drawing (data-title-shown).
            assertFigureShape(shown, { captioned: name !== 'plateletsByWeek' });
            const a11y = await accessible(page, `#figure-${name} svg`);
            assert.equal(a11y.role, 'image', `${shown.id}: an image`);
            assert.equal(a11y.name, shown.svgTitle, `${shown.id}: named by its title`);
            assert.ok(a11y.description.length > 40, `${shown.id}: described`);
            assert.equal(shown.link.text, lang === 'fr' ? 'Tableau des données' : 'Data table');
            assert.ok(shown.link.label.startsWith(shown.link.text)
              && shown.link.label.includes(shown.title ?? shown.svgTitle),
            `${shown.id}: the link (${shown.link.label}) names its figure`);
            const english = /\b(events|counts|median|over time|Response rates|followed)\b/;
            const french =
              /(événements|numérations|médiane|en fonction du temps|Taux de réponse|suivi)/;
            assert.match(a11y.description, lang === 'fr' ? french : english,
              `${shown.id}: described in ${lang}: ${a11y.description.slice(0, 120)}`);
            if (lang === 'fr') {
              assert.doesNotMatch(a11y.description, english,
                `${shown.id}: no English in French: ${a11y.description.slice(0, 120)}`);
            }
            assert.ok(said[name](shown.table, a11y.description), `${shown.id}: the linked table `
              + `(${JSON.stringify(shown.table.rows.slice(0, 2))}) holds what the description `
              + `says: ${a11y.description.slice(0, 200)}`);
          }
        }
      }
      await page.locator('#figures').screenshot({ path: path.join(screenshotDir,
        'figures-report-fr.png') });
      assertClean(site.origin, seen);
    } finally {
      await context.close();
    }
  });
});
