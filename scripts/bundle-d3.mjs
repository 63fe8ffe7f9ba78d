#!/usr/bin/env node
// Bundles the d3 modules that the figures use (npm d3-scale, d3-shape, d3-axis, d3-selection,
// d3-array) into one self-contained ES module that the page loads from its own origin, so it
// needs no bundler and no network at run time:   node scripts/bundle-d3.mjs OUT.js
//
// The bundle exports exactly the names that web/figures/*.js import from '../vendor/d3.js', read
// from their import statements, so esbuild leaves out the rest of d3 and a name the figures start
// to use cannot be forgotten here.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import * as esbuild from 'esbuild';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const figuresDir = path.join(repoRoot, 'web/figures');
const PACKAGES = ['d3-array', 'd3-axis', 'd3-scale', 'd3-selection', 'd3-shape'];

const out = process.argv[2];
if (!out) {
  console.error('usage: node scripts/bundle-d3.mjs OUT.js');
  process.exit(2);
}

// import { a, b as c } from '../vendor/d3.js'  →  a, b
const IMPORT = /import\s*\{([^}]*)\}\s*from\s*['"]\.\.\/vendor\/d3\.js['"]/g;
const names = new Set();
for (const file of (await readdir(figuresDir)).filter((f) => f.endsWith('.js')).sort()) {
  const source = await readFile(path.join(figuresDir, file), 'utf8');
  for (const [, list] of source.matchAll(IMPORT)) {
    for (const item of list.split(',')) {
      const name = item.trim().split(/\s+as\s+/)[0];
      if (name) names.add(name);
    }
  }
}

// Which package exports each name (Node imports the same ES modules esbuild bundles).
const owner = new Map();
for (const pkg of PACKAGES) {
  for (const name of Object.keys(await import(pkg))) if (!owner.has(name)) owner.set(name, pkg);
}
const byPackage = new Map();
for (const name of [...names].sort()) {
  const pkg = owner.get(name);
  if (!pkg) {
    console.error(`bundle-d3: web/figures imports "${name}", which none of ${PACKAGES.join(', ')} `
      + 'exports (add the package to package.json and to PACKAGES here)');
    process.exit(1);
  }
  byPackage.set(pkg, [...(byPackage.get(pkg) ?? []), name]);
}
const entry = [...byPackage].map(([pkg, list]) => `export { ${list.join(', ')} } from '${pkg}';`)
  .join('\n');

const result = await esbuild.build({
  stdin: { contents: entry, resolveDir: repoRoot, sourcefile: 'd3-entry.js' },
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: ['es2020'],
  minify: true,
  legalComments: 'eof',
  outfile: out,
  metafile: true,
  logLevel: 'warning',
});

// The page's CSP allows no eval; the figures must not write HTML or style attributes either,
// but those are their own code (tests/node/figures.test.mjs reads it), not the bundle's.
const code = await readFile(out, 'utf8');
for (const [pattern, what] of [[/\beval\(/, 'eval'], [/new Function\(/, 'new Function'],
  [/new Worker\(/, 'a worker']]) {
  if (pattern.test(code)) {
    console.error(`bundle-d3: ${out} would use ${what}, which the page's CSP forbids`);
    process.exit(1);
  }
}

// Each bundled package's name, version and license text at the top (ISC asks that the notice
// go with every copy).
// Only packages with code in the output: d3-scale imports d3-time, which tree shaking drops.
const packages = new Set();
const [output] = Object.values(result.metafile.outputs);
for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
  if (!bytesInOutput) continue;
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  if (match) packages.add(match[1]);
}
// d3's packages share one ISC text, give or take the years: each distinct text is written once.
const byText = new Map();
for (const name of [...packages].sort()) {
  const dir = path.join(repoRoot, 'node_modules', name);
  const { version, license } = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8'));
  const text = (await readFile(path.join(dir, 'LICENSE'), 'utf8').catch(() => ''))
    .replaceAll('*/', '* /').trim();
  byText.set(text, [...(byText.get(text) ?? []), `${name} ${version} (${license})`]);
}
let notices = '';
for (const [text, list] of byText) notices += `\n${list.join(', ')}\n${text}\n`;
const header = '/*! The d3 modules of the page\'s figures (web/figures/), bundled from npm by '
  + `scripts/bundle-d3.mjs.\n${notices}*/\n`;
await writeFile(out, header + code);
const bytes = header.length + code.length;
console.log(`bundle-d3: ${path.relative(repoRoot, path.resolve(out))} (${bytes} bytes, `
  + `${names.size} names: ${[...packages].sort().join(', ')})`);
