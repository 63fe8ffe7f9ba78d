// The ITP cohort mode of the page (main thread), in three steps (docs/design.md §6), each in its
// own module:
//   load    files dropped or picked, or the example cohort          ./load-step.js
//   check   how each table and column was read, the problems, the
//           date order, missing codes and the response criteria      ./check-step.js
//   results the core's cohort report as tables, figures, the
//           per-patient audit, the JSON and a printable report        ./results-step.js
// This file wires them together: the step bar, one way of reporting a failure, and what the
// page's entry (../app.js) asks of a mode. Every number comes from the core; the page only asks
// and shows.
import { say } from '../page-kit.js';
import { createCheckStep } from './check-step.js';
import { createLoadStep } from './load-step.js';
import { createResultsStep } from './results-step.js';
import { createSteps } from './steps.js';

/**
 * @param {{client: import('../core-client.js').CoreClient, lang: () => string,
 *   describeFailure: (e: unknown) => string}} page
 */
export function createCohortPage({ client, lang, describeFailure }) {
  /**
   * Runs what a button or a menu started; a failure is said in the status line, never thrown
   * into an event handler where nobody would see it.
   * @param {() => Promise<void>} work
   */
  async function guarded(work) {
    try {
      await work();
    } catch (e) {
      say(describeFailure(e), true);
    }
  }

  const steps = createSteps();
  const load = createLoadStep({ client, lang, guarded, onLoaded: () => {
    results.prepare();
    return check.enter();
  } });
  const check = createCheckStep({ client, lang, guarded, steps, tableNames: load.tableNames });
  const results = createResultsStep({ client, lang, guarded, steps, check });

  return {
    /** Redraws what is shown in the new language. */
    onLanguage() {
      load.render();
      check.onLanguage();
      results.onLanguage();
    },
    /** The worker was restarted: its tables are gone, load the files again. */
    onRestart: () => load.reload(),
    /** The worker answered: the example cohort may be opened. */
    ready: () => load.ready(),
  };
}
