import zlib from 'node:zlib';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failure } from './fetch-helpers.js';
import { createFeedAgent } from '../../../src/fetch/agent.js';
import { fetchFeed, type FetchFeedOptions } from '../../../src/fetch/fetch-feed.js';
import { endless, silent, trickle, type Stream } from '../../helpers/bodies.js';
import { serveBody, startOrigin, type Origin } from '../../helpers/origin.js';

const FEED = Buffer.from(
  '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>강원 소식</title>' +
    '<item><title>춘천 마라톤</title></item></channel></rss>',
);
const agent = createFeedAgent();
const opts: FetchFeedOptions = {
  userAgent: 'regionwire/0.1 (+https://github.com/regionwire/regionwire)',
  timeoutMs: 800,
  maxBodyBytes: 64 * 1024,
  maxRedirects: 5,
  dispatcher: agent,
};
const get = (url: string, validators: { etag?: string; lastModified?: string } = {}) =>
  fetchFeed({ url, etag: validators.etag ?? null, lastModified: validators.lastModified ?? null }, opts);


let origin: Origin;
beforeEach(async () => {
  origin = await startOrigin();
});
afterEach(() => origin.close());
afterAll(() => agent.destroy());

describe('fetchFeed over HTTP', () => {
  it('returns the body, content type and validators of a 200, sending our headers', async () => {
    origin.route('/rss', serveBody(FEED, { etag: '"v1"', 'last-modified': 'Mon, 02 Dec 2024 01:00:00 GMT' }));
    const result = await get(origin.at('/rss'));
    expect(result).toMatchObject({
      status: 'ok',
      httpStatus: 200,
      contentType: 'application/rss+xml; charset=utf-8',
      finalUrl: origin.at('/rss'),
      permanentRedirect: null,
      etag: '"v1"',
      lastModified: 'Mon, 02 Dec 2024 01:00:00 GMT',
    });
    expect(result.status === 'ok' && result.body.equals(FEED)).toBe(true);
    const sent = origin.requests[0]?.headers;
    expect(sent?.['user-agent']).toBe(opts.userAgent);
    expect(sent?.accept).toBe(
      'application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8',
    );
    expect(sent?.['accept-encoding']).toBe('gzip, deflate, br');
    expect(sent?.['if-none-match']).toBeUndefined();
  });

  it('sends the validators back and reports 304 as not-modified', async () => {
    const lastModified = 'Mon, 02 Dec 2024 01:00:00 GMT';
    origin.route('/rss', (req, res) => {
      if (req.headers['if-none-match'] === '"v1"' && req.headers['if-modified-since'] === lastModified) {
        res.writeHead(304).end();
        return;
      }
      serveBody(FEED, { etag: '"v1"', 'last-modified': lastModified })(req, res);
    });
    const first = await get(origin.at('/rss'));
    if (first.status !== 'ok') throw new Error(first.status);
    const second = await get(origin.at('/rss'), { etag: first.etag ?? '', lastModified: first.lastModified ?? '' });
    // The 304 carried no validators, so the ones we sent are kept for next time.
    expect(second).toEqual({
      status: 'not-modified',
      finalUrl: origin.at('/rss'),
      permanentRedirect: null,
      etag: '"v1"',
      lastModified,
    });
    expect(origin.requests[1]?.headers['if-none-match']).toBe('"v1"');
    expect(origin.requests[1]?.headers['if-modified-since']).toBe(lastModified);
  });

  it('takes new validators from a 304 that carries them', async () => {
    origin.route('/rss', (_req, res) => res.writeHead(304, { etag: '"v2"' }).end());
    expect(await get(origin.at('/rss'), { etag: '"v1"' })).toMatchObject({ status: 'not-modified', etag: '"v2"', lastModified: null });
  });

  it.each([
    ['gzip', zlib.gzipSync(FEED)],
    ['x-gzip', zlib.gzipSync(FEED)],
    ['deflate', zlib.deflateSync(FEED)],
    ['deflate', zlib.deflateRawSync(FEED)],
    ['br', zlib.brotliCompressSync(FEED)],
  ])('decompresses Content-Encoding %s', async (coding, bytes) => {
    origin.route('/rss', serveBody(bytes, { 'content-encoding': coding }));
    const result = await get(origin.at('/rss'));
    expect(result.status === 'ok' && result.body.toString()).toBe(FEED.toString());
  });

  it('accepts a truncated gzip body, as browsers do', async () => {
    const gzipped = zlib.gzipSync(Buffer.concat([FEED, Buffer.alloc(4096, 0x20)]));
    origin.route('/rss', serveBody(gzipped.subarray(0, gzipped.length - 12), { 'content-encoding': 'gzip' }));
    const result = await get(origin.at('/rss'));
    expect(result.status === 'ok' && result.body.subarray(0, FEED.length).equals(FEED)).toBe(true);
  });

  it('reports a corrupt compressed body', async () => {
    origin.route('/rss', serveBody(Buffer.from('<rss>not gzip at all</rss>'), { 'content-encoding': 'gzip' }));
    const error = failure(await get(origin.at('/rss')));
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(/^fetch: the compressed body from .* is corrupt/);
  });

  it('refuses a Content-Encoding it never offered', async () => {
    origin.route('/rss', serveBody(FEED, { 'content-encoding': 'zstd' }));
    expect(failure(await get(origin.at('/rss'))).message).toContain('Content-Encoding "zstd"');
  });
});

describe('fetchFeed limits', () => {
  it('times out on a server that never answers', async () => {
    origin.route('/rss', silent);
    const started = Date.now();
    const error = failure(await get(origin.at('/rss')));
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe(
      `fetch: no complete response from ${origin.at('/rss')} within 800 ms — the server is slow or not answering; raise timeoutMs in settings if it is always this slow`,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('times out on a body that trickles in one byte at a time', async () => {
    origin.route('/rss', trickle(50));
    const started = Date.now();
    expect(failure(await fetchFeed({ url: origin.at('/rss'), etag: null, lastModified: null }, { ...opts, timeoutMs: 400 })).kind).toBe(
      'timeout',
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('refuses a declared Content-Length over the cap without reading the body', async () => {
    origin.route('/rss', serveBody(Buffer.alloc(opts.maxBodyBytes + 1, 0x3c)));
    const error = failure(await get(origin.at('/rss')));
    expect(error.kind).toBe('too-large');
    expect(error.message).toMatch(/^fetch: the body from .* is larger than maxBodyBytes \(65536 bytes\); download stopped/);
  });

  it('stops downloading an endless plain body as soon as it passes the cap', async () => {
    const seen: Stream[] = [];
    // 16 KiB × 65,536 = 1 GiB if nobody stopped it.
    origin.route('/rss', endless(Buffer.alloc(16 * 1024, 0x3c), 65_536, {}, seen));
    expect(failure(await get(origin.at('/rss'))).kind).toBe('too-large');
    await seen[0]?.closed;
    expect(seen[0]?.cutOff).toBe(true);
    // The socket buffers a few MiB at most; the server never got near the gigabyte.
    expect(seen[0]?.written).toBeLessThan(32 * 1024 * 1024);
  });

  it('stops inflating a gzip bomb as soon as the decompressed size passes the cap', async () => {
    // Concatenated gzip members are one valid gzip stream: 10 MiB of zeros each, 10,000 times = 100 GiB.
    const member = zlib.gzipSync(Buffer.alloc(10 * 1024 * 1024));
    const seen: Stream[] = [];
    origin.route('/rss', endless(member, 10_000, { 'content-encoding': 'gzip' }, seen));
    const before = process.memoryUsage().rss;
    const error = failure(await get(origin.at('/rss')));
    expect(error.kind).toBe('too-large');
    await seen[0]?.closed;
    expect(seen[0]?.cutOff).toBe(true);
    expect(seen[0]?.written).toBeLessThan(member.length * 2_000);
    expect(process.memoryUsage().rss - before).toBeLessThan(256 * 1024 * 1024);
  });

  it('stops inflating a deflate bomb too (back-pressure through the raw/zlib switch)', async () => {
    const member = zlib.deflateRawSync(Buffer.alloc(64 * 1024 * 1024));
    const seen: Stream[] = [];
    origin.route('/rss', endless(member, 1, { 'content-encoding': 'deflate' }, seen));
    expect(failure(await get(origin.at('/rss'))).kind).toBe('too-large');
  });
});

describe('fetchFeed bodies that are not feeds', () => {
  it('fails an empty 200 as not-a-feed', async () => {
    origin.route('/rss', serveBody(''));
    const error = failure(await get(origin.at('/rss')));
    expect(error).toMatchObject({ kind: 'not-a-feed' });
    expect(error.message).toBe(`fetch: empty response from ${origin.at('/rss')} — there is no feed there; check the URL in sources.yaml`);
  });

  it('fails a body that does not start with "<" as not-a-feed', async () => {
    origin.route('/rss', serveBody('{"version":"https://jsonfeed.org/version/1.1"}', { 'content-type': 'application/json' }));
    const error = failure(await get(origin.at('/rss')));
    expect(error.kind).toBe('not-a-feed');
    expect(error.message).toContain('it starts "{"version"');
  });

  it('lets markup after a BOM and whitespace through (telling HTML apart is parse\'s job)', async () => {
    origin.route('/rss', serveBody(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('\r\n  <html></html>')])));
    expect((await get(origin.at('/rss'))).status).toBe('ok');
  });

  it('lets UTF-16 through, with or without a BOM', async () => {
    const utf16 = Buffer.from('<rss version="2.0"/>', 'utf16le');
    origin.route('/bom', serveBody(Buffer.concat([Buffer.from([0xff, 0xfe]), utf16])));
    origin.route('/bare', serveBody(utf16));
    expect((await get(origin.at('/bom'))).status).toBe('ok');
    expect((await get(origin.at('/bare'))).status).toBe('ok');
  });
});
