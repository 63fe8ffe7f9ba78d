// The user's File read into the core as it streams in (docs/decisions.md, "A file read in
// chunks, progress as a true fraction, and a size limit"). Its own module so that the tests
// can give it streams of any shape under Node (tests/node/issue_15_large_files.test.mjs).

/** @typedef {import('../shared/core-api.js').LoadTableRequest} LoadTableRequest */

// How many times the reading of a file is reported: every 5 %. Each report is a message and a
// change of the page's status line; at 1 % the reports took a third of the read of a 10 MB file
// (0.084 s against 0.056 s, docs/decisions.md), and twenty still move the bar smoothly while a
// 100 MB file is read for a second.
const READ_REPORTS = 20;

/**
 * Reads a Blob (the user's File) into the core as it streams in and loads it as a table: the
 * file's bytes are held once, in the core's memory; the core refuses a file too large for the
 * tab before a byte is read; `progress` hears of the bytes read (at most READ_REPORTS times),
 * then of the text checked.
 * @param {any} workspace
 * @param {LoadTableRequest} request
 * @param {Blob} blob
 * @param {(phase: 'read' | 'check', done: number, total: number) => void} progress
 * @returns {Promise<string>} the core's load_table answer
 */
export async function loadBlob(workspace, request, blob, progress) {
  const json = JSON.stringify(request);
  const refusal = workspace.beginTable(json, blob.size);
  if (refusal) return refusal;
  // A stream, not slices read one after the other: the browser reads ahead while the core
  // copies, and no more than a chunk of it (64 KB to 2 MB in Chromium) is held in JavaScript.
  const reader = blob.stream().getReader();
  let done = 0;
  let told = 0;
  for (;;) {
    const { value, done: finished } = await reader.read();
    if (finished) break;
    const failure = workspace.appendBytes(value);
    if (failure) {
      await reader.cancel();
      return failure;
    }
    done += value.length;
    if (done - told >= blob.size / READ_REPORTS || done === blob.size) {
      progress('read', done, blob.size);
      told = done;
    }
  }
  return workspace.finishTable(json, (checked, total) => progress('check', checked, total));
}
