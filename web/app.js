// The page (main thread): asks the worker for survival results and shows them as text. Every
// value that came from a file goes through textContent, never innerHTML, so a cell holding
// markup stays text. The full three-step UI of DESIGN.md §6 comes later; this is the minimal
// honest page over the same protocol.
import { CoreClient, WorkerFailed } from './core-client.js';
import { formatChisq, formatLevel, formatMedian, formatNumber, formatP } from './format.js';

/** @typedef {import('./protocol.js').CoreResponse} CoreResponse */
/** @typedef {import('./protocol.js').SurvivalResult} SurvivalResult */
/** @typedef {import('./protocol.js').CoreProblem} CoreProblem */

const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
const status = $('status');
const exampleButton = /** @type {HTMLButtonElement} */ ($('run-example'));
const fileInput = /** @type {HTMLInputElement} */ ($('file-input'));
const fileForm = /** @type {HTMLFormElement} */ ($('file-form'));
const columnsFieldset = /** @type {HTMLFieldSetElement} */ ($('columns'));
const timeSelect = /** @type {HTMLSelectElement} */ ($('time-column'));
const eventSelect = /** @type {HTMLSelectElement} */ ($('event-column'));
const groupSelect = /** @type {HTMLSelectElement} */ ($('group-column'));

/** @param {string} text @param {boolean} [isError] */
function say(text, isError = false) {
  status.textContent = text;
  status.classList.toggle('error', isError);
}

/**
 * The core's messages are whole sentences that already name the file, row and column; the
 * structured fields are there for a later UI that points at the cell.
 * @param {CoreProblem} problem
 */
function describeProblem(problem) {
  return problem.message;
}

/**
 * Core errors (a bad file, a wrong column) are thrown as plain Errors carrying the core's
 * message; failures of the worker itself say so.
 * @param {unknown} e
 */
function describeFailure(e) {
  if (e instanceof WorkerFailed && e.restarted) {
    return `The calculator stopped unexpectedly and was restarted; please run again. (${e.message})`;
  }
  if (e instanceof WorkerFailed) return `The calculator failed: ${e.message}`;
  return e instanceof Error ? e.message : String(e);
}

/** @type {string | null} the table name of the picked file, while the worker holds it */
let loadedFile = null;

const client = new CoreClient({
  // The new worker has no tables: forget that the picked file was loaded.
  onRestart: (reason) => {
    loadedFile = null;
    say(`The calculator stopped unexpectedly and was restarted; please run again. (${reason})`,
      true);
  },
  onGiveUp: (reason) => {
    exampleButton.disabled = true;
    columnsFieldset.disabled = true;
    say(`The calculator stopped and could not be restarted; reload the page. (${reason})`, true);
  },
});

/**
 * Loads a file's bytes and answers the core's response; throws on a core error.
 * @param {string} file
 * @param {ArrayBuffer} bytes
 */
async function loadTable(file, bytes) {
  const name = file.replace(/\.[^.]*$/, '') || file;
  const response = await client.loadTable({ name, file, bytes });
  if (!response.ok) throw new Error(describeProblem(response.error));
  return { name, response };
}

/** @param {SurvivalResult} survival @param {CoreProblem[]} warnings */
function showSurvival(survival, warnings) {
  const level = formatLevel(survival.conf_level);
  $('median-heading').textContent =
      survival.conf_type === 'none' ? 'Median' : `Median (${level} CI)`;
  $('groups-caption').textContent =
      `Median times in the file's units; confidence intervals of type "${survival.conf_type}".`;

  const rows = survival.groups.map((group) => {
    const tr = document.createElement('tr');
    for (const text of [group.name, String(group.n), String(group.events),
      formatMedian(group.median, survival.conf_type)]) {
      const td = document.createElement('td');
      td.textContent = text;
      tr.append(td);
    }
    return tr;
  });
  $('groups').querySelector('tbody').replaceChildren(...rows);

  const { test } = survival;
  $('test').textContent = test
    ? `${test.method === 'log-rank' ? 'Log-rank test' : `${test.method} test (rho = ${formatNumber(test.rho)})`}: `
      + `χ² = ${formatChisq(test.chisq)}, df = ${test.df}, ${formatP(test.p)}`
    : 'One group: no test.';

  const items = warnings.map((w) => {
    const li = document.createElement('li');
    li.textContent = describeProblem(w);
    return li;
  });
  $('warnings').replaceChildren(...items);
  const result = $('result');
  result.hidden = false;
  // The results sit below the forms: bring them into view and give them the focus, so keyboard
  // and screen-reader users land on what they asked for.
  result.scrollIntoView({ block: 'start' });
  result.focus({ preventScroll: true });
}

/** @param {import('./protocol.js').SurvivalRequest} request */
async function runSurvival(request) {
  const response = await client.run(request);
  if (!response.ok) throw new Error(describeProblem(response.error));
  showSurvival(response.survival, response.warnings ?? []);
  say('Done.');
}

async function runExample() {
  exampleButton.disabled = true;
  try {
    say('Loading the example…');
    // Relative URL: the site may be served from a sub-folder.
    const reply = await fetch('examples/aml.csv');
    if (!reply.ok) throw new Error(`examples/aml.csv: HTTP ${reply.status}`);
    const { name } = await loadTable('aml.csv', await reply.arrayBuffer());
    say('Computing…');
    await runSurvival({ type: 'survival', table: name, time: 'time', event: 'status',
      group: 'x', conf_type: 'log', conf_level: 0.95 });
  } catch (e) {
    say(describeFailure(e), true);
  } finally {
    exampleButton.disabled = false;
  }
}

// ---- a file of the user's -----------------------------------------------------------------

/** @param {HTMLSelectElement} select @param {string[]} names @param {RegExp | null} guess */
function fillSelect(select, names, guess, allowNone = false) {
  const options = names.map((name) => new Option(name, name));
  if (allowNone) options.unshift(new Option('(none)', ''));
  select.replaceChildren(...options);
  const guessed = guess && names.find((n) => guess.test(n));
  if (guessed !== undefined && guessed !== null) select.value = guessed;
}

async function loadPickedFile() {
  const file = fileInput.files?.[0];
  if (!file) return null;
  const { name, response } = await loadTable(file.name, await file.arrayBuffer());
  loadedFile = name;
  return { name, response };
}

fileInput.addEventListener('change', async () => {
  columnsFieldset.disabled = true;
  loadedFile = null;
  try {
    say('Reading the file…');
    const loaded = await loadPickedFile();
    if (!loaded) return;
    // The core read the header (quotes, encodings, delimiters): the page does not parse CSV.
    // Columns come as names, or as describe_table-style objects with a name.
    const names = (loaded.response.table?.columns ?? [])
      .map((c) => (typeof c === 'string' ? c : c.name));
    if (names.length === 0) throw new Error('The file has no columns.');
    fillSelect(timeSelect, names, /time|delay|duration|week|month|day|temps|dur/i);
    fillSelect(eventSelect, names, /status|event|death|dead|relapse|statut|décès|evenement|événement/i);
    fillSelect(groupSelect, names, /group|arm|treat|groupe|bras|^x$/i, true);
    columnsFieldset.disabled = false;
    say(`Loaded "${fileInput.files[0].name}": choose the columns, then Run.`);
  } catch (e) {
    say(describeFailure(e), true);
  }
});

fileForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  columnsFieldset.disabled = true;
  try {
    // After a worker restart the table is gone: load it again from the same File.
    const table = loadedFile ?? (await loadPickedFile())?.name;
    if (!table) throw new Error('Pick a file first.');
    if (timeSelect.value === eventSelect.value) {
      throw new Error('The time and the event must be two different columns.');
    }
    say('Computing…');
    const request = { type: 'survival', table, time: timeSelect.value, event: eventSelect.value };
    if (groupSelect.value) request.group = groupSelect.value;
    await runSurvival(request);
  } catch (e) {
    say(describeFailure(e), true);
  } finally {
    columnsFieldset.disabled = false;
  }
});

// ---- start -----------------------------------------------------------------------------------

exampleButton.addEventListener('click', runExample);
client.run({ type: 'version' }).then((response) => {
  exampleButton.disabled = false;
  say(response.ok ? `Ready (calculator ${response.version}).` : describeProblem(response.error),
    !response.ok);
}, (e) => say(describeFailure(e), true));
