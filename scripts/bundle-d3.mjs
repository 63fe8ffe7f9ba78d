#!/usr/bin/env node
// Bundles the d3 modules that the figures use (npm d3-scale, d3-shape, d3-axis, d3-selection,
// d3-array) into one self-contained ES module that the page loads from its own origin, so it
// needs no bundler and no network at run time:   node scripts/bundle-d3.mjs OUT.js
//
// The bundle exports exactly the names that web/page/figures/*.js import from '../vendor/d3.js',
// read from their import statements, so esbuild leaves out the rest of d3 and a name the figures
// start to use cannot be forgotten here.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import { bundleForPage, outputArgument, repoRoot } from './bundle-for-page.mjs';

const figuresDir = path.join(repoRoot, 'web/page/figures');
const PACKAGES = ['d3-array', 'd3-axis', 'd3-scale', 'd3-selection', 'd3-shape'];

const out = outputArgument('bundle-d3');

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
    console.error(`bundle-d3: web/page/figures imports "${name}", which none of `
      + `${PACKAGES.join(', ')} exports (add the package to package.json and to PACKAGES here)`);
    process.exit(1);
  }
  byPackage.set(pkg, [...(byPackage.get(pkg) ?? []), name]);
}
const entry = [...byPackage].map(([pkg, list]) => `export { ${list.join(', ')} } from '${pkg}';`)
  .join('\n');

const { bytes, packages } = await bundleForPage({
  tag: 'bundle-d3',
  entry,
  out,
  description: 'The d3 modules of the page\'s figures (web/page/figures/), bundled from npm by '
    + 'scripts/bundle-d3.mjs.',
});
console.log(`bundle-d3: ${path.relative(repoRoot, path.resolve(out))} (${bytes} bytes, `
  + `${names.size} names: ${packages.join(', ')})`);
