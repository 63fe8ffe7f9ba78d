// The SVG paths of step functions (survival curves, cumulative incidences, their confidence
// bands and stacked layers), written directly rather than through d3's line() and area() with
// curveStepAfter: the same strings (tests/node/step_paths.test.mjs compares them with d3's), in
// a third of the time in a fresh tab, where a 1e6-row analysis's three curves of 2,000 rows and
// their bands took 40–60 ms of d3's general path machinery (docs/decisions.md, "Drawing a curve
// of 2,000 steps").
//
// Coordinates are the caller's, in pixels, already rounded as the figure wants them.

/**
 * A step function through `points`: from each point, horizontally to the next one's x, then
 * vertically to its y (d3's curveStepAfter).
 * @template T
 * @param {T[]} points
 * @param {(d: T) => number} x
 * @param {(d: T) => number} y
 * @returns {string | null}  null for no point, as d3 gives
 */
export function stepLine(points, x, y) {
  if (points.length === 0) return null;
  let d = `M${x(points[0])},${y(points[0])}`;
  let previousY = y(points[0]);
  for (let i = 1; i < points.length; i += 1) {
    const px = x(points[i]);
    const py = y(points[i]);
    d += `L${px},${previousY}L${px},${py}`;
    previousY = py;
  }
  // d3 closes a line of a single point (a dot, were it stroked with round caps).
  return points.length === 1 ? `${d}Z` : d;
}

/**
 * The area between two step functions of the same points, `upper` traced forward and `lower`
 * back, one closed shape per run of points where `defined` holds (d3's area() with
 * curveStepAfter, whose x0 and x1 are the same).
 * @template T
 * @param {T[]} points
 * @param {(d: T) => number} x
 * @param {(d: T) => number} lower  d3's y0
 * @param {(d: T) => number} upper  d3's y1
 * @param {(d: T) => boolean} [defined]
 * @returns {string | null}  null when no point is defined, as d3 gives
 */
export function stepBand(points, x, lower, upper, defined = () => true) {
  let d = '';
  let runStart = -1;
  for (let i = 0; i <= points.length; i += 1) {
    if (i < points.length && defined(points[i])) {
      if (runStart < 0) runStart = i;
    } else if (runStart >= 0) {
      d += bandRun(points.slice(runStart, i), x, lower, upper);
      runStart = -1;
    }
  }
  return d === '' ? null : d;
}

/** One closed shape: along the upper steps, down at the last x, back along the lower steps. */
function bandRun(run, x, lower, upper) {
  const xs = run.map(x);
  const last = run.length - 1;
  let top = upper(run[0]);
  let d = `M${xs[0]},${top}`;
  for (let k = 1; k <= last; k += 1) {
    const next = upper(run[k]);
    d += `L${xs[k]},${top}L${xs[k]},${next}`;
    top = next;
  }
  let bottom = lower(run[last]);
  d += `L${xs[last]},${bottom}`;
  // Backwards the step is taken vertical first: down (or up) to the earlier point's level at the
  // later point's x, then across.
  for (let k = last - 1; k >= 0; k -= 1) {
    bottom = lower(run[k]);
    d += `L${xs[k + 1]},${bottom}L${xs[k]},${bottom}`;
  }
  return `${d}Z`;
}
