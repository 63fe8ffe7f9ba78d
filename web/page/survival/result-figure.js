// A survival calculator's figure on the page (main thread), as the cohort report shows its own:
// the title, the exports, the drawing, and the link to the table of its numbers, in that order.
// The drawing is made at the width the page gives it; `redraw` makes it again (a new width, a
// new view), the title with it.
import { el, figureDataLink, figureExports, nameExports } from '../page-kit.js';

/**
 * @param {{title: () => string, draw: () => SVGSVGElement, baseName: string, lang: string,
 *   tableId: string, csvRows?: () => import('../tables/csv.js').CsvValue[][],
 *   controls?: HTMLElement}} spec  tableId: the id of the block holding the figure's table.
 * @returns {{figure: HTMLElement, redraw: () => void}}
 */
export function resultFigure({ title, draw, baseName, lang, tableId, csvRows, controls }) {
  const caption = el('figcaption', {}, title());
  const drawing = el('div', { class: 'figure-drawing' }, draw());
  const exports = figureExports(draw, baseName, title(), lang, csvRows);
  const figure = el('figure', { class: 'figure', id: `figure-${baseName}` }, caption,
    exports, controls, drawing,
    figureDataLink(tableId, title(), lang));
  return {
    figure,
    redraw() {
      caption.textContent = title();
      nameExports(exports, title(), lang);
      drawing.replaceChildren(draw());
    },
  };
}
