// A tiny static server for the built app (dist/), on localhost only: `node serve.mjs [port]`
// (default 4173, or $PORT). Every path that is not a file serves index.html. No dependencies.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.ico': 'image/x-icon',
};

/** Serves `root` on 127.0.0.1:`port` (0: any free port); resolves with the server once listening. */
export function serve(root, port, host = '127.0.0.1') {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      let file = normalize(join(base, path));
      if (!file.startsWith(base)) {
        res.writeHead(403).end();
        return;
      }
      const info = await stat(file).catch(() => null);
      if (!info || info.isDirectory()) file = join(base, 'index.html');
      const body = await readFile(file);
      const hashed = file.includes(`${join(base, 'assets')}`);
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      });
      res.end(body);
    } catch {
      res.writeHead(500).end();
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok(server));
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? process.env.PORT ?? 4173);
  const host = process.env.HOST ?? '127.0.0.1';
  const root = join(fileURLToPath(new URL('.', import.meta.url)), 'dist');
  const server = await serve(root, port, host);
  const { port: bound } = server.address();
  console.log(`Poruka app: http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${bound}/ (serving ${root}; Ctrl-C stops it)`);
}
