#!/usr/bin/env node
// A static file server for the built site, with the headers the page relies on: the CSP (a meta
// tag does not govern the worker, docs/design.md §8, trap 7), the wasm MIME type (streaming
// compilation refuses anything else) and nosniff. node:http only, so it runs on a fresh machine
// before any npm install. Local use only: it listens on 127.0.0.1.
//
//   node scripts/static-server.mjs FOLDER [PORT]     (PORT 0 = any free port; default 8080)
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; "
  + "connect-src 'self'; object-src 'none'; base-uri 'none'";

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.csv': 'text/csv; charset=utf-8',
  '.tsv': 'text/tab-separated-values; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const SECURITY_HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  // A development server: always revalidate, so a rebuilt wasm is never stale.
  'Cache-Control': 'no-cache',
};

/**
 * @param {http.ServerResponse} res
 * @param {number} status
 * @param {string} text
 * @param {Record<string, string>} [extra]
 */
function sendText(res, status, text, extra = {}) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text), ...extra });
  res.end(text);
}

/**
 * Maps a request path to a file inside root, or null when it would leave root: `..` segments
 * (plain or percent-encoded), backslashes, NUL bytes, and symbolic links pointing outside.
 * @param {string} root  An absolute, real path.
 * @param {string} urlPath  The path part of the request, still percent-encoded.
 * @returns {Promise<{file: string, info: import('node:fs').Stats} | null>}
 */
async function resolveInside(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  if (decoded.split('/').includes('..')) return null;
  const candidate = path.resolve(root, `.${decoded}`);
  try {
    const real = await realpath(candidate);
    if (real !== root && !real.startsWith(root + path.sep)) return null;
    return { file: real, info: await stat(real) };
  } catch {
    return null;
  }
}

/**
 * @param {string} folder  The folder to serve.
 * @returns {Promise<http.Server>}  Not yet listening.
 */
export async function createStaticServer(folder) {
  const root = await realpath(folder);
  return http.createServer(async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendText(res, 405, 'method not allowed\n', { Allow: 'GET, HEAD' });
      return;
    }
    // The raw target, not a URL object: WHATWG parsing would silently drop `..` segments and
    // hide a traversal attempt that this server should refuse outright.
    const rawPath = (req.url ?? '/').split(/[?#]/, 1)[0];
    // '//host/...' would turn the folder redirect below into a redirect to another site.
    if (!rawPath.startsWith('/') || rawPath.startsWith('//')) {
      sendText(res, 400, 'bad request\n');
      return;
    }
    const found = await resolveInside(root, rawPath);
    if (!found) {
      sendText(res, 404, 'not found\n');
      return;
    }
    let { file, info } = found;
    if (info.isDirectory()) {
      // A folder's relative URLs resolve against its trailing slash: redirect to it.
      if (!rawPath.endsWith('/')) {
        sendText(res, 301, 'moved\n', { Location: `${rawPath}/` });
        return;
      }
      file = path.join(file, 'index.html');
      info = await stat(file).catch(() => null);
    }
    if (!info?.isFile()) {
      sendText(res, 404, 'not found\n');
      return;
    }
    const type = MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': info.size });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const stream = createReadStream(file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  });
}

async function main() {
  const [folder, portText = '8080'] = process.argv.slice(2);
  if (!folder) {
    console.error('usage: node scripts/static-server.mjs FOLDER [PORT]');
    process.exit(2);
  }
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`static-server: bad port "${portText}"`);
    process.exit(2);
  }
  const server = await createStaticServer(folder);
  server.on('error', (e) => {
    console.error(`static-server: ${e.message}`);
    process.exit(1);
  });
  server.listen(port, '127.0.0.1', () => {
    const { port: actual } = /** @type {import('node:net').AddressInfo} */ (server.address());
    console.log(`Serving ${folder} on http://127.0.0.1:${actual}/  (Ctrl+C to stop)`);
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
