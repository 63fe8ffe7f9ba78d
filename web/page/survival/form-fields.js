// What the survival calculator's form holds, read for a request (main thread): the chosen
// columns, and numbers typed as people type them in English or French. A list is split at ";",
// at spaces and at a comma followed by a space, so "12, 24" is two times while "12,5" is 12.5
// (a French decimal comma); a piece that is not a number is an error naming it, never dropped.
import { t } from '../i18n/index.js';
import { $ } from '../page-kit.js';

/** The value of the select or input with this id. @param {string} id */
export const valueOf = (id) => /** @type {HTMLInputElement | HTMLSelectElement} */ ($(id)).value;

/** One number as typed ("12.5", "12,5"); NaN when it is not one. @param {string} text */
export function readNumber(text) {
  const s = text.trim();
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$/.test(s)) return Number.NaN;
  return Number(s.replace(',', '.'));
}

/**
 * The numbers typed in a text field, [] when it is empty.
 * @param {string} id  The input's id.
 * @param {string} lang
 * @returns {number[]}
 */
export function numbersIn(id, lang) {
  const text = valueOf(id).trim();
  if (!text) return [];
  return text.split(/[;\s]+|,(?=\s)/).filter(Boolean).map((piece) => {
    const x = readNumber(piece);
    if (!Number.isFinite(x)) throw new Error(t('error.notANumber', lang, { text: piece }));
    return x;
  });
}

/**
 * The single number typed in a text field, or null when it is empty.
 * @param {string} id @param {string} lang
 */
export function numberIn(id, lang) {
  const text = valueOf(id).trim();
  if (!text) return null;
  const x = readNumber(text);
  if (!Number.isFinite(x)) throw new Error(t('error.notANumber', lang, { text }));
  return x;
}
