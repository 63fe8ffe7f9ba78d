// The survival calculator's restricted-mean table (web/page/tables/survival-tables.js), from an
// answer written here by hand with R's values for aml, tau = 40:
//   print(survfit(Surv(time, status) ~ x, aml), rmean = 40): rmean 28.8977 (se 3.4676) and
//   21.9306 (se 3.8356); difference -6.9672, se sqrt(3.4676^2 + 3.8356^2) = 5.1707, p 0.178.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { survivalRmstTable } from '../../web/page/tables/survival-tables.js';

const rmst = (estimate, se) => ({ tau: 40, estimate, std_err: se, lower: estimate - 1.959964 * se,
  upper: estimate + 1.959964 * se });
const survival = {
  conf_type: 'log', conf_level: 0.95,
  groups: [
    { name: 'Maintained', n: 11, events: 7, rmst: rmst(28.8977272727273, 3.4675776788916) },
    { name: 'Nonmaintained', n: 12, events: 11, rmst: rmst(21.9305555555556, 3.83564116318459) },
  ],
  rmst_difference: [{ group: 'Nonmaintained', reference: 'Maintained', estimate: -6.96717171717171,
    std_err: 5.17070963136234, lower: -17.1015763691563, upper: 3.16723293481284,
    p: 0.177841632195553 }],
};

test('restricted mean per group and the difference from the first, in English and French', () => {
  const table = survivalRmstTable(survival, 'en');
  assert.equal(table.title, 'Restricted mean survival time up to 40');
  assert.deepEqual(table.columns.map((c) => c.label),
    ['Group', 'RMST (95 % CI)', 'Difference from Maintained (95 % CI)', 'p']);
  assert.deepEqual(table.rows.map((r) => r.cells), [
    { group: 'Maintained', rmst: '28.90 (22.10 to 35.69)', difference: '–', p: '–' },
    { group: 'Nonmaintained', rmst: '21.93 (14.41 to 29.45)',
      difference: '-6.97 (-17.10 to 3.17)', p: 'p = 0.18' },
  ]);
  assert.deepEqual(survivalRmstTable(survival, 'fr').rows[1].cells, { group: 'Nonmaintained',
    rmst: '21,93 (14,41 à 29,45)', difference: '-6,97 (-17,10 à 3,17)', p: 'p = 0,18' });
});

test('no restricted mean asked: no table', () => {
  assert.equal(survivalRmstTable({ ...survival, groups: [{ name: 'all', n: 3, events: 1 }] }, 'en'),
    null);
});
