// The cohort mode's check step (main thread): how the core read the loaded tables
// (import_cohort): each table's role and rows, each column with a menu of what it can be used as,
// a menu of roles for a table the core could not place; the problems found, with their cells; the
// date order, the missing-value codes and how censored values count. Any change imports again.
// The response criteria are chosen here too (./criteria-editor.js).
import { t, tOr } from '../i18n/index.js';
import { $, busy, el, problemsTable, replaceKeepingFocus, say } from '../page-kit.js';
import { createCriteriaEditor } from './criteria-editor.js';

/** @typedef {import('../../shared/core-api.js').ImportCohortResponse} ImportCohortResponse */
/** @typedef {import('../../shared/core-api.js').ImportedTable} ImportedTable */
/** @typedef {import('../../shared/core-api.js').ImportOptions} ImportOptions */

/** The roles a table can be given, in the order the menu lists them. */
const ROLES = ['patients', 'platelets', 'infusions', 'treatments', 'adverse_events', 'labs'];

/**
 * @param {object} context
 * @param {import('../core-client.js').CoreClient} context.client
 * @param {() => string} context.lang
 * @param {(work: () => Promise<void>) => Promise<void>} context.guarded
 * @param {ReturnType<typeof import('./steps.js').createSteps>} context.steps
 * @param {() => string[]} context.tableNames  The tables loaded (the load step's).
 */
export function createCheckStep({ client, lang, guarded, steps, tableNames }) {
  /** The user's corrections, sent with every import: column → canonical name, table → role. */
  const corrections = { mapping: {}, roles: {} };
  /** @type {ImportCohortResponse | null} The last import, null when it failed. */
  let imported = null;
  const criteria = createCriteriaEditor({ lang, guarded });

  /**
   * The import options this step sets, sent with import_cohort and cohort alike.
   * @returns {ImportOptions}
   */
  function importOptions() {
    const order = /** @type {HTMLInputElement} */ (
      document.querySelector('input[name="date-order"]:checked')).value;
    const codes = /** @type {HTMLInputElement} */ ($('missing-codes')).value
      .split(/[,;]/).map((s) => s.trim()).filter(Boolean);
    const censored = /** @type {HTMLSelectElement} */ ($('censored-values')).value;
    return { tables: tableNames(), date_order: order, missing_codes: codes,
      censored_values: censored, roles: corrections.roles, mapping: corrections.mapping };
  }

  /** From the load step: the presets (once), the import, then this step shown. */
  async function enter() {
    if (!criteria.hasPresets()) {
      const answer = await client.run({ type: 'presets' });
      criteria.setPresets(answer.presets);
    }
    await runImport();
    steps.enable('check');
    steps.show('check');
  }

  async function runImport() {
    busy(t('status.computing', lang()));
    const answer = await client.run({ type: 'import_cohort', ...importOptions() });
    if (!answer.ok) {
      imported = null;
      $('mapping').replaceChildren(el('p', { class: 'error' }, answer.error.message));
      $('problems').replaceChildren();
      /** @type {HTMLButtonElement} */ ($('analyse')).disabled = true;
      say(answer.error.message, true);
      return;
    }
    imported = answer;
    /** @type {HTMLButtonElement} */ ($('analyse')).disabled = false;
    render();
    say(t('status.done', lang()));
  }

  function render() {
    const { cohort, warnings } = imported;
    const blocks = cohort.tables.map((table) => mappingTable(table));
    for (const ignored of cohort.ignored_tables) blocks.push(roleChoice(ignored.name));
    // A menu's change redraws the tables; the focus stays on that menu, or goes to the step's
    // heading when the menu is gone (a table given its role no longer asks for one).
    replaceKeepingFocus($('mapping'), blocks, $('check-heading'));
    $('problems').replaceChildren(problemsTable(warnings, lang()));
  }

  /**
   * A table the core could not place: said so, with a menu to give it a role.
   * @param {string} name
   */
  function roleChoice(name) {
    const select = el('select', { 'data-focus-key': `role:${name}` });
    select.append(new Option('—', ''));
    for (const role of ROLES) select.append(new Option(t(`role.${role}`, lang()), role));
    select.addEventListener('change', () => guarded(async () => {
      if (select.value) corrections.roles[name] = select.value;
      else delete corrections.roles[name];
      await runImport();
    }));
    return el('div', {},
      el('p', { class: 'error' }, t('load.notRecognised', lang(), { file: name })),
      el('label', {}, el('span', {}, t('check.tableRole', lang(), { table: name })), select));
  }

  /**
   * One table's columns, each with a menu of what it can be used as.
   * @param {ImportedTable} table
   */
  function mappingTable(table) {
    const role = tOr(`role.${table.role}`, lang(), table.role);
    const rows = table.columns.map((column) => {
      const select = el('select', { 'aria-label': `${table.name}: ${column.name}`,
        'data-focus-key': `column:${table.name}:${column.name}` });
      select.append(new Option(t('check.notUsed', lang()), ''));
      for (const canonical of table.canonical_columns) {
        select.append(new Option(canonical, canonical));
      }
      select.value = column.canonical ?? '';
      select.addEventListener('change', () => guarded(async () => {
        corrections.mapping[table.name] = { ...(corrections.mapping[table.name] ?? {}),
          [column.name]: select.value === '' ? null : select.value };
        await runImport();
      }));
      return el('tr', {}, el('th', { scope: 'row' }, column.name), el('td', {}, select));
    });
    const set = Object.entries(table.rows.set_aside).map(([why, n]) => `${why}: ${n}`).join(', ');
    return el('table', { class: 'mapping' },
      el('caption', {}, `${table.file} — ${role}: ${table.rows.kept}/${table.rows.read}`
        + (set ? ` (${set})` : '')),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('check.column', lang())),
        el('th', { scope: 'col' }, t('check.usedAs', lang())))),
      el('tbody', {}, ...rows));
  }

  for (const input of document.querySelectorAll('input[name="date-order"]')) {
    input.addEventListener('change', () => guarded(runImport));
  }
  $('missing-codes').addEventListener('change', () => guarded(runImport));
  $('censored-values').addEventListener('change', () => guarded(runImport));
  $('back-to-load').addEventListener('click', () => steps.show('load'));

  return {
    enter,
    importOptions,
    /** The criteria the analysis will use. */
    criteria: () => criteria.current(),
    /** Shows the import again (in a new language). */
    onLanguage() {
      if (imported) render();
      criteria.onLanguage();
    },
  };
}
