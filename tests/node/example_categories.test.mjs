// The example cohort's per-patient answer against what its generator intended: for every
// patient of examples/cohort/make_cohort.mjs's PATIENTS table, the category, the time to
// response and RFS (days from the first response, and how it ends) that `intended` gives must
// be what the core answers under seed-2026 — from `itp-analyze cohort` and from the real wasm
// module, on the English and on the French files. (tests/node/example_cohort.test.mjs checks the
// same intentions against the independent R script; this checks the core itself.)
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { promisify } from 'node:util';

import { PATIENTS } from '../../examples/cohort/make_cohort.mjs';
import { loadCore, repoRoot, workspaceOfFolder } from './core-loader.mjs';

const cli = process.env.ITP_CLI ?? path.join(repoRoot, 'build/release/itp-analyze');

// How the generator names the end of RFS, and what the core's `rfs` then holds.
const RFS_END = {
  censored: { event: false, event_reason: null },
  death: { event: true, event_reason: 'death' },
  'loss of response': { event: true, event_reason: 'loss of response' },
  'subsequent treatment': { event: true, event_reason: 'new treatment' },
};

/** What the generator intended for one patient, in the core's words. */
function intended(p) {
  const { category, ttr, rfs } = p.intended;
  assert.ok(rfs === null || RFS_END[rfs.event], `${p.id}: unknown RFS end "${rfs?.event}"`);
  return { category, time_to_response_days: ttr,
    rfs: rfs === null ? null : { days: rfs.days, ...RFS_END[rfs.event] } };
}

/** The same fields of the core's answer for one patient. */
const answered = (p) => ({ category: p.category, time_to_response_days: p.time_to_response_days,
  rfs: p.rfs === null ? null : { days: p.rfs.days, event: p.rfs.event, event_reason: p.rfs.event_reason } });

async function fromCli(dir) {
  const { stdout } = await promisify(execFile)(cli,
    ['cohort', '--data', dir, '--criteria', 'seed-2026'], { maxBuffer: 1 << 26 })
    .catch((e) => ({ stdout: e.stdout }));
  return JSON.parse(stdout);
}

async function fromWasm(core, dir) {
  const { workspace, tables } = await workspaceOfFolder(core, dir);
  try {
    return JSON.parse(workspace.run(JSON.stringify({ type: 'cohort', criteria: 'seed-2026',
      tables })));
  } finally {
    workspace.delete();
  }
}

describe('the example cohort\'s categories are the ones its generator intended', () => {
  const answers = {};
  before(async () => {
    const core = await loadCore();
    for (const language of ['en', 'fr']) {
      const dir = path.join(repoRoot, 'examples/cohort', language);
      answers[`CLI, ${language}`] = await fromCli(dir);
      answers[`wasm, ${language}`] = await fromWasm(core, dir);
    }
  });

  test('every patient has an intention the test can read', () => {
    assert.equal(PATIENTS.length, 26);
    for (const p of PATIENTS) intended(p);
  });

  for (const source of ['CLI, en', 'wasm, en', 'CLI, fr', 'wasm, fr']) {
    test(`${source}: category, time to response and RFS of every patient`, () => {
      const answer = answers[source];
      assert.equal(answer.ok, true, JSON.stringify(answer.error));
      const byId = new Map(answer.patients.map((p) => [p.patient_id, p]));
      assert.deepEqual([...byId.keys()].sort(), PATIENTS.map((p) => p.id).sort(),
        'the same patients');
      const wrong = [];
      for (const p of PATIENTS) {
        const got = answered(byId.get(p.id));
        const want = intended(p);
        if (JSON.stringify(got) !== JSON.stringify(want)) {
          wrong.push(`${p.id}: core ${JSON.stringify(got)}, intended ${JSON.stringify(want)}`);
        }
      }
      assert.deepEqual(wrong, [], `patients whose answer is not the intended one:\n${wrong.join('\n')}`);
    });
  }
});
