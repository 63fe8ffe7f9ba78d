// What bundle-d3.mjs and bundle-xlsx.mjs share: build one self-contained, minified ES module from
// npm packages with esbuild, refuse it when it would use what the page's CSP forbids, and put each
// bundled package's name, version and licence text at its top (the MIT and ISC licences ask that
// the notice go with every copy).
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import * as esbuild from 'esbuild';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// The page's CSP allows no eval and no worker from a blob: URL: fail the build, not the page.
const FORBIDDEN = [[/\beval\(/, 'eval'], [/new Function\(/, 'new Function'],
  [/createObjectURL/, 'a blob: URL'], [/new Worker\(/, 'a worker']];

/** The output file named on the command line, or a usage error. */
export function outputArgument(script) {
  const out = process.argv[2];
  if (!out) {
    console.error(`usage: node scripts/${script}.mjs OUT.js`);
    process.exit(2);
  }
  return out;
}

/**
 * @param {object} bundle
 * @param {string} bundle.tag          The script's name, for messages ("bundle-d3").
 * @param {string} bundle.entry        The module the bundle exports, as source text.
 * @param {string} bundle.out          The file to write.
 * @param {string} bundle.description  The header's first line.
 * @param {object[]} [bundle.plugins]  esbuild plugins.
 * @param {Record<string, string[]>} [bundle.vendored]  Packages a package carries a copy of.
 * @returns {Promise<{bytes: number, packages: string[]}>}  Its size, and the packages bundled
 *   (those with code in the output).
 */
export async function bundleForPage({ tag, entry, out, description, plugins = [], vendored = {} }) {
  const result = await esbuild.build({
    stdin: { contents: entry, resolveDir: repoRoot, sourcefile: `${tag}-entry.js` },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2020'],
    minify: true,
    legalComments: 'eof',
    plugins,
    outfile: out,
    metafile: true,
    logLevel: 'warning',
  });
  const code = await readFile(out, 'utf8');
  for (const [pattern, what] of FORBIDDEN) {
    if (pattern.test(code)) {
      console.error(`${tag}: ${out} would use ${what}, which the page's CSP forbids`);
      process.exit(1);
    }
  }

  // Only packages with code in the output (tree shaking drops some imports whole).
  const packages = new Set();
  const [output] = Object.values(result.metafile.outputs);
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    const match = bytesInOutput && /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (!match) continue;
    packages.add(match[1]);
    for (const copy of vendored[match[1]] ?? []) packages.add(copy);
  }
  // Packages of one family share one licence text, give or take the years: written once.
  const byText = new Map();
  const names = [...packages].sort();
  for (const name of names) {
    const dir = path.join(repoRoot, 'node_modules', name);
    const { version, license } = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8'));
    const text = (await readFile(path.join(dir, 'LICENSE'), 'utf8').catch(() => ''))
      .replaceAll('*/', '* /').trim();
    byText.set(text, [...(byText.get(text) ?? []), `${name} ${version} (${license})`]);
  }
  let notices = '';
  for (const [text, list] of byText) notices += `\n${list.join(', ')}\n${text}\n`;
  const header = `/*! ${description}\n${notices}*/\n`;
  await writeFile(out, header + code);
  return { bytes: header.length + code.length, packages: names };
}
