// The response criteria of the check step (main thread): one of the core's presets
// (presets/*.json, asked for once), each of its parameters as an input (numbers, yes/no and
// choices, nested fields too), saved to and loaded from a JSON file. The page checks nothing
// here: the core checks every field of the criteria when the analysis runs.
import { t, tOr } from '../i18n/index.js';
import { $, downloadText, el } from '../page-kit.js';

/** @typedef {import('../../shared/core-api.js').Criteria} Criteria */

/** The preset the check step opens with: the seed study's rule. */
const DEFAULT_PRESET = 'seed-2026';

/** The criteria's text parameters, by field name, and the values each may take. */
const CHOICES = {
  mode: ['best', 'at'],
  same_day_counts: ['each', 'lowest'],
  origin: ['first_response', 'd0'],
};

/** Fields that name the criteria rather than set them: shown elsewhere, never as inputs. */
const NAMING_FIELDS = ['name', 'label', 'reference'];

/**
 * @param {object} context
 * @param {() => string} context.lang
 * @param {(work: () => Promise<void>) => Promise<void>} context.guarded
 */
export function createCriteriaEditor({ lang, guarded }) {
  /** @type {Criteria[]} */
  let presets = [];
  /** The criteria the analysis will use: a copy of a preset, edited, or a file's. */
  let criteria = /** @type {Criteria | null} */ (null);

  /** @param {string} name */
  function usePreset(name) {
    criteria = structuredClone(presets.find((p) => p.name === name));
    render();
  }

  /** An input per number, yes/no and choice parameter of the criteria (nested fields too). */
  function render() {
    $('criteria-reference').textContent = criteria.reference ?? '';
    const fields = [];
    const walk = (object, path) => {
      for (const [key, value] of Object.entries(object)) {
        const here = path ? `${path}.${key}` : key;
        if (NAMING_FIELDS.includes(here)) continue;
        if (value && typeof value === 'object' && !Array.isArray(value)) walk(value, here);
        else if (typeof value === 'number' || typeof value === 'boolean' || key in CHOICES) {
          fields.push(parameterInput(object, key, here));
        }
      }
    };
    walk(criteria, '');
    $('criteria-parameters').replaceChildren(...fields);
  }

  /** One parameter's input, which writes what the user sets straight into the criteria. */
  function parameterInput(object, key, path) {
    const value = object[key];
    const label = tOr(`param.${path}`, lang(), path);
    let input;
    if (typeof value === 'boolean') {
      input = el('input', { type: 'checkbox', checked: value });
      input.addEventListener('change', () => { object[key] = input.checked; });
    } else if (key in CHOICES) {
      input = el('select');
      input.append(...CHOICES[key].map((choice) => new Option(t(`param.${key}.${choice}`, lang()),
        choice)));
      input.value = value;
      input.addEventListener('change', () => { object[key] = input.value; });
    } else {
      input = el('input', { type: 'number', step: 'any', value: String(value) });
      input.addEventListener('change', () => { object[key] = Number(input.value); });
    }
    return el('label', { class: 'parameter' }, el('span', {}, label), input);
  }

  const presetSelect = /** @type {HTMLSelectElement} */ ($('preset'));
  presetSelect.addEventListener('change', () => usePreset(presetSelect.value));
  $('reset-criteria').addEventListener('click', () => usePreset(presetSelect.value));
  $('save-criteria').addEventListener('click', () => downloadText(
    `${JSON.stringify(criteria, null, 2)}\n`, `${criteria.name || 'criteria'}.json`,
    'application/json'));
  $('load-criteria').addEventListener('change', (event) => guarded(async () => {
    const input = /** @type {HTMLInputElement} */ (event.target);
    const file = input.files?.[0];
    if (!file) return;
    try {
      criteria = JSON.parse(await file.text());
    } catch (e) {
      throw new Error(t('error.criteriaFile', lang(), { reason: e.message }));
    }
    input.value = '';
    render();  // the core checks every field when the analysis runs
  }));

  return {
    hasPresets: () => presets.length > 0,
    /**
     * The core's presets, offered in the menu; the default one is put in use.
     * @param {Criteria[]} list
     */
    setPresets(list) {
      presets = list;
      presetSelect.replaceChildren(...presets.map((p) => new Option(p.label || p.name, p.name)));
      presetSelect.value = DEFAULT_PRESET;
      usePreset(DEFAULT_PRESET);
    },
    /** The criteria as they stand now, for the analysis. */
    current: () => criteria,
    /** Labels the parameters again (in a new language). */
    onLanguage() {
      if (criteria) render();
    },
  };
}
