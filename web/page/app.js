// The page's entry (main thread): the calculator's worker, the language, and the two modes
// (ITP cohort, survival calculator), each in its own module. The page computes nothing: the
// core in the worker answers every request (core-client.js), and every value from a file is
// shown as text.
import { createCohortPage } from './cohort/cohort-page.js';
import { CoreClient, WorkerFailed } from './core-client.js';
import { prepareNumberFormats } from './format.js';
import { languages, normalizeLanguage, t } from './i18n/index.js';
import { applyTexts, say } from './page-kit.js';
import { createSurvivalPage } from './survival/survival-page.js';

// The browser's language, never stored (docs/design.md §6: nothing kept unless the user asks).
let lang = normalizeLanguage(navigator.language);
const currentLang = () => lang;

/** @param {unknown} e */
function describeFailure(e) {
  if (e instanceof WorkerFailed && e.restarted) {
    return t('error.workerRestarted', lang, { reason: e.message });
  }
  if (e instanceof WorkerFailed) return t('error.workerFailed', lang, { reason: e.message });
  return e instanceof Error ? e.message : String(e);
}

const modes = [];
const client = new CoreClient({
  // A new worker has no tables: each mode loads its files again.
  onRestart: async (reason) => {
    say(t('error.workerRestarted', lang, { reason }), true);
    for (const mode of modes) await mode.onRestart().catch(() => {});
  },
  onGiveUp: (reason) => say(t('error.workerGaveUp', lang, { reason }), true),
});

const cohort = createCohortPage({ client, lang: currentLang, describeFailure });
const survival = createSurvivalPage({ client, lang: currentLang, describeFailure });
modes.push(cohort, survival);

// ---- language and mode ------------------------------------------------------------------------

const languageSelect = /** @type {HTMLSelectElement} */ (document.getElementById('language'));
languageSelect.replaceChildren(...languages.map((l) => new Option(l.name, l.code)));
languageSelect.value = lang;
languageSelect.addEventListener('change', () => {
  lang = normalizeLanguage(languageSelect.value);
  applyTexts(document, lang);
  for (const mode of modes) mode.onLanguage();
});

/** @param {'cohort' | 'survival'} mode */
function showMode(mode) {
  document.getElementById('cohort-mode').hidden = mode !== 'cohort';
  document.getElementById('survival-mode').hidden = mode !== 'survival';
  document.getElementById('mode-cohort').setAttribute('aria-pressed', String(mode === 'cohort'));
  document.getElementById('mode-survival').setAttribute('aria-pressed', String(mode === 'survival'));
  if (mode === 'survival') survival.open();
}
document.getElementById('mode-cohort').addEventListener('click', () => showMode('cohort'));
document.getElementById('mode-survival').addEventListener('click', () => showMode('survival'));

// ---- start ------------------------------------------------------------------------------------

applyTexts(document, lang);
say(t('status.starting', lang));
client.run({ type: 'version' }).then((response) => {
  if (!response.ok) throw new Error(response.error.message);
  for (const mode of modes) mode.ready();
  say(t('status.ready', lang, { version: response.version }));
  // While the user chooses a file (Safari has no requestIdleCallback).
  (window.requestIdleCallback ?? setTimeout)(() => prepareNumberFormats(lang));
  // ".../#example" opens with the example cohort loaded (the address scripts/serve prints).
  if (window.location.hash === '#example') document.getElementById('open-example').click();
}).catch((e) => say(describeFailure(e), true));
