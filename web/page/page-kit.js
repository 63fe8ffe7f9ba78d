// Small pieces the page's modes share (main thread): finding and building elements (text only),
// the status line, the page's own texts in the chosen language, and a figure's export buttons
// and link to its data table.
// No value from a user's file ever reaches innerHTML: el() sets text with textContent.
import { downloadBlob, svgToBlob, svgToPngBlob } from './figures/export.js';
import { t } from './i18n/index.js';
import { csvOptionsFor, toCsv } from './tables/csv.js';

/**
 * The page's element with this id (index.html has every one the modes use).
 * @param {string} id
 */
export const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

/**
 * An element with attributes and children; a string child becomes a text node.
 * @param {string} tag
 * @param {Record<string, string | boolean | number | undefined>} [attributes]
 * @param {...(Node | string | null | undefined)} children
 * @returns {HTMLElement}
 */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child !== null && child !== undefined) element.append(child);
  }
  return element;
}

/** Sets every [data-i18n] element's text, and the document's language. */
export function applyTexts(root, lang) {
  root.documentElement?.setAttribute('lang', lang);
  for (const node of root.querySelectorAll('[data-i18n]')) {
    node.textContent = t(node.getAttribute('data-i18n'), lang);
  }
}

const statusLine = () => /** @type {HTMLElement} */ (document.getElementById('status'));
let ticking = 0;

/** The end of a wait: a result, or an error. @param {string} text @param {boolean} [isError] */
export function say(text, isError = false) {
  clearInterval(ticking);
  const bar = /** @type {HTMLProgressElement} */ (document.getElementById('busy'));
  bar.hidden = true;
  bar.removeAttribute('value');  // the next wait starts without a fraction (a moving bar)
  document.getElementById('elapsed').textContent = '';
  statusLine().textContent = text;
  statusLine().classList.toggle('error', isError);
}

/**
 * A wait while the worker reads or computes: the text, a moving progress bar and the seconds
 * gone by (not announced each second: only the text is in the live region).
 * @param {string} text
 */
export function busy(text) {
  say(text);
  /** @type {HTMLProgressElement} */ (document.getElementById('busy')).hidden = false;
  const started = Date.now();
  ticking = setInterval(() => {
    document.getElementById('elapsed').textContent = `${Math.round((Date.now() - started) / 1000)} s`;
  }, 1000);
}

/**
 * How far a wait has got, as a true fraction (0–1) the worker reported: the text (with the
 * percentage in it) and the progress bar's value, during a busy() wait; the seconds go on.
 * @param {string} text
 * @param {number} fraction
 */
export function progress(text, fraction) {
  const bar = /** @type {HTMLProgressElement} */ (document.getElementById('busy'));
  bar.max = 1;
  bar.value = Math.min(1, Math.max(0, fraction));
  if (statusLine().textContent !== text) statusLine().textContent = text;
}

/**
 * The worker's progress on one file, as the status line and the bar show it: "Reading x.csv:
 * 45 %", then "Checking the rows of x.csv: 80 %". The bar moves once across both phases (reading
 * its first half, checking its second) and, when several files load one after the other, across
 * all of them: the file's `share` of the bar starts at `start` and is `width` wide (fractions of
 * the bytes of all the files).
 * @param {string} fileName
 * @param {string} lang
 * @param {{start: number, width: number}} [share]
 * @returns {(report: {phase: 'read' | 'check', done: number, total: number}) => void}
 */
export function fileProgress(fileName, lang, share = { start: 0, width: 1 }) {
  return ({ phase, done, total }) => {
    const fraction = done / Math.max(total, 1);
    const percent = Math.floor(100 * fraction);
    const key = phase === 'read' ? 'status.readingFile' : 'status.checkingFile';
    const ofFile = phase === 'read' ? fraction / 2 : 0.5 + fraction / 2;
    progress(t(key, lang, { file: fileName, percent }), share.start + share.width * ofFile);
  };
}

/**
 * An export button, named for screen readers after what it saves: a list of the page's buttons
 * would otherwise read "Export SVG" seven times. The name begins with the visible text, so a
 * user who speaks what they see (voice control) still reaches it (WCAG 2.5.3).
 * @param {string} textId  The i18n id of the visible text.
 * @param {string} what  The figure's or table's title.
 * @param {string} lang
 */
export function exportButton(textId, what, lang) {
  const text = t(textId, lang);
  return el('button', { type: 'button', 'data-export': textId,
    'aria-label': t('button.exportOf', lang, { button: text, what }) }, text);
}

/**
 * Names a figure's export buttons after its title again (a new view may retitle it).
 * @param {HTMLElement} exports  What figureExports() returned.
 * @param {string} figureTitle
 * @param {string} lang
 */
export function nameExports(exports, figureTitle, lang) {
  for (const button of exports.querySelectorAll('button[data-export]')) {
    button.setAttribute('aria-label', t('button.exportOf', lang,
      { button: t(button.getAttribute('data-export'), lang), what: figureTitle }));
  }
}

/**
 * Buttons that save a figure as SVG and as PNG (twice its size), and its numbers as CSV when
 * the caller gives them, each named after the figure.
 * @param {() => SVGSVGElement} figure  The figure as shown now.
 * @param {string} baseName  The file name without extension.
 * @param {string} figureTitle
 * @param {string} lang
 * @param {() => import('./tables/csv.js').CsvValue[][]} [csvRows]  The figure's numbers, a
 *   header row first, numbers as numbers (the CSV writes them in the language's dialect).
 */
export function figureExports(figure, baseName, figureTitle, lang, csvRows = undefined) {
  const svgButton = exportButton('button.exportSvg', figureTitle, lang);
  svgButton.addEventListener('click', () => downloadBlob(svgToBlob(figure()), `${baseName}.svg`));
  const pngButton = exportButton('button.exportPng', figureTitle, lang);
  pngButton.addEventListener('click', async () => {
    try {
      downloadBlob(await svgToPngBlob(figure(), 2), `${baseName}.png`);
    } catch (e) {
      say(t('error.export', lang, { reason: e instanceof Error ? e.message : String(e) }), true);
    }
  });
  const buttons = [svgButton, pngButton];
  if (csvRows) {
    const csvButton = exportButton('button.exportCsv', figureTitle, lang);
    csvButton.addEventListener('click', () => downloadText(toCsv(csvRows(), csvOptionsFor(lang)),
      `${baseName}.csv`, 'text/csv'));
    buttons.push(csvButton);
  }
  return el('div', { class: 'row exports' }, ...buttons);
}

/**
 * Replaces what `container` shows and keeps the keyboard's place in it: when the focus was on
 * a control inside, it goes to the new control with the same data-focus-key. Without this, a
 * menu whose change redraws its own table (Chromium changes a closed menu's value on each arrow
 * key) would drop the focus to <body> and send a keyboard user back to the top of the page.
 * @param {HTMLElement} container
 * @param {Node[]} children
 * @param {HTMLElement} [fallback]  Takes the focus when the new content has no such control.
 */
export function replaceKeepingFocus(container, children, fallback = undefined) {
  const focused = document.activeElement;
  const inside = focused !== null && container.contains(focused);
  const key = inside ? focused.getAttribute('data-focus-key') : null;
  container.replaceChildren(...children);
  if (!inside) return;
  const again = [...container.querySelectorAll('[data-focus-key]')]
    .find((node) => key !== null && node.getAttribute('data-focus-key') === key);
  /** @type {HTMLElement | undefined} */ (again ?? fallback)?.focus();
}

/**
 * A figure's link to the table on the page that holds its numbers (a reader who cannot see the
 * drawing reads them there). A table folded in a <details> is unfolded on the way. Its name
 * says whose table it is: a list of a page's links would otherwise read "Data table" seven times.
 * @param {string} targetId  The id of the table, or of the block holding it.
 * @param {string} figureTitle
 * @param {string} lang
 */
export function figureDataLink(targetId, figureTitle, lang) {
  const link = el('a', { href: `#${targetId}`,
    'aria-label': t('figure.dataTableOf', lang, { figure: figureTitle }) },
  t('figure.dataTable', lang));
  link.addEventListener('click', () => {
    const folded = document.getElementById(targetId)?.closest('details');
    if (folded) folded.open = true;
  });
  return el('p', { class: 'figure-data-link' }, link);
}

/** Downloads text the page made (CSV, JSON, the printable report). */
export function downloadText(text, fileName, type) {
  downloadBlob(new Blob([text], { type }), fileName);
}

/**
 * A list of the core's problems as a table: where (file, row, column), whether the row was
 * kept, and the message.
 * @param {import('../shared/core-api.js').CoreProblem[]} problems
 * @param {string} lang
 */
export function problemsTable(problems, lang) {
  if (problems.length === 0) return el('p', {}, t('check.noProblems', lang));
  const head = el('tr', {},
    el('th', { scope: 'col' }, t('problems.where', lang)),
    el('th', { scope: 'col' }, t('problems.kept', lang)),
    el('th', { scope: 'col' }, t('problems.message', lang)));
  const rows = problems.map((p) => {
    const where = [p.file, p.row ? t('fmt.row', lang, { row: p.row }) : null,
      p.column ? t('fmt.column', lang, { column: p.column }) : null].filter(Boolean).join(', ');
    const kept = p.kept === undefined ? '' : p.kept ? t('fmt.yes', lang) : t('fmt.no', lang);
    return el('tr', { class: p.kept === false ? 'set-aside' : undefined },
      el('td', {}, where), el('td', { class: 'kept' }, kept), el('td', {}, p.message));
  });
  return el('table', { class: 'problems' }, el('thead', {}, head), el('tbody', {}, ...rows));
}
