// The farm's origin, run as a process of its own so its CPU is not the poller's: serves
// /f<i>.xml with an ETag and answers 304 to a matching If-None-Match. Prints its port, then serves
// until its parent closes stdin. An argument `wide` serves the farm of the wide vocabulary.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { FARM_FEEDS, farmFeed } from './bench-farm-data.js';

const vocabulary = process.argv[2] === 'wide' ? 'wide' : 'narrow';
const feeds = Array.from({ length: FARM_FEEDS }, (_, i) => farmFeed(i, vocabulary));
const server = http.createServer((req, res) => {
  const i = Number(/^\/f(\d+)\.xml$/.exec(req.url ?? '')?.[1] ?? NaN);
  const feed = feeds[i];
  if (feed === undefined) return void res.writeHead(404).end();
  const etag = `"farm-${vocabulary}-${i}"`;
  if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
  res.writeHead(200, { 'content-type': feed.contentType, etag, 'content-length': feed.body.length }).end(feed.body);
});
server.listen(0, '127.0.0.1', () => {
  const bytes = feeds.reduce((n, f) => n + f.body.length, 0);
  process.stdout.write(JSON.stringify({ port: (server.address() as AddressInfo).port, bytes }) + '\n');
});
process.stdin.on('end', () => server.close(() => process.exit(0)));
process.stdin.resume();
