// The page's words in English and French (web/page/i18n/, issue 6); how numbers are written is
// tests/node/format.test.mjs's.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';

import {
  dictionaries, hasText, languages, normalizeLanguage, t, tOr, translate,
} from '../../web/page/i18n/index.js';

const placeholders = (text) => [...text.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]).sort();

test('English and French have the same keys, none empty, with the same {placeholders}', () => {
  assert.deepEqual(languages.map((l) => l.code), ['en', 'fr']);
  const en = Object.keys(dictionaries.en).sort();
  const fr = Object.keys(dictionaries.fr).sort();
  assert.deepEqual(en.filter((k) => !fr.includes(k)), [], 'keys missing from French');
  assert.deepEqual(fr.filter((k) => !en.includes(k)), [], 'keys only in French');
  assert.ok(en.length > 300, `a dictionary for the whole page (${en.length} keys)`);
  for (const key of en) {
    for (const lang of ['en', 'fr']) {
      assert.equal(typeof dictionaries[lang][key], 'string', `${lang} ${key}`);
      assert.ok(dictionaries[lang][key].trim().length > 0 || key.startsWith('note.quantileWhich'),
        `${lang} ${key} is empty`);
    }
    assert.deepEqual(placeholders(dictionaries.fr[key]), placeholders(dictionaries.en[key]),
      `placeholders of ${key}`);
  }
});

test('the brief\'s ids exist: steps, buttons, categories, privacy, survival, errors', () => {
  for (const id of ['step.load', 'step.check', 'step.results', 'button.openExample',
    'button.chooseFiles', 'button.exportCsv', 'button.exportSvg', 'button.exportPng',
    'button.exportJson', 'button.printReport', 'privacy.statement', 'survival.time',
    'survival.event', 'survival.group', 'error.workerRestarted', 'table.table1.title',
    'col.patientsN']) {
    assert.ok(hasText(id), id);
  }
  assert.equal(t('button.openExample', 'en'), 'Open the example cohort');
  assert.equal(t('button.openExample', 'fr'), 'Ouvrir la cohorte d’exemple');
});

test('French ITP abbreviations: RC, R, RG, NR, NE, exclu', () => {
  const short = (c, lang) => t(`category.${c}`, lang);
  assert.deepEqual(['CR', 'R', 'OR', 'NR', 'NE', 'excluded'].map((c) => short(c, 'en')),
    ['CR', 'R', 'OR', 'NR', 'NE', 'Excluded']);
  assert.deepEqual(['CR', 'R', 'OR', 'NR', 'NE', 'excluded'].map((c) => short(c, 'fr')),
    ['RC', 'R', 'RG', 'NR', 'NE', 'Exclu']);
  assert.equal(t('category.CR.long', 'fr'), 'Réponse complète (RC)');
  assert.equal(t('category.OR.long', 'fr'), 'Réponse globale (RG = RC + R)');
  assert.equal(t('category.NR.long', 'fr'), 'Non-réponse (NR)');
  assert.equal(t('category.NE.long', 'fr'), 'Non évaluable (NE)');
});

test('t: {name} substitution, unknown names kept, missing key falls back to English', () => {
  assert.equal(t('results.warnings', 'en', { count: 3 }), 'Warnings: 3');
  assert.equal(t('results.warnings', 'fr', { count: 3 }), 'Avertissements : 3');
  assert.equal(t('check.problemAt', 'en', { file: 'a.csv', row: 4 }),
    'a.csv, row 4, column {column}');
  // A value holding braces is inserted as it is, not substituted again.
  assert.equal(t('results.warnings', 'en', { count: '{count}' }), 'Warnings: {count}');
  assert.equal(t('no.such.key', 'fr'), 'no.such.key');
  assert.equal(t('button.close', 'de'), 'Close', 'an unknown language is English');
  assert.equal(t('button.close', 'fr-CA'), 'Fermer');
  const dicts = { en: { a: 'A {x}', b: 'B' }, fr: { b: 'Bé' } };
  assert.equal(translate(dicts, 'a', 'fr', { x: 1 }), 'A 1', 'missing in French: English');
  assert.equal(translate(dicts, 'b', 'fr'), 'Bé');
  assert.equal(tOr('class.no_such_class', 'fr', 'as written'), 'as written');
  assert.equal(tOr('class.tpo_ra', 'fr', 'x'), 'Agonistes du récepteur de la TPO (AR-TPO)');
});

test('languages: codes normalised from navigator.language', () => {
  assert.equal(normalizeLanguage('fr-FR'), 'fr');
  assert.equal(normalizeLanguage('FR_be'), 'fr');
  assert.equal(normalizeLanguage('en-US'), 'en');
  assert.equal(normalizeLanguage('de'), 'en');
  assert.equal(normalizeLanguage(undefined), 'en');
});

test('every literal id the page\'s modules ask for is in the dictionary', async () => {
  const { readdir, readFile } = await import('node:fs/promises');
  const pageDir = new URL('../../web/page/', import.meta.url);
  const modules = (await readdir(pageDir, { recursive: true }))
    .filter((file) => file.endsWith('.js') && !file.startsWith('i18n/'));
  const asking = [];
  for (const file of modules) {
    const source = await readFile(new URL(file, pageDir), 'utf8');
    const ids = [...source.matchAll(/\b(?:t|tOr)\(\s*'([^']+)'/g)].map((m) => m[1]);
    if (ids.length > 0) asking.push(file);
    for (const id of ids) assert.ok(hasText(id), `${file}: ${id}`);
  }
  // The pattern still finds the ids where the page asks for its words.
  for (const file of ['app.js', 'page-kit.js', 'tables/report-tables.js',
    'survival/survival-page.js']) {
    assert.ok(asking.includes(file), `no id found in ${file}`);
  }
});

test('issue 11: the new rows, tables and figure are named in both languages', () => {
  assert.equal(t('byTreatment.neither', 'en'), 'Neither background nor concomitant treatment');
  assert.equal(t('byTreatment.neither', 'fr'), 'Ni traitement de fond ni concomitant');
  assert.equal(t('table.crAlone.title', 'fr'), 'Réponse complète sans autre traitement du PTI');
  assert.equal(t('table.aeBeforeD0.title', 'fr'), 'Effets indésirables avant J0');
  assert.equal(t('figure.plateletsByWeek', 'fr'),
    'Numérations plaquettaires par semaine depuis J0 : médiane et EIQ');
  assert.equal(t('figure.fewPatients', 'fr', { n: 3 }), 'Moins de 3 patients : point seul');
  for (const id of ['table.plateletsByWeek.title', 'table.neither.title', 'col.lossCr', 'col.os',
    'col.bleeding', 'col.confirmed', 'audit.rfsMissing', 'audit.osMissing', 'note.safetyFromD0',
    'note.severalCauses.one', 'note.severalCauses.other', 'axis.weeksSinceD0']) {
    assert.ok(hasText(id), id);
    assert.notEqual(t(id, 'fr'), t(id, 'en'), `${id} is translated`);
  }
});

test('no id is written twice in a dictionary (the later text would silently replace the first)',
  async () => {
    for (const lang of ['en', 'fr']) {
      const source = await readFile(new URL(`../../web/page/i18n/${lang}.js`, import.meta.url),
        'utf8');
      const ids = [...source.matchAll(/^ {2}'([^']+)':/gm)].map((m) => m[1]);
      assert.ok(ids.length > 300, `${lang}: ids read from the source`);
      assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), [], `${lang}: repeated ids`);
    }
  });
