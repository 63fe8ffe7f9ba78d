// scripts/static-server.mjs as scripts/serve runs it: a child process on a free port, serving a
// temporary folder, checked for the headers the page relies on and for refusing to leave it.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { repoRoot } from './core-loader.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; "
  + "object-src 'none'; base-uri 'none'";

/**
 * A raw GET: node's http client sends the path exactly as given, `..` included, where fetch()
 * would normalise it away before it reached the server.
 */
function get(port, rawPath, method = 'GET') {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: rawPath, method }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers,
        body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static server', () => {
  let tmp;
  let server;
  let port;

  before(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'itp-static-'));
    const site = path.join(tmp, 'site');
    await mkdir(path.join(site, 'examples'), { recursive: true });
    await mkdir(path.join(site, 'nested'));
    await writeFile(path.join(site, 'index.html'), '<!doctype html><title>t</title>');
    await writeFile(path.join(site, 'app.js'), 'export {};');
    await writeFile(path.join(site, 'itp-core.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d]));
    await writeFile(path.join(site, 'examples', 'aml.csv'), 'time,status\n1,1\n');
    await writeFile(path.join(site, 'nested', 'index.html'), 'nested');
    await writeFile(path.join(tmp, 'secret.txt'), 'SECRET');
    await symlink(tmp, path.join(site, 'escape'));

    server = spawn(process.execPath, [path.join(repoRoot, 'scripts/static-server.mjs'), site, '0'],
      { stdio: ['ignore', 'pipe', 'inherit'] });
    port = await new Promise((resolve, reject) => {
      let out = '';
      server.stdout.on('data', (chunk) => {
        out += chunk;
        const match = out.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
        if (match) resolve(Number(match[1]));
      });
      server.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
  });

  after(async () => {
    server?.kill();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  test('serves index.html with the CSP, nosniff and HTML type', async () => {
    const res = await get(port, '/');
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-security-policy'], CSP);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.match(res.headers['content-type'], /^text\/html/);
  });

  test('MIME types: wasm, JavaScript, CSV', async () => {
    const wasm = await get(port, '/itp-core.wasm');
    assert.equal(wasm.status, 200);
    assert.equal(wasm.headers['content-type'], 'application/wasm');
    assert.equal(wasm.headers['content-security-policy'], CSP);
    assert.match((await get(port, '/app.js')).headers['content-type'], /^text\/javascript/);
    assert.match((await get(port, '/examples/aml.csv')).headers['content-type'], /^text\/csv/);
  });

  test('a folder redirects to its trailing slash, then serves its index', async () => {
    const moved = await get(port, '/nested');
    assert.equal(moved.status, 301);
    assert.equal(moved.headers.location, '/nested/');
    const res = await get(port, '/nested/');
    assert.equal(res.status, 200);
    assert.equal(res.body, 'nested');
  });

  test('refuses to leave the folder', async () => {
    for (const attempt of ['/../secret.txt', '/examples/../../secret.txt', '/%2e%2e/secret.txt',
      '/..%2fsecret.txt', '/%2E%2E%2Fsecret.txt', '/..\\secret.txt', '/escape/secret.txt',
      '/examples/%00', '/%ff']) {
      const res = await get(port, attempt);
      assert.notEqual(res.status, 200, attempt);
      assert.doesNotMatch(res.body, /SECRET/, attempt);
      assert.equal(res.headers['content-security-policy'], CSP, attempt);
    }
  });

  test('never redirects to another host', async () => {
    const res = await get(port, '//nested');
    assert.notEqual(res.status, 301);
    assert.equal(res.headers.location, undefined);
  });

  test('404 for a missing file, 405 for other methods, HEAD without a body', async () => {
    assert.equal((await get(port, '/missing.js')).status, 404);
    assert.equal((await get(port, '/', 'POST')).status, 405);
    const head = await get(port, '/app.js', 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(head.body, '');
  });
});
