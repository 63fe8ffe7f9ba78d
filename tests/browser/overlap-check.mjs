// Issue 15, "a layout that never overlaps": what on the page covers text it does not hold.
// `findOverlaps` runs in the page (`page.evaluate(findOverlaps)`), so it must not use anything
// from this module's scope. It measures the laid-out page as it is; the caller scrolls to the top
// first, so that the sticky status line sits in its own place, over nothing (it may cover what is
// scrolled under it: that is what sticky means).
//
// Text is measured line by line: a text node's Range.getClientRects() gives a box per line (or per
// glyph run), for HTML text and SVG <text> alike, so a paragraph that wraps beside a select box
// is not one big rectangle. The boxes are the elements that draw over their area whatever they
// hold: form controls, buttons, images, drawings, canvases, dialogs. Reported:
//   - a box over text it does not contain (a select over a column's name);
//   - text over the text of another node (a heading that does not wrap, run into the next
//     column; two labels of a figure drawn at the same place);
//   - a box over another box neither contains (a select's shown value is not a text node, so two
//     select boxes over each other are found only this way).
// Each overlap is a line naming both parties and the size of what they share, e.g.
//   select#preset "seed-2026" over text of span "Criteria set" (89×19 px)
//   text of text "400" in #figure-trajectories over text of text "R (4)" in #figure-trajecto…

/**
 * @returns {string[]}  One line per overlap; empty when nothing covers anything.
 */
export function findOverlaps() {
  /** Less than this in either direction is rounding (sub-pixel layout, antialiasing). */
  const TOLERANCE = 1;
  const BOXES = 'input, select, textarea, button, img, svg, canvas, progress, meter, dialog';

  // An open modal dialog is above everything and the rest is inert behind its backdrop: only
  // what is in it is laid out for the user to read.
  const modal = [...document.querySelectorAll('dialog')].find((d) => d.matches(':modal'));
  const root = modal ?? document.body;

  const style = (element) => getComputedStyle(element);
  const intersect = (a, b) => ({ left: Math.max(a.left, b.left), top: Math.max(a.top, b.top),
    right: Math.min(a.right, b.right), bottom: Math.min(a.bottom, b.bottom) });
  const size = (r) => ({ width: r.right - r.left, height: r.bottom - r.top });
  // Also what is left of a box or a line once clipped: under a pixel, nobody sees it.
  const seen = (r) => size(r).width > TOLERANCE && size(r).height > TOLERANCE;

  /**
   * What of `rect` shows through `clipper` and its ancestors where they clip (overflow other
   * than visible: a table block scrolled sideways hides its right-hand cells, they are not over
   * what lies beside the block; an SVG drawing hides what is drawn outside it). Text is clipped
   * from its own element on, a box from its parent's.
   */
  function clipped(rect, clipper) {
    let shown = { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
    for (let up = clipper; up && up !== document.documentElement; up = up.parentElement) {
      const { overflowX, overflowY } = style(up);
      if (overflowX === 'visible' && overflowY === 'visible') continue;
      // The padding box, scroll bars excluded: what a scroll container shows.
      const box = up.getBoundingClientRect();
      const left = box.left + up.clientLeft;
      const top = box.top + up.clientTop;
      const inner = up.clientWidth || up.clientHeight
        ? { left, top, right: left + up.clientWidth, bottom: top + up.clientHeight }
        // An SVG element has no client box: its own box is what it shows.
        : box;
      shown = intersect(shown, inner);
    }
    return shown;
  }

  /**
   * Shown at all: not display:none (itself or above: hidden steps, closed dialogs and details),
   * visibility:hidden, nor opacity 0 (the file input laid transparently over its button-like
   * label is meant to be there).
   */
  const visible = (element) => element.checkVisibility({ opacityProperty: true,
    visibilityProperty: true });

  /**
   * How a person would find an element: tag, id or first class, the start of its text (a
   * control's value); a drawing's part also by the figure it is in.
   */
  function describe(element, text = element.textContent) {
    const name = element.id ? `#${element.id}`
      : element.classList.length ? `.${element.classList[0]}` : '';
    const words = (element.matches('select, input, textarea') ? element.value : text ?? '')
      .replace(/\s+/g, ' ').trim();
    const shown = words.length > 30 ? `${words.slice(0, 30)}…` : words;
    const figure = element.closest('svg') && element.localName !== 'svg'
      ? element.closest('figure[id]') ?? element.closest('[id]') : null;
    return `${element.localName}${name}${shown ? ` "${shown}"` : ''}`
      + `${figure ? ` in #${figure.id}` : ''}`;
  }

  // Every text node shown, line by line. Not text: <title> and <desc> of a drawing (names for
  // screen readers), <option>s (drawn by their select box, measured as that box), <script> and
  // <style>. Text clipped to a pixel is for screen readers only (.visually-hidden).
  const texts = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const owner = node.parentElement;
    if (!node.data.trim() || !owner || !visible(owner)) continue;
    if (owner.closest('title, desc, option, optgroup, script, style, select, textarea')) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const lines = [...range.getClientRects()].map((r) => clipped(r, owner)).filter(seen);
    if (lines.length) texts.push({ node, owner, lines });
  }

  const boxes = [...root.querySelectorAll(BOXES)]
    // An SVG inside an SVG is part of its drawing, measured by the outer one.
    .filter((element) => visible(element) && !element.parentElement.closest('svg'))
    .map((element) => ({ element, rect: clipped(element.getBoundingClientRect(),
      element.parentElement) }))
    .filter(({ rect }) => seen(rect));

  const found = new Set();
  const report = (what, over, area) => {
    const { width, height } = size(area);
    found.add(`${what} over ${over} (${Math.round(width)}×${Math.round(height)} px)`);
  };

  for (const { element, rect } of boxes) {
    for (const text of texts) {
      if (element.contains(text.node)) continue;
      const hit = text.lines.map((line) => intersect(rect, line)).find(seen);
      if (hit) report(describe(element), `text of ${describe(text.owner, text.node.data)}`, hit);
    }
  }

  // Text against text, swept top to bottom: a line can only meet the lines that start above its
  // bottom.
  const lines = texts.flatMap((text) => text.lines.map((line) => ({ text, line })))
    .sort((a, b) => a.line.top - b.line.top);
  for (let i = 0; i < lines.length; i += 1) {
    for (let j = i + 1; j < lines.length && lines[j].line.top < lines[i].line.bottom; j += 1) {
      const [a, b] = [lines[i], lines[j]];
      if (a.text === b.text) continue;
      const hit = intersect(a.line, b.line);
      if (seen(hit)) {
        report(`text of ${describe(a.text.owner, a.text.node.data)}`,
          `text of ${describe(b.text.owner, b.text.node.data)}`, hit);
      }
    }
  }

  for (let i = 0; i < boxes.length; i += 1) {
    for (let j = i + 1; j < boxes.length; j += 1) {
      const [a, b] = [boxes[i], boxes[j]];
      if (a.element.contains(b.element) || b.element.contains(a.element)) continue;
      const hit = intersect(a.rect, b.rect);
      if (seen(hit)) report(describe(a.element), describe(b.element), hit);
    }
  }
  return [...found];
}
