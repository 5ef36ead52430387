// The listening server under abuse: slowloris clients, oversized headers, bodies, and a crowd of
// readers. Each costs its own socket; normal readers and polling carry on.
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../src/cli/context.js';
import { startServer, type Listening } from '../../src/cli/serve.js';
import { pollPass } from '../../src/worker/poll-pass.js';
import { serveBody, startOrigin, type Origin } from '../helpers/origin.js';
import { fixture, removeTempDirs, tempDir, writeConfig } from '../helpers/temp.js';

let origin: Origin;
let app: App;
let server: Listening;
let port: number;

beforeAll(async () => {
  origin = await startOrigin({
    '/rss2.xml': serveBody(fixture('feeds/gangwon-ndsoft-rss2.xml')),
    '/atom.xml': serveBody(fixture('feeds/gangwon-atom.xml'), { 'content-type': 'application/atom+xml' }),
  });
  const config = writeConfig({
    'sources.yaml': `sources:\n  - { id: rss2, name: 강원뉴스, url: "${origin.at('/rss2.xml')}" }\n  - { id: atom, name: 아톰, url: "${origin.at('/atom.xml')}" }\n`,
  });
  app = openApp({ config, db: path.join(tempDir(), 'regionwire.db') });
  server = await startServer(app, { port: '0' }, pino({ level: 'silent' }));
  port = Number(new URL(server.url).port);
});

afterAll(async () => {
  await server?.close();
  app?.store.close();
  await origin?.close();
  removeTempDirs();
});

interface Answer {
  status: number;
  body: string;
}

// request sends one request with node:http, which (unlike fetch) lets a GET carry a body.
function request(method: string, headers: http.OutgoingHttpHeaders = {}, body?: Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: '/', method, headers, agent: false }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

// slowloris opens a socket that sends a request's headers one byte every 200 ms and never ends them.
function slowloris(): { socket: net.Socket; received: () => string; closed: Promise<void> } {
  const socket = net.connect(port, '127.0.0.1');
  let received = '';
  socket.on('data', (d: Buffer) => (received += d.toString()));
  socket.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
  const timer = setInterval(() => socket.write('a'), 200);
  socket.on('close', () => clearInterval(timer));
  return { socket, received: () => received, closed };
}

describe('server limits', () => {
  it('answers a header over 16 KiB with 431', async () => {
    expect((await request('GET', { 'x-big': 'a'.repeat(20 * 1024) })).status).toBe(431);
  });

  it('answers POST with 405 and a body over 4 KiB with 413, GET or not', async () => {
    expect((await request('POST')).status).toBe(405);
    const big = Buffer.alloc(64 * 1024, 'x');
    for (const method of ['GET', 'POST']) {
      const answer = await request(method, { 'content-length': big.length }, big).catch(() => ({ status: 0, body: 'socket closed' }));
      expect([413, 0]).toContain(answer.status);
    }
    expect((await request('GET', { 'transfer-encoding': 'chunked' }, Buffer.from('x'))).status).toBe(413);
    expect((await request('GET')).status).toBe(200);
  });

  it('answers 300 concurrent readers', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 300 }, (_, i) => fetch(`${server.url}${i % 2 ? '/sources' : '/healthz'}`).then(async (res) => {
        await res.arrayBuffer();
        return res.status;
      })),
    );
    expect(statuses.every((s) => s === 200)).toBe(true);
  });

  it('keeps serving and polling while 50 slowloris clients hold sockets, and drops them after the header timeout', async () => {
    const slow = Array.from({ length: 50 }, slowloris);
    await new Promise((resolve) => setTimeout(resolve, 1000));

    const started = Date.now();
    const answer = await request('GET');
    expect(answer.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(3000);

    const seenBefore = origin.requests.length;
    for (let pass = 0; pass < 2; pass += 1) {
      const outcomes = await pollPass(app.config.sources, app.ctx);
      expect(outcomes.map((o) => o.status)).not.toContain('failed');
    }
    expect(origin.requests.length - seenBefore).toBe(4);

    // headersTimeout is 10 s, checked every second: every slow client is answered 408 and cut.
    await Promise.all(slow.map((s) => s.closed));
    expect(Date.now() - started).toBeLessThan(20_000);
    for (const s of slow) expect(s.received()).toMatch(/^HTTP\/1\.1 408/);
  }, 30_000);
});
