// A small static server for the built app (dist/), used by ./scripts/serve.sh and the browser
// tests. It serves files with their types, compressed as the browser asks (brotli, or gzip by
// zopfli when it is installed: tools/compress.mjs), and sends the security headers a real
// deployment should send. Local use only: it binds where told.
//
//   node tools/serve.mjs [--dir dist] [--host 127.0.0.1] [--port 8080]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { compressFile } from './compress.mjs';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const root = resolve(args.dir ?? 'dist');
const host = args.host ?? '127.0.0.1';
const port = Number(args.port ?? 8080);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.toml': 'text/plain; charset=utf-8',
  '.trial': 'text/plain; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

// Compressed bodies, by path, modification time and encoding: a rebuild is served at once.
const cache = new Map();

const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url, `http://${req.headers.host ?? host}`);
    let path = normalize(decodeURIComponent(url.pathname));
    if (path.endsWith('/')) path += 'index.html';
    const file = join(root, path);
    if (!file.startsWith(root + sep) && file !== root) {
      res.writeHead(403).end();
      return;
    }
    const info = await stat(file).catch(() => null);
    if (!info || !info.isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const accepted = String(req.headers['accept-encoding'] ?? '');
    const encoding = /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : null;
    const key = `${file}|${info.mtimeMs}|${encoding}`;
    let body = cache.get(key);
    if (!body) {
      body = encoding ? await compressFile(file, encoding) : await readFile(file);
      cache.set(key, body);
    }
    const headers = {
      'content-type': type,
      'content-length': body.length,
      'cache-control': extname(file) === '.html' ? 'no-cache' : 'public, max-age=3600',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
      // Other sites may load only the widget's loader; everything else stays this origin's own.
      'cross-origin-resource-policy': path === '/embed.js' ? 'cross-origin' : 'same-origin',
      vary: 'accept-encoding',
    };
    if (encoding) headers['content-encoding'] = encoding;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch (error) {
    res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('Server error');
  }
});

server.listen(port, host, () => {
  console.log(`prescreen: serving ${root} at http://${host}:${port}/`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
