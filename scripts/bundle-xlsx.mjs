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
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import * as esbuild from 'esbuild';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = process.argv[2];
if (!out) {
  console.error('usage: node scripts/bundle-xlsx.mjs OUT.js');
  process.exit(2);
}

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

const result = await esbuild.build({
  stdin: {
    contents: "export { default as readXlsxFile, InvalidInputError, InvalidSpreadsheetError } "
      + "from 'read-excel-file/universal';",
    resolveDir: repoRoot,
    sourcefile: 'read-excel-file-entry.js',
  },
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: ['es2020'],
  minify: true,
  legalComments: 'eof',
  plugins: [syncUnzip],
  outfile: out,
  metafile: true,
  logLevel: 'warning',
});

// The page's CSP allows neither eval nor workers from blob: URLs: fail the build, not the page.
const code = await readFile(out, 'utf8');
for (const [pattern, what] of [[/\beval\(/, 'eval'], [/new Function\(/, 'new Function'],
  [/createObjectURL/, 'a blob: URL'], [/new Worker\(/, 'a worker']]) {
  if (pattern.test(code)) {
    console.error(`bundle-xlsx: ${out} would use ${what}, which the page's CSP forbids`);
    process.exit(1);
  }
}

// Each bundled package's name, version and license text, at the top of the file (MIT asks that
// the notice go with every copy).
// read-excel-file carries a modified copy of saxen's XML parser (modules/saxen/).
const VENDORED = { 'read-excel-file': ['saxen'] };
const packages = new Set();
for (const input of Object.keys(result.metafile.inputs)) {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  if (!match) continue;
  packages.add(match[1]);
  for (const vendored of VENDORED[match[1]] ?? []) packages.add(vendored);
}
let notices = '';
for (const name of [...packages].sort()) {
  const dir = path.join(repoRoot, 'node_modules', name);
  const { version, license } = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8'));
  const text = await readFile(path.join(dir, 'LICENSE'), 'utf8').catch(() => '');
  notices += `\n${name} ${version} (${license})\n${text.replaceAll('*/', '* /').trim()}\n`;
}
const header = '/*! The .xlsx reader of the core\'s worker, bundled from npm by scripts/bundle-xlsx.mjs.\n'
  + `${notices}*/\n`;
await writeFile(out, header + code);
console.log(`bundle-xlsx: ${path.relative(repoRoot, path.resolve(out))} (${header.length + code.length} `
  + `bytes: ${[...packages].sort().join(', ')})`);
