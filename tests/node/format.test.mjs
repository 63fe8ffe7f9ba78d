// The journal conventions of web/page/format.js (docs/design.md §6).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { formatLevel, formatMedian, formatP } from '../../web/page/format.js';

test('p: two significant digits from 0.001 up, "p < 0.001" below', () => {
  assert.equal(formatP(0.11), 'p = 0.11');
  assert.equal(formatP(0.047), 'p = 0.047');
  assert.equal(formatP(0.0032), 'p = 0.0032');
  assert.equal(formatP(0.065339322040505132), 'p = 0.065');
  assert.equal(formatP(0.001), 'p = 0.0010');
  assert.equal(formatP(0.000999), 'p < 0.001');
  assert.equal(formatP(1e-12), 'p < 0.001');
  assert.equal(formatP(null), 'p not available');
});

test('median with its confidence interval; null = not reached', () => {
  assert.equal(formatMedian({ estimate: 31, lower: 18, upper: null }, 'log'),
    '31 (18 to not reached)');
  assert.equal(formatMedian({ estimate: 22.5, lower: 8, upper: 40 }, 'log'), '22.5 (8 to 40)');
  assert.equal(formatMedian({ estimate: null, lower: null, upper: null }, 'log'), 'not reached');
  assert.equal(formatMedian({ estimate: 31, lower: null, upper: null }, 'none'), '31');
  assert.equal(formatLevel(0.95), '95%');
  assert.equal(formatLevel(0.9), '90%');
});
