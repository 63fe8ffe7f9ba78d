// The cohort mode's step bar (main thread): load, check, results, one shown at a time, its
// button marked as the current step; a step's button is enabled once the step has something to
// show, and a click on it goes back (or forth) to it.
import { $ } from '../page-kit.js';

/** @typedef {'load' | 'check' | 'results'} Step */

const STEPS = /** @type {Step[]} */ (['load', 'check', 'results']);

/** @param {Step} step */
const stepButton = (step) => /** @type {HTMLButtonElement} */ (
  document.querySelector(`.steps button[data-step="${step}"]`));

export function createSteps() {
  /**
   * Shows `step` alone and moves the focus to its heading, for keyboard and screen-reader users.
   * @param {Step} step
   */
  function show(step) {
    for (const name of STEPS) {
      $(`step-${name}`).hidden = name !== step;
      if (name === step) stepButton(name).setAttribute('aria-current', 'step');
      else stepButton(name).removeAttribute('aria-current');
    }
    $(`${step}-heading`).focus();
  }

  for (const button of document.querySelectorAll('.steps button')) {
    const step = /** @type {Step} */ (button.getAttribute('data-step'));
    button.addEventListener('click', () => show(step));
  }

  return {
    show,
    /** @param {Step} step */
    enable(step) {
      stepButton(step).disabled = false;
    },
  };
}
