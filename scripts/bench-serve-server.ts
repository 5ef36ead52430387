// Child process of `npm run bench`: serves one database through regionwire's app and, beside it,
// the same feed bytes from a bare node:http server, so the load client measures both alike.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { openApp } from '../src/cli/context.js';
import { createApp } from '../src/serve/app.js';

const [configDir, db, feedPath] = process.argv.slice(2) as [string, string, string];
const app = openApp({ config: configDir, db });
const handler = createApp({ store: app.store, getConfig: () => app.config });

async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const regionwire = await listen(http.createServer(handler));
const first = await fetch(regionwire + feedPath);
const body = Buffer.from(await first.arrayBuffer());
const etag = first.headers.get('etag') ?? '"bare"';
const type = first.headers.get('content-type') ?? 'application/rss+xml';
const bare = await listen(
  http.createServer((req, res) => {
    if (req.headers['if-none-match'] === etag) res.writeHead(304, { etag }).end();
    else res.writeHead(200, { 'content-type': type, etag }).end(body);
  }),
);
process.stdout.write(JSON.stringify({ regionwire, bare, etag, bytes: body.length }) + '\n');
