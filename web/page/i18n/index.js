// The page's words in the reader's language: t(id, lang) over one dictionary per language
// (./en.js, ./fr.js), keyed by stable ids that the page and the table builders share. A key
// missing from French falls back to the English text, and tests/node/i18n.test.mjs checks that
// both dictionaries have the same keys and the same {placeholders}. Numbers are written by
// ../format.js, in the language chosen here.
//
// Text that comes from the core (its messages, reasons, the drug names and values of a user's
// file) is not translated here: it is data, shown as given.

import { en } from './en.js';
import { fr } from './fr.js';

/** @typedef {'en' | 'fr'} Lang */

/** The languages of the interface, in the order a language menu lists them. */
export const languages = Object.freeze([
  Object.freeze({ code: 'en', name: 'English', locale: 'en-GB' }),
  Object.freeze({ code: 'fr', name: 'Français', locale: 'fr-FR' }),
]);

export const defaultLanguage = 'en';

/** The dictionaries, for tests and for a page that lists every string of a language. */
export const dictionaries = Object.freeze({ en, fr });

/**
 * The interface language for a code such as "fr", "fr-CA" or navigator.language; English when
 * the language is not one of ours.
 * @param {string | null | undefined} code
 * @returns {Lang}
 */
export function normalizeLanguage(code) {
  const base = String(code ?? '').toLowerCase().split(/[-_]/)[0];
  return languages.some((l) => l.code === base) ? /** @type {Lang} */ (base) : defaultLanguage;
}

/**
 * The locale whose conventions a language's numbers and dates follow ("fr" → "fr-FR").
 * @param {string} lang
 */
export function localeOf(lang) {
  const code = normalizeLanguage(lang);
  return languages.find((l) => l.code === code).locale;
}

/** True when the English dictionary has this id. */
export function hasText(id) {
  return Object.prototype.hasOwnProperty.call(en, id);
}

/**
 * The text of `id` in `lang`, with each {name} replaced by params[name] (as text; a name not in
 * params stays as written). Missing in that language: the English text; missing everywhere: the
 * id itself, so a forgotten key shows up on the page instead of an empty label.
 * @param {string} id
 * @param {string} [lang]
 * @param {Record<string, string | number>} [params]
 * @returns {string}
 */
export function t(id, lang = defaultLanguage, params = undefined) {
  return translate(dictionaries, id, normalizeLanguage(lang), params);
}

/**
 * What `t` does, over any dictionaries that have an `en` one (exported for the tests).
 * @param {Record<string, Record<string, string>>} dicts
 * @param {string} id
 * @param {string} lang
 * @param {Record<string, string | number>} [params]
 */
export function translate(dicts, id, lang, params = undefined) {
  const has = (dictionary) => !!dictionary && Object.prototype.hasOwnProperty.call(dictionary, id);
  const dictionary = dicts[lang];
  const text = has(dictionary) ? dictionary[id] : has(dicts.en) ? dicts.en[id] : id;
  if (!params) return text;
  return text.replace(/\{([A-Za-z0-9_]+)\}/g, (whole, name) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole);
}

/**
 * `t` for ids built from data (a drug class, a Table 1 variable): the fallback text when the
 * dictionary has no such id, instead of the id.
 * @param {string} id
 * @param {string} lang
 * @param {string} fallback
 * @param {Record<string, string | number>} [params]
 */
export function tOr(id, lang, fallback, params = undefined) {
  return hasText(id) ? t(id, lang, params) : fallback;
}
