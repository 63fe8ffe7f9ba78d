// How the page writes numbers (web/page/format.js): the journal conventions of docs/design.md §6,
// in English and in French.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  formatDecimal, formatFixed, formatLevel, formatMedian, formatPercent, formatProportion,
  formatPValue,
} from '../../web/page/format.js';

test('p: two significant digits from 0.001 up, "p < 0.001" below', () => {
  assert.equal(formatPValue(0.11), 'p = 0.11');
  assert.equal(formatPValue(0.047), 'p = 0.047');
  assert.equal(formatPValue(0.0032), 'p = 0.0032');
  assert.equal(formatPValue(0.065339322040505132), 'p = 0.065');
  assert.equal(formatPValue(0.001), 'p = 0.0010');
  assert.equal(formatPValue(0.000999), 'p < 0.001');
  assert.equal(formatPValue(1e-12), 'p < 0.001');
  assert.equal(formatPValue(1), 'p = 1.0');
  assert.equal(formatPValue(null), 'p not available');
  assert.equal(formatPValue(Number.NaN), 'p not available');
});

test('p in each language: decimal comma in French', () => {
  assert.equal(formatPValue(0.047, 'en'), 'p = 0.047');
  assert.equal(formatPValue(0.047, 'fr'), 'p = 0,047');
  assert.equal(formatPValue(0.48, 'fr'), 'p = 0,48');
  assert.equal(formatPValue(0.0032, 'fr'), 'p = 0,0032');
  assert.equal(formatPValue(0.001, 'fr'), 'p = 0,0010');
  assert.equal(formatPValue(0.0001, 'en'), 'p < 0.001');
  assert.equal(formatPValue(0.0001, 'fr'), 'p < 0,001');
  assert.equal(formatPValue(0.0001, 'fr-CA'), 'p < 0,001');
  assert.equal(formatPValue(null, 'en'), 'p not available');
  assert.equal(formatPValue(null, 'fr'), 'p non disponible');
});

test('numbers: decimal comma in French, one decimal for percents, no thousands separator', () => {
  assert.equal(formatPercent(52, 'en'), '52.0 %');
  assert.equal(formatPercent(52, 'fr'), '52,0 %');
  assert.equal(formatPercent(57.7, 'fr'), '57,7 %');
  assert.equal(formatProportion(0.313057044457032, 'en'), '31.3');
  assert.equal(formatProportion(0.722031990330053, 'fr'), '72,2');
  assert.equal(formatFixed(41, 'fr', 1), '41,0');
  assert.equal(formatDecimal(22.5, 'fr'), '22,5');
  assert.equal(formatDecimal(31, 'fr'), '31');
  assert.equal(formatDecimal(1 / 3, 'en'), '0.3333');
  assert.equal(formatDecimal(12345.5, 'fr'), '12345,5');
  assert.equal(formatDecimal(-7, 'fr'), '-7');
});

test('a confidence level: one function, "95 %" as the page writes percents', () => {
  assert.equal(formatLevel(0.95, 'en'), '95 %');
  assert.equal(formatLevel(0.9, 'fr'), '90 %');
  assert.equal(formatLevel(0.975, 'fr'), '97,5 %');
  assert.equal(formatLevel(undefined, 'en'), '95 %', 'no level given: the core\'s default');
});

test('median with its confidence interval in words, for a figure\'s description', () => {
  assert.equal(formatMedian({ estimate: 31, lower: 18, upper: null }, 'log'),
    '31 (18 to not reached)');
  assert.equal(formatMedian({ estimate: 22.5, lower: 8, upper: 40 }, 'log'), '22.5 (8 to 40)');
  assert.equal(formatMedian({ estimate: null, lower: null, upper: null }, 'log'), 'not reached');
  assert.equal(formatMedian({ estimate: null, lower: 2.25, upper: null }, 'log'),
    'not reached (2.25 to not reached)');
  assert.equal(formatMedian({ estimate: 31, lower: null, upper: null }, 'none'), '31');
  assert.equal(formatMedian({ estimate: 1 / 3, lower: 0, upper: 1 }, 'log'), '0.3333 (0 to 1)');
});
