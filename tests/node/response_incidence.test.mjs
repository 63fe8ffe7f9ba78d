// The cohort report's cumulative incidence of response (new ITP treatment and death competing)
// on the example cohort, as the page's table shows it, in English and French, from the real
// wasm core. The expected cells are R's: each patient's first event was derived from the
// cohort's patient list (first confirmed response day; else the first subsequent treatment's
// start; else death; else censored at the last follow-up) and given to
//   f <- cmprsk::cuminc(day / 30.4375, status, cencode = 0)
//   timepoints(f, c(1, 3, 6, 12, 24))
// with limits est^exp(±1.959964·√var / (est·log est)): response 32 % (14.9–50.6) at 1 month,
// 56 % (34.0–73.2) at 3, 60 % (37.5–76.6) from 6 on; new treatment 0 at 1, 8 % (1.3–23.2) at 3,
// 20 % (6.7–38.3) at 6, 24 % (9.1–42.8) at 12, 28 % (11.5–47.2) at 24; 15 responses, 7 new
// treatments first, no death first, 3 censored, among 25 evaluable patients.
//
// The figure draws the same curves stacked: response, then new treatment, then death, the patients
// with none of them yet on top.
//
//   node --test tests/node/response_incidence.test.mjs
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';

import { JSDOM } from 'jsdom';

import { responseIncidenceTable } from '../../web/page/tables/report-tables.js';
import { loadCore, repoRoot, workspaceOfFolder } from './core-loader.mjs';

const core = await loadCore();
// The figure runs on the d3 bundle that ships (dist/page/, ITP_SITE_DIR for another site).
const siteDir = path.resolve(process.env.ITP_SITE_DIR ?? path.join(repoRoot, 'dist'));
const { drawResponseIncidence } = await import(
  pathToFileURL(path.join(siteDir, 'page/figures/response-incidence.js')).href);

async function exampleReport(lang) {
  const { workspace, tables } = await workspaceOfFolder(core,
    path.join(repoRoot, 'examples/cohort', lang));
  try {
    return JSON.parse(workspace.run(JSON.stringify({ type: 'cohort', criteria: 'seed-2026',
      tables })));
  } finally {
    workspace.delete();
  }
}

const EXPECTED = {
  en: {
    caption: '25 evaluable patients: 15 responded, 7 started a new ITP treatment first, 0 died first, 3 censored.',
    rows: [
      ['1', '32.0 % (14.9–50.6)', '0.0 %', '0.0 %'],
      ['3', '56.0 % (34.0–73.2)', '8.0 % (1.3–23.2)', '0.0 %'],
      ['6', '60.0 % (37.5–76.6)', '20.0 % (6.7–38.3)', '0.0 %'],
      ['12', '60.0 % (37.5–76.6)', '24.0 % (9.1–42.8)', '0.0 %'],
      ['24', '60.0 % (37.5–76.6)', '28.0 % (11.5–47.2)', '0.0 %'],
    ],
  },
  fr: {
    caption: '25 patients évaluables : 15 ont répondu, 7 ont d’abord débuté un nouveau traitement du PTI, 0 sont d’abord décédés, 3 censurés.',
    rows: [
      ['1', '32,0 % (14,9–50,6)', '0,0 %', '0,0 %'],
      ['3', '56,0 % (34,0–73,2)', '8,0 % (1,3–23,2)', '0,0 %'],
      ['6', '60,0 % (37,5–76,6)', '20,0 % (6,7–38,3)', '0,0 %'],
      ['12', '60,0 % (37,5–76,6)', '24,0 % (9,1–42,8)', '0,0 %'],
      ['24', '60,0 % (37,5–76,6)', '28,0 % (11,5–47,2)', '0,0 %'],
    ],
  },
};

for (const lang of ['en', 'fr']) {
  test(`the example's cumulative incidence of response, as R's cuminc gives it (${lang})`, async () => {
    const report = await exampleReport(lang);
    assert.equal(report.ok, true);
    const table = responseIncidenceTable(report, lang);
    assert.equal(table.caption, EXPECTED[lang].caption);
    assert.deepEqual(table.columns.map((c) => c.key), ['time', 'response', 'new_treatment', 'death']);
    assert.deepEqual(table.rows.map((r) => table.columns.map((c) => r.cells[c.key])),
      EXPECTED[lang].rows);
  });
}

test('the figure stacks the three first events of the example, to the last first event',
  async () => {
    const report = await exampleReport('fr');
    const incidence = report.response_incidence;
    // The longest first-event time: SYN-01 and SYN-06, non-responders with no new treatment,
    // censored at 1600 days (SYN-02's 2222 days of follow-up end at its response on day 7;
    // SYN-03 and SYN-05, followed longer, started a new treatment first).
    assert.ok(Math.abs(incidence.last_time * 30.4375 - 1600) < 1e-9, `${incidence.last_time}`);
    const doc = new JSDOM('<!doctype html><html><body></body></html>').window.document;
    const causeNames = { response: 'Réponse', new_treatment: 'Nouveau traitement du PTI',
      death: 'Décès' };
    const svg = drawResponseIncidence(doc, incidence, { lang: 'fr', causeNames,
      labels: { title: 'Incidence cumulée de la réponse', eventFree: 'Aucun de ces événements' } });
    assert.equal(svg.querySelector('title').textContent, 'Incidence cumulée de la réponse');
    assert.deepEqual([...svg.querySelectorAll('.cif-stack')].map((p) => p.getAttribute('data-cause')),
      ['response', 'new_treatment', 'death']);
    assert.equal(svg.querySelectorAll('.cif-event-free').length, 1);
    const legend = [...svg.querySelectorAll('text')].map((node) => node.textContent);
    for (const name of [...Object.values(causeNames), 'Aucun de ces événements']) {
      assert.ok(legend.includes(name), `${name} in the legend`);
    }
    // Its words for a screen reader carry R's numbers: 60 % responded, 28 % a new treatment
    // first; in the page's language (issue 15: they were English on a French page).
    const desc = svg.querySelector('desc').textContent;
    assert.match(desc, /Réponse, cohort : 15 événements sur 25, 60,0 %/);
    assert.match(desc, /Nouveau traitement du PTI, cohort : 7 événements sur 25, 28,0 %/);
  });
