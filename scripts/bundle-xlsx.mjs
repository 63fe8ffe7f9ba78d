#!/usr/bin/env node
// Bundles the npm library that reads .xlsx workbooks (read-excel-file, its "universal" entry) into
// one self-contained ES module for the core's worker, so the page needs no bundler and no network
// at run time:   node scripts/bundle-xlsx.mjs OUT.js
//
// One change to the library's behaviour, made here at build time: fflate's asynchronous unzip()
// starts a Web Worker from a blob: URL for every part of the archive over 512 KB, which the page's
// Content-Security-Policy forbids (worker-src falls back to script-src 'self'), and a blocked
// worker would leave the read hanging. The bundle routes the library's unzip() to fflate's
// unzipSync() instead: the decoding already runs in the core's worker, off the page's thread.
import path from 'node:path';

import { bundleForPage, outputArgument, repoRoot } from './bundle-for-page.mjs';

const out = outputArgument('bundle-xlsx');

// fflate with unzip() answered synchronously; its callback still runs on a later tick, as the
// library expects of the asynchronous version.
const SYNC_FFLATE = `
export * from 'fflate-original';
import { unzipSync } from 'fflate-original';
export function unzip(data, opts, cb) {
  if (!cb) { cb = opts; opts = {}; }
  let files = null, error = null;
  try { files = unzipSync(data, opts); } catch (e) { error = e; }
  queueMicrotask(() => cb(error, files));
  return () => {};
}`;

const syncUnzip = {
  name: 'sync-unzip',
  setup(build) {
    build.onResolve({ filter: /^fflate$/ }, (args) => (args.pluginData?.original ? undefined
      : { path: 'fflate-sync', namespace: 'sync-unzip' }));
    build.onLoad({ filter: /^fflate-sync$/, namespace: 'sync-unzip' }, () => ({
      contents: SYNC_FFLATE, resolveDir: repoRoot, loader: 'js',
    }));
    build.onResolve({ filter: /^fflate-original$/ }, async () => {
      const resolved = await build.resolve('fflate', {
        kind: 'import-statement', resolveDir: repoRoot, pluginData: { original: true } });
      return { path: resolved.path };
    });
  },
};

const { bytes, packages } = await bundleForPage({
  tag: 'bundle-xlsx',
  entry: "export { default as readXlsxFile, InvalidInputError, InvalidSpreadsheetError } "
    + "from 'read-excel-file/universal';",
  out,
  description: 'The .xlsx reader of the core\'s worker, bundled from npm by scripts/bundle-xlsx.mjs.',
  plugins: [syncUnzip],
  // read-excel-file carries a modified copy of saxen's XML parser (modules/saxen/).
  vendored: { 'read-excel-file': ['saxen'] },
});
console.log(`bundle-xlsx: ${path.relative(repoRoot, path.resolve(out))} (${bytes} bytes: `
  + `${packages.join(', ')})`);
