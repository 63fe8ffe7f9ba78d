// The figures' own step paths (web/page/figures/step-paths.js) against d3's line() and area()
// with curveStepAfter, the reference they replace: the same string for every case, on random
// curves with gaps in the band, ties, a single point and none.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { area, curveStepAfter, line } from 'd3-shape';

import { stepBand, stepLine } from '../../web/page/figures/step-paths.js';

/** Park and Miller's generator: the same cases on every run. */
function randomFrom(seed) {
  let state = seed;
  return () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
}

const round = (v) => Math.round(v * 100) / 100;

/** A decreasing curve of n points in pixels, with a band that is missing now and then. */
function randomCurve(random, n) {
  let x = random() * 10;
  let y = random() * 5;
  return Array.from({ length: n }, () => {
    x += random() < 0.1 ? 0 : random() * 30;  // ties: two points at one x
    y += random() * 20;
    const gap = random() < 0.15;
    return { x: round(x), y: round(y), lower: gap ? null : round(y + random() * 9),
      upper: gap ? undefined : round(y - random() * 9) };
  });
}

const byX = (d) => d.x;
const byY = (d) => d.y;
const lower = (d) => d.lower;
const upper = (d) => d.upper;
const hasBand = (d) => typeof d.lower === 'number' && typeof d.upper === 'number';
const d3Line = line().curve(curveStepAfter).x(byX).y(byY);
const d3Band = area().curve(curveStepAfter).defined(hasBand).x(byX).y0(lower).y1(upper);

describe('step paths', () => {
  test('a curve is the path d3 draws, to the character', () => {
    const random = randomFrom(2026);
    for (const n of [0, 1, 2, 3, 10, 500]) {
      for (let repeat = 0; repeat < 20; repeat += 1) {
        const points = randomCurve(random, n);
        assert.equal(stepLine(points, byX, byY), d3Line(points), `${n} points`);
      }
    }
  });

  test('a band, with its gaps, is the area d3 draws, to the character', () => {
    const random = randomFrom(12);
    for (const n of [0, 1, 2, 3, 10, 500]) {
      for (let repeat = 0; repeat < 20; repeat += 1) {
        const points = randomCurve(random, n);
        assert.equal(stepBand(points, byX, lower, upper, hasBand), d3Band(points),
          `${n} points`);
      }
    }
    const allMissing = [{ x: 1, y: 2, lower: null, upper: null }];
    assert.equal(stepBand(allMissing, byX, lower, upper, hasBand), null);
  });

  test('by hand: two steps, and a band of three points closed after its way back', () => {
    const points = [{ x: 0, y: 10, lower: 12, upper: 8 }, { x: 5, y: 20, lower: 24, upper: 16 },
      { x: 9, y: 30, lower: 33, upper: 27 }];
    assert.equal(stepLine(points, byX, byY), 'M0,10L5,10L5,20L9,20L9,30');
    assert.equal(stepBand(points, byX, lower, upper),
      'M0,8L5,8L5,16L9,16L9,27L9,33L9,24L5,24L5,12L0,12Z');
  });
});
