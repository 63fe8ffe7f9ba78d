// The survival calculator mode (main thread): any table, its columns, and one of three analyses
// chosen at the top of the form: Kaplan-Meier (km-analysis.js), competing risks
// (cif-analysis.js) or a Cox model (cox-analysis.js). This file loads the file, offers its
// columns, shows the fields of the chosen analysis and puts its answer on the page
// (docs/design.md §6). Each analysis's module (its tables and figure, with d3) is imported when
// the calculator opens or the analysis is chosen, so the page's first load carries none of them
// (docs/decisions.md, "What the first load carries"). Each analysis has an example (examples/:
// R's aml, mgus2 and veteran).
import { followWidth } from '../figure-width.js';
import { t } from '../i18n/index.js';
import { $, busy, el, fileProgress, say } from '../page-kit.js';

/**
 * @typedef {object} Analysis
 * @property {(table: string, lang: string) => object} requestFromForm
 * @property {(answer: any, lang: string, width: () => number) => {figure: HTMLElement,
 *   redraw: () => void, tables: HTMLElement[]}} render  width: the figure's on the page now.
 * @property {{file: string, fields: Record<string, string>, covariates?: string[],
 *   request: (table: string) => object}} example
 */

/**
 * A performance mark once the browser has shown what the page just changed: the frame's style,
 * layout and paint are part of the user's wait, so the benchmark's spans include them. (A
 * frame's callbacks run before its layout and paint; a task queued from one runs after them.)
 * @param {string} name
 */
function markWhenShown(name) {
  requestAnimationFrame(() => setTimeout(() => performance.mark(name), 0));
}

/** @type {Record<string, () => Promise<Analysis>>} */
const ANALYSES = {
  km: () => import('./km-analysis.js'),
  cif: () => import('./cif-analysis.js'),
  cox: () => import('./cox-analysis.js'),
};

/** The table the drawing's warm-up loads into the worker: no file of a user's is named so. */
const WARM_UP_TABLE = 'itp-drawing-warm-up';
const DRAWING_WARM_UP_WIDTH = 720;

/** The example button's text for each analysis. */
const EXAMPLE_TEXT = { km: 'survival.example', cif: 'cif.example', cox: 'cox.example' };

/** @param {HTMLSelectElement} select @param {string[]} names @param {RegExp | null} guess */
function fillSelect(select, names, guess, allowNone = false) {
  const options = names.map((name) => new Option(name, name));
  if (allowNone) options.unshift(new Option('—', ''));
  select.replaceChildren(...options);
  const guessed = guess && names.find((n) => guess.test(n));
  if (guessed !== undefined && guessed !== null) select.value = guessed;
}

const select = (id) => /** @type {HTMLSelectElement} */ ($(id));

/** The Cox covariates as a list of checkboxes, one per column (keyboard: Tab and Space). */
function fillCovariates(columns) {
  $('cox-covariate-list').replaceChildren(...columns.map((name) => el('label', {},
    el('input', { type: 'checkbox', value: name }), ` ${name}`)));
  disableTimeAndEvent();
}

/** The time, event and strata columns cannot be covariates: their boxes are off. */
function disableTimeAndEvent() {
  const taken = new Set([select('time-column').value, select('event-column').value,
    select('strata-column').value]);
  for (const box of $('cox-covariate-list').querySelectorAll('input')) {
    const input = /** @type {HTMLInputElement} */ (box);
    input.disabled = taken.has(input.value);
  }
}

/**
 * @param {{client: import('../core-client.js').CoreClient, lang: () => string,
 *   describeFailure: (e: unknown) => string}} page
 */
export function createSurvivalPage({ client, lang, describeFailure }) {
  /** The picked file, kept to load it again into a restarted worker. */
  let picked = /** @type {{source: File | ArrayBuffer, name: string, table: string} | null} */ (null);
  let chosen = 'km';
  /** The last answer and the analysis that shows it (to show it again in another language). */
  let shown = /** @type {{analysis: Analysis, answer: any} | null} */ (null);
  /** Redraws the figure on the page (at a new width). */
  let redraw = () => {};
  // The figure fills the result's width, again when it changes.
  const figureWidth = followWidth($('survival-figure'), () => redraw());

  async function load(source, name) {
    const kept = source instanceof ArrayBuffer ? source.slice(0) : source;
    const loaded = await client.loadFile(source, name, fileProgress(name, lang()));
    if (!loaded.ok) throw new Error(loaded.error.message);
    const first = loaded.tables.find((table) => table.result.ok) ?? loaded.tables[0];
    if (!first.result.ok) throw new Error(first.result.error.message);
    picked = { source: kept, name, table: first.name };
    return first.result.table.columns;
  }

  function chooseColumns(columns) {
    if (columns.length === 0) throw new Error(t('error.noColumns', lang()));
    fillSelect(select('time-column'), columns, /time|delay|duration|week|month|day|temps|dur/i);
    fillSelect(select('event-column'), columns,
      /status|event|death|dead|relapse|statut|décès|evenement|événement/i);
    fillSelect(select('status-column'), columns,
      /status|event|cause|statut|evenement|événement/i);
    fillSelect(select('group-column'), columns, /group|arm|treat|groupe|bras|^x$/i, true);
    fillSelect(select('strata-column'), columns, null, true);
    fillCovariates(columns);
    /** @type {HTMLFieldSetElement} */ ($('survival-columns')).disabled = false;
  }

  /**
   * @param {Analysis} analysis
   * @param {any} answer
   * @param {boolean} moveFocus  After a run, the result takes the focus (a keyboard or screen
   *   reader user is taken to it); after a change of language, the focus stays where it is.
   */
  function show(analysis, answer, moveFocus) {
    shown = { analysis, answer };
    // Shown first, so that the figure is drawn at the width it has.
    const result = $('survival-result');
    result.hidden = false;
    result.setAttribute('aria-label', t('survival.result', lang(),
      { analysis: t(`analysis.${chosen}`, lang()) }));
    const rendered = analysis.render(answer, lang(), figureWidth);
    redraw = rendered.redraw;
    $('survival-figure').replaceChildren(rendered.figure);
    $('survival-table').replaceChildren(...rendered.tables);
    $('survival-warnings').replaceChildren(...(answer.warnings ?? [])
      .map((w) => el('li', {}, w.message)));
    if (!moveFocus) return;
    result.scrollIntoView({ block: 'start' });
    result.focus({ preventScroll: true });
  }

  // Performance marks (read by bench/page_run.mjs): from a file given to its columns shown,
  // and from Run to the figure drawn, the two waits a user has.
  async function run(analysis, request) {
    performance.mark('itp-run-start');
    busy(t('status.computing', lang()));
    const answer = await client.run(request);
    performance.mark('itp-answer-received');
    if (!answer.ok) throw new Error(answer.error.message);
    show(analysis, answer, true);
    markWhenShown('itp-run-end');
    say(t('status.done', lang()));
  }

  /** Shows the fields of an analysis and hides the others'. */
  function choose(name) {
    chosen = name;
    for (const field of document.querySelectorAll('#survival-form [data-analyses]')) {
      /** @type {HTMLElement} */ (field).hidden = !field.getAttribute('data-analyses')
        .split(' ').includes(name);
    }
    $('survival-example').setAttribute('data-i18n', EXAMPLE_TEXT[name]);
    $('survival-example').textContent = t(EXAMPLE_TEXT[name], lang());
    // The result on the page belongs to the analysis it came from.
    $('survival-result').hidden = true;
    shown = null;
    redraw = () => {};
  }

  for (const radio of document.querySelectorAll('input[name="analysis"]')) {
    radio.addEventListener('change', async (event) => {
      try {
        choose(/** @type {HTMLInputElement} */ (event.target).value);
        await ANALYSES[chosen]();
      } catch (e) {
        say(describeFailure(e), true);
      }
    });
  }
  for (const id of ['time-column', 'event-column', 'strata-column']) {
    $(id).addEventListener('change', disableTimeAndEvent);
  }
  $('trend').addEventListener('change', () => {
    /** @type {HTMLInputElement} */ ($('trend-scores')).disabled =
      !/** @type {HTMLInputElement} */ ($('trend')).checked;
  });

  $('survival-example').addEventListener('click', async () => {
    try {
      busy(t('status.loadingExample', lang()));
      const analysis = await ANALYSES[chosen]();
      const { file, fields, covariates, request } = analysis.example;
      // Relative URL: the site may be served from a sub-folder.
      const reply = await fetch(`examples/${file}`);
      if (!reply.ok) throw new Error(t('error.fetchExample', lang(), { file, status: reply.status }));
      chooseColumns(await load(await reply.arrayBuffer(), file));
      for (const [id, value] of Object.entries(fields)) {
        /** @type {HTMLInputElement} */ ($(id)).value = value;
      }
      for (const box of $('cox-covariate-list').querySelectorAll('input')) {
        const input = /** @type {HTMLInputElement} */ (box);
        input.checked = (covariates ?? []).includes(input.value);
      }
      disableTimeAndEvent();
      await run(analysis, request(picked.table));
    } catch (e) {
      say(describeFailure(e), true);
    }
  });

  $('survival-file').addEventListener('change', async (event) => {
    const file = /** @type {HTMLInputElement} */ (event.target).files?.[0];
    if (!file) return;
    try {
      performance.mark('itp-load-start');
      busy(`${t('status.reading', lang())} ${file.name} (${(file.size / 2 ** 20).toFixed(1)} MB)`);
      chooseColumns(await load(file, file.name));
      markWhenShown('itp-load-end');
      say(t('status.done', lang()));
    } catch (e) {
      say(describeFailure(e), true);
    }
  });

  $('survival-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      if (!picked) throw new Error(t('error.noFile', lang()));
      const analysis = await ANALYSES[chosen]();
      await run(analysis, analysis.requestFromForm(picked.table, lang()));
    } catch (e) {
      say(describeFailure(e), true);
    }
  });

  /**
   * The first figure a tab draws pays for compiling the code that draws it: about 30 of the
   * 110–130 ms from a 1e6-row answer to its figure shown (docs/decisions.md, "Where the page's
   * time went, and the warm-up"). The mark tells bench/page_run.mjs when it is done.
   * So when the calculator first opens, the Kaplan-Meier example is analysed and drawn once, off
   * the page, while the user picks a file; the worker answers it after its own warm-up. Nothing
   * is shown or said, and a failure only leaves the code cold.
   */
  let drawingWarmed = false;
  async function warmUpDrawing() {
    drawingWarmed = true;
    const analysis = await ANALYSES.km();
    const { file, request } = analysis.example;
    const reply = await fetch(`examples/${file}`);
    if (!reply.ok) return;
    const loaded = await client.loadTable({ name: WARM_UP_TABLE, file,
      bytes: await reply.arrayBuffer() });
    if (!loaded.ok) return;
    const answer = await client.run(request(WARM_UP_TABLE));
    if (!answer.ok) return;
    const drawn = analysis.render(answer, lang(), () => DRAWING_WARM_UP_WIDTH);
    // Laid out once (its text shaped, its paths measured), then gone before any frame.
    const offPage = el('div', { class: 'drawing-warm-up' }, drawn.figure, ...drawn.tables);
    document.body.append(offPage);
    offPage.getBoundingClientRect();
    offPage.remove();
    performance.mark('itp-drawing-warm');
  }

  choose('km');
  return {
    onLanguage() {
      if (shown) show(shown.analysis, shown.answer, false);
    },
    async onRestart() {
      if (picked) await load(picked.source, picked.name);
    },
    ready() {
      /** @type {HTMLButtonElement} */ ($('survival-example')).disabled = false;
    },
    /** The calculator is shown: its chosen analysis's module loads while the user picks a file. */
    open() {
      ANALYSES[chosen]().catch((e) => say(describeFailure(e), true));
      if (!drawingWarmed) warmUpDrawing().catch(() => {});
    },
  };
}
