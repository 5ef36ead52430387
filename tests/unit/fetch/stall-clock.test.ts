// The fetch deadline leaves out time our own process was stalled, and still cuts off a slow origin.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failure } from './fetch-helpers.js';
import { createFeedAgent } from '../../../src/fetch/agent.js';
import { fetchFeed, type FetchFeedOptions } from '../../../src/fetch/fetch-feed.js';
import { stalledMs, startDeadline } from '../../../src/fetch/stall-clock.js';
import { serveBody, startOrigin, type Handler, type Origin } from '../../helpers/origin.js';

const FEED = '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>강원 소식</title></channel></rss>';
const TIMEOUT_MS = 400;
const agent = createFeedAgent();
const opts: FetchFeedOptions = { userAgent: 'regionwire-test', timeoutMs: TIMEOUT_MS, maxBodyBytes: 65_536, maxRedirects: 5, dispatcher: agent };
const get = (url: string) => fetchFeed({ url, etag: null, lastModified: null }, opts);

// block keeps the event loop busy, as a big synchronous parse or store write does.
function block(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // spin
  }
}

let origin: Origin;
beforeEach(async () => {
  origin = await startOrigin();
});
afterEach(() => origin.close());
afterAll(() => agent.destroy());

describe('stall clock', () => {
  it('counts the time the event loop was blocked', async () => {
    const deadline = startDeadline(60_000, () => undefined);
    const before = stalledMs();
    block(600);
    await sleep(150);
    deadline.clear();
    const stalled = stalledMs() - before;
    expect(stalled).toBeGreaterThan(400);
    expect(stalled).toBeLessThan(900);
  });

  it('does not count a quiet wait as a stall', async () => {
    const deadline = startDeadline(60_000, () => undefined);
    const before = stalledMs();
    await sleep(500);
    deadline.clear();
    expect(stalledMs() - before).toBeLessThan(300);
  });

  it('never calls onExpire after clear', async () => {
    let expired = false;
    startDeadline(50, () => (expired = true)).clear();
    await sleep(150);
    expect(expired).toBe(false);
  });
});

describe('fetchFeed beside a stalled event loop', () => {
  it('succeeds when the process stalls longer than the timeout right after the request starts', async () => {
    origin.route('/rss', serveBody(FEED));
    const pending = get(origin.at('/rss'));
    block(TIMEOUT_MS * 3);
    expect(await pending).toMatchObject({ status: 'ok', httpStatus: 200 });
  });

  it('succeeds when the process stalls longer than the timeout while the origin answers', async () => {
    // The origin shares our process: its handler stalls the loop, then answers at once.
    const stallThenAnswer: Handler = (req, res) => {
      block(TIMEOUT_MS * 3);
      serveBody(FEED)(req, res);
    };
    origin.route('/rss', stallThenAnswer);
    expect(await get(origin.at('/rss'))).toMatchObject({ status: 'ok', httpStatus: 200 });
  });

  it('succeeds when the process stalls twice, together for longer than the timeout', async () => {
    const stall = TIMEOUT_MS - 50;
    origin.route('/rss', (req, res) => {
      block(stall);
      serveBody(FEED)(req, res);
    });
    const pending = get(origin.at('/rss'));
    block(stall);
    expect(await pending).toMatchObject({ status: 'ok', httpStatus: 200 });
  });

  it('succeeds when the process stalls longer than the timeout after waiting a while for the answer', async () => {
    // The wait lets undici arm its own header timer (a backstop; it counts ~0.5 s ticks, so a
    // stall is one tick to it). The stall runs after the poll phase, so timers run before the
    // answer is read, as when a big poll is being parsed.
    origin.route('/rss', (req, res) => {
      setTimeout(() => {
        setImmediate(() => {
          block(2_000);
          serveBody(FEED)(req, res);
        });
      }, 700);
    });
    const result = await fetchFeed({ url: origin.at('/rss'), etag: null, lastModified: null }, { ...opts, timeoutMs: 1_500 });
    expect(result).toMatchObject({ status: 'ok', httpStatus: 200 });
  });

  it('still times out on an origin that is slow while we are not stalled, with the usual message', async () => {
    origin.route('/rss', (req, res) => void setTimeout(() => serveBody(FEED)(req, res), TIMEOUT_MS * 4));
    const error = failure(await get(origin.at('/rss')));
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe(
      `fetch: no complete response from ${origin.at('/rss')} within ${TIMEOUT_MS} ms — the server is slow or not answering; raise timeoutMs in settings if it is always this slow`,
    );
  });

  it('still times out on a silent origin after a stall: only the stall is left out', async () => {
    origin.route('/rss', () => undefined);
    const pending = get(origin.at('/rss'));
    block(TIMEOUT_MS * 2);
    expect(failure(await pending).kind).toBe('timeout');
  });
});
