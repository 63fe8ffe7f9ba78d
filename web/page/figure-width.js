// The width a figure is drawn at, read from the page's layout (main thread): the cohort report's
// figures and the survival calculator's are drawn at the width CSS gives them (web/style.css is
// the one place that lays them out), and drawn again when that width changes: when their step
// is first shown (hidden, it has no width) or the window is resized.

/** The width a figure is drawn at while its container has none (hidden). */
export const DEFAULT_WIDTH = 720;

/**
 * The width CSS gives what `container` holds: one column of it when it is a grid (the resolved
 * grid-template-columns of a laid-out grid lists its columns in px), else its content box.
 * @param {HTMLElement} container
 */
export function laidOutWidth(container) {
  if (container.clientWidth <= 0) return DEFAULT_WIDTH;
  const style = getComputedStyle(container);
  if (style.display === 'grid') {
    const column = parseFloat(style.gridTemplateColumns);
    if (column > 0) return Math.floor(column);
  }
  const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
  return Math.floor(container.clientWidth - (padding || 0));
}

/**
 * Follows the laid-out width of `container`: `redraw` is called whenever it changes.
 * @param {HTMLElement} container  An element that stays on the page while its figures change.
 * @param {() => void} redraw
 * @returns {() => number}  The width to draw at now.
 */
export function followWidth(container, redraw) {
  let width = laidOutWidth(container);
  new ResizeObserver(() => {
    const now = laidOutWidth(container);
    if (now !== width) {
      width = now;
      redraw();
    }
  }).observe(container);
  return () => {
    // A figure drawn before the first observation (the step just shown) reads the layout now.
    width = laidOutWidth(container);
    return width;
  };
}
