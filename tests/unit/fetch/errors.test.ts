import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failure } from './fetch-helpers.js';
import { createFeedAgent } from '../../../src/fetch/agent.js';
import { fetchFeed, type FetchFeedOptions } from '../../../src/fetch/fetch-feed.js';
import { serveBody, startOrigin, type Origin } from '../../helpers/origin.js';

const agent = createFeedAgent();
const opts: FetchFeedOptions = { userAgent: 'regionwire-test', timeoutMs: 800, maxBodyBytes: 65_536, maxRedirects: 5, dispatcher: agent };
const get = (url: string) => fetchFeed({ url, etag: null, lastModified: null }, opts);


let origin: Origin;
beforeEach(async () => {
  origin = await startOrigin();
});
afterEach(() => origin.close());
afterAll(() => agent.destroy());

describe('fetchFeed HTTP status errors', () => {
  it('reads Retry-After seconds on a 429', async () => {
    origin.route('/rss', serveBody('slow down', { 'retry-after': '120' }, 429));
    const before = Date.now();
    const error = failure(await get(origin.at('/rss')));
    expect(error).toMatchObject({ kind: 'http-status', status: 429 });
    const at = error.retryAfter?.getTime() ?? 0;
    expect(at).toBeGreaterThanOrEqual(before + 120_000);
    expect(at).toBeLessThanOrEqual(Date.now() + 120_000);
    expect(error.message).toMatch(/^fetch: HTTP 429 Too Many Requests from .* — the server is rate-limiting us; the next try waits until 20/);
  });

  it('reads a Retry-After HTTP-date on a 503', async () => {
    const when = new Date(Date.now() + 3_600_000);
    when.setMilliseconds(0);
    origin.route('/rss', serveBody('maintenance', { 'retry-after': when.toUTCString() }, 503));
    const error = failure(await get(origin.at('/rss')));
    expect(error).toMatchObject({ kind: 'http-status', status: 503, retryAfter: when });
  });

  it('leaves retryAfter null when a 429 has no usable Retry-After', async () => {
    origin.route('/rss', serveBody('slow down', { 'retry-after': 'soon' }, 429));
    expect(failure(await get(origin.at('/rss')))).toMatchObject({ retryAfter: null });
  });

  it('reports a 500', async () => {
    origin.route('/rss', serveBody('boom', {}, 500));
    const error = failure(await get(origin.at('/rss')));
    expect(error).toMatchObject({ kind: 'http-status', status: 500 });
    expect(error.message).toBe(`fetch: HTTP 500 Internal Server Error from ${origin.at('/rss')} — the server failed on its side; will retry later`);
  });

  it('explains a 404', async () => {
    const error = failure(await get(origin.at('/missing')));
    expect(error.message).toBe(
      `fetch: HTTP 404 Not Found from ${origin.at('/missing')} — the feed moved or was removed; check the URL in sources.yaml`,
    );
  });
});

describe('fetchFeed network errors', () => {
  it('classifies a closed port as refused', async () => {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const error = failure(await get(`http://127.0.0.1:${port}/rss`));
    expect(error.kind).toBe('refused');
    expect(error.message).toBe(
      `fetch: connection refused by 127.0.0.1:${port} (ECONNREFUSED) — the server is down or the port is wrong; will retry later`,
    );
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('classifies an unresolvable host as dns, quickly (.invalid never resolves, RFC 6761)', async () => {
    const started = Date.now();
    const error = failure(await get('http://feed.regionwire.invalid/rss'));
    expect(error.kind).toBe('dns');
    expect(error.message).toMatch(/^fetch: cannot resolve host feed\.regionwire\.invalid \((ENOTFOUND|EAI_AGAIN)\) — check the host name/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('classifies a connection reset mid-response as network', async () => {
    origin.route('/rss', (req) => req.socket.destroy());
    const error = failure(await get(origin.at('/rss')));
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(/^fetch: connection to 127\.0\.0\.1:\d+ failed \(/);
  });

  it('sends a GET again on a new connection when the server drops a kept-alive one before answering', async () => {
    // The second request on any connection finds it closed, as when the server's idle timeout
    // fired while a long parse of ours kept the close from being read.
    const served = new Map<object, number>();
    const ports: number[] = [];
    origin.route('/rss', (req, res) => {
      const count = (served.get(req.socket) ?? 0) + 1;
      served.set(req.socket, count);
      ports.push(req.socket.remotePort ?? 0);
      if (count > 1) return void req.socket.destroy();
      serveBody('<rss version="2.0"><channel><title>t</title></channel></rss>', { 'content-type': 'application/rss+xml' })(req, res);
    });
    expect((await get(origin.at('/rss'))).status).toBe('ok');
    // The connection goes back to the agent's pool once undici has seen the response end.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await get(origin.at('/rss'))).status).toBe('ok');
    expect(ports).toHaveLength(3);
    expect(ports[1]).toBe(ports[0]);
    expect(ports[2]).not.toBe(ports[1]);
  });

  it('gives up after three more tries when every connection is dropped, and never sends a POST twice', async () => {
    origin.route('/rss', (req) => req.socket.destroy());
    expect(failure(await get(origin.at('/rss'))).kind).toBe('network');
    expect(origin.requests.filter((r) => r.method === 'GET')).toHaveLength(4);
    const posted = await fetchFeed({ url: origin.at('/rss'), etag: null, lastModified: null, method: 'POST', form: { page: '1' } }, opts);
    expect(failure(posted).kind).toBe('network');
    expect(origin.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('classifies a self-signed certificate as tls', async () => {
    const tls = (name: string) => readFileSync(new URL(`../../fixtures/tls/${name}`, import.meta.url));
    const server = https.createServer({ key: tls('self-signed.key'), cert: tls('self-signed.crt') }, (_req, res) => res.end('<rss/>'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const error = failure(await get(`https://127.0.0.1:${port}/rss`));
      expect(error.kind).toBe('tls');
      // DEPTH_ZERO_SELF_SIGNED_CERT, or CERT_NOT_YET_VALID on a machine whose clock is behind the fixture's.
      expect(error.message).toMatch(
        /^fetch: (127\.0\.0\.1:\d+ presents a self-signed certificate \(DEPTH_ZERO_SELF_SIGNED_CERT\)|the certificate of 127\.0\.0\.1:\d+ is not valid yet)/,
      );
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('classifies a TLS handshake failure as tls', async () => {
    // A plain-HTTP server on an https:// URL: the handshake gets an HTTP answer, which OpenSSL rejects.
    const error = failure(await get(origin.at('/rss').replace('http:', 'https:')));
    expect(error.kind).toBe('tls');
    expect(error.message).toMatch(/^fetch: the TLS handshake with 127\.0\.0\.1:\d+ failed \(\w+: .+\) — the server may not speak HTTPS on this port \(try http:\/\/ in the url\)/);
  });
});
