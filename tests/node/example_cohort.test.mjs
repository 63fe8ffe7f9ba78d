// The synthetic example cohort (examples/cohort/): the committed CSV files are exactly what the
// generator writes, the independent R check (check_published.R) reproduces the seed study's
// published aggregates, and its per-patient results and README.md's table agree with the
// intended classification in the generator's PATIENTS table.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { PATIENTS, intendedTable } from '../../examples/cohort/make_cohort.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cohortDir = path.join(repoRoot, 'examples/cohort');
const generator = path.join(cohortDir, 'make_cohort.mjs');
const rCheck = path.join(cohortDir, 'check_published.R');

const EN = ['adverse_events', 'infusions', 'labs', 'patients', 'platelets', 'treatments'];
const FR = ['biologie', 'effets_indesirables', 'patients', 'perfusions', 'plaquettes', 'traitements'];

const tmp = mkdtempSync(path.join(os.tmpdir(), 'itp-example-cohort-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

const csvFiles = (dir) => readdirSync(dir).filter((f) => f.endsWith('.csv')).sort();

test('the generator writes the committed files byte for byte, twice the same', () => {
  for (const run of ['a', 'b']) {
    const out = path.join(tmp, run);
    execFileSync(process.execPath, [generator, out], { stdio: 'pipe' });
    for (const [lang, names] of [['en', EN], ['fr', FR]]) {
      assert.deepEqual(csvFiles(path.join(out, lang)), names.map((n) => `${n}.csv`));
      assert.deepEqual(csvFiles(path.join(cohortDir, lang)), names.map((n) => `${n}.csv`),
        `examples/cohort/${lang}/ holds exactly the generated files`);
      for (const name of names) {
        const rel = `${lang}/${name}.csv`;
        const generated = readFileSync(path.join(out, rel));
        const committed = readFileSync(path.join(cohortDir, rel));
        assert.ok(generated.equals(committed),
          `examples/cohort/${rel} differs from the generator's output: run node examples/cohort/make_cohort.mjs`);
      }
    }
  }
});

test('French files: Windows-1252, semicolons, CRLF; English files: UTF-8, commas, LF', () => {
  const frPatients = readFileSync(path.join(cohortDir, 'fr/patients.csv'));
  assert.ok(frPatients.subarray(0, 40).toString('latin1').startsWith('id_patient;date_J0;sexe;\u00e2ge;'));
  assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(frPatients));
  for (const name of FR) {
    const text = readFileSync(path.join(cohortDir, 'fr', `${name}.csv`)).toString('latin1');
    assert.equal(text.split('\r\n').length, text.split('\n').length, `fr/${name}.csv: CRLF only`);
    assert.ok(text.endsWith('\r\n'));
  }
  for (const name of EN) {
    const bytes = readFileSync(path.join(cohortDir, 'en', `${name}.csv`));
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    assert.ok(!text.includes('\r') && text.endsWith('\n'), `en/${name}.csv: LF only`);
  }
});

test('README.md carries the intended per-patient table', () => {
  const readme = readFileSync(path.join(cohortDir, 'README.md'), 'utf8');
  for (const row of intendedTable()) assert.ok(readme.includes(row), `README.md lacks the row: ${row}`);
});

test('check_published.R reproduces the published aggregates and the intended categories', () => {
  const r = spawnSync('Rscript', [rCheck], { cwd: repoRoot, encoding: 'utf8', timeout: 120000 });
  assert.equal(r.error, undefined, `cannot run Rscript: ${r.error}`);
  assert.equal(r.status, 0, `check_published.R failed:\n${r.stdout}\n${r.stderr}`);
  assert.match(r.stdout, /All published figures reproduced\./);

  const got = new Map();
  for (const line of r.stdout.split('\n')) {
    if (!line.startsWith('PATIENT\t')) continue;
    const [, id, category, baseline, ttr, rfsDays, rfsEvent] = line.split('\t');
    got.set(id, { category, baseline: Number(baseline), ttr: ttr === 'NA' ? null : Number(ttr),
      rfs: rfsDays === 'NA' ? null : { days: Number(rfsDays), event: rfsEvent } });
  }
  assert.equal(got.size, PATIENTS.length);
  for (const p of PATIENTS) {
    const { category, ttr, rfs } = p.intended;
    assert.deepEqual(got.get(p.id), { category, baseline: p.baseline, ttr, rfs }, p.id);
  }
});
