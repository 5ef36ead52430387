import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failure } from './fetch-helpers.js';
import { createFeedAgent } from '../../../src/fetch/agent.js';
import { fetchFeed, type FetchFeedOptions } from '../../../src/fetch/fetch-feed.js';
import { serveBody, startOrigin, type Handler, type Origin } from '../../helpers/origin.js';

const FEED = '<rss version="2.0"><channel><title>강원</title></channel></rss>';
const agent = createFeedAgent();
const opts: FetchFeedOptions = { userAgent: 'regionwire-test', timeoutMs: 800, maxBodyBytes: 65_536, maxRedirects: 5, dispatcher: agent };
const get = (url: string) => fetchFeed({ url, etag: '"e1"', lastModified: null }, opts);

const redirect =
  (status: number, location: string): Handler =>
  (_req, res) =>
    res.writeHead(status, { location }).end('moved');


let origin: Origin;
beforeEach(async () => {
  origin = await startOrigin({ '/feed': serveBody(FEED) });
});
afterEach(() => origin.close());
afterAll(() => agent.destroy());

describe('fetchFeed redirects', () => {
  it('follows a 302 to the feed: finalUrl moves, permanentRedirect stays null', async () => {
    origin.route('/old', redirect(302, '/feed'));
    expect(await get(origin.at('/old'))).toMatchObject({ status: 'ok', finalUrl: origin.at('/feed'), permanentRedirect: null });
    // The validators describe the feed, so they follow it to its new address.
    expect(origin.requests[1]?.headers['if-none-match']).toBe('"e1"');
  });

  it('sets permanentRedirect when every hop is 301 or 308', async () => {
    origin.route('/a', redirect(301, origin.at('/b')));
    origin.route('/b', redirect(308, 'feed'));
    expect(await get(origin.at('/a'))).toMatchObject({ status: 'ok', finalUrl: origin.at('/feed'), permanentRedirect: origin.at('/feed') });
  });

  it('leaves permanentRedirect null when one hop of the chain is temporary', async () => {
    origin.route('/a', redirect(301, '/b'));
    origin.route('/b', redirect(307, '/feed'));
    expect(await get(origin.at('/a'))).toMatchObject({ status: 'ok', finalUrl: origin.at('/feed'), permanentRedirect: null });
  });

  it('reports a permanent move even when the new address then fails', async () => {
    origin.route('/a', redirect(301, '/gone'));
    const result = await get(origin.at('/a'));
    expect(result).toMatchObject({ status: 'failed', permanentRedirect: origin.at('/gone') });
    expect(failure(result)).toMatchObject({ kind: 'http-status', status: 404 });
  });

  it(`follows exactly maxRedirects hops but fails on one more`, async () => {
    for (let i = 0; i < 6; i += 1) origin.route(`/r${i}`, redirect(302, `/r${i + 1}`));
    origin.route('/r6', serveBody(FEED));
    expect((await get(origin.at('/r1'))).status).toBe('ok');
    const error = failure(await get(origin.at('/r0')));
    expect(error.kind).toBe('redirect');
    expect(error.message).toBe(`fetch: more than 5 redirects starting at ${origin.at('/r0')} — put the feed's final URL in sources.yaml`);
  });

  it('detects a loop', async () => {
    origin.route('/a', redirect(302, '/b'));
    origin.route('/b', redirect(301, '/a'));
    const error = failure(await get(origin.at('/a')));
    expect(error.kind).toBe('redirect');
    expect(error.message).toMatch(/^fetch: redirect loop: .*\/b sends us back to .*\/a/);
    expect(origin.requests).toHaveLength(2);
  });

  it.each(['ftp://files.example.kr/rss.xml', 'javascript:alert(1)', 'file:///etc/passwd'])('refuses a redirect to %s', async (location) => {
    origin.route('/a', redirect(302, location));
    const error = failure(await get(origin.at('/a')));
    expect(error.kind).toBe('redirect');
    expect(error.message).toContain('feeds are http(s) only');
  });

  it('fails a redirect without a Location header', async () => {
    origin.route('/a', (_req, res) => res.writeHead(302).end());
    expect(failure(await get(origin.at('/a'))).kind).toBe('redirect');
  });
});
