import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { createFeedAgent } from '../../../src/fetch/agent.js';
import { fetchFeed } from '../../../src/fetch/fetch-feed.js';
import { createLimiter } from '../../../src/fetch/limiter.js';
import { startOrigin, type Handler } from '../../helpers/origin.js';

const agent = createFeedAgent();
afterAll(() => agent.destroy());

// Counts requests in flight at this origin and overall, answering each after a short pause.
function counting(totals: { now: number; max: number }): { handler: Handler; max: () => number } {
  let now = 0;
  let max = 0;
  const handler: Handler = (_req, res) => {
    now += 1;
    totals.now += 1;
    max = Math.max(max, now);
    totals.max = Math.max(totals.max, totals.now);
    setTimeout(() => {
      now -= 1;
      totals.now -= 1;
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<rss/>');
    }, 40);
  };
  return { handler, max: () => max };
}

describe('createLimiter', () => {
  it('never runs more than perHost per host nor concurrency overall, measured at the servers', async () => {
    const totals = { now: 0, max: 0 };
    const counters = [counting(totals), counting(totals), counting(totals)];
    const origins = await Promise.all(counters.map((c) => startOrigin({ '/rss': c.handler })));
    try {
      const limiter = createLimiter({ concurrency: 4, perHost: 2 });
      const opts = { userAgent: 'regionwire-test', timeoutMs: 5_000, maxBodyBytes: 1024, maxRedirects: 5, dispatcher: agent };
      const jobs = origins.flatMap((origin) =>
        Array.from({ length: 6 }, () =>
          limiter.run(origin.at('/rss'), () => fetchFeed({ url: origin.at('/rss'), etag: null, lastModified: null }, opts)),
        ),
      );
      const results = await Promise.all(jobs);
      expect(results.every((result) => result.status === 'ok')).toBe(true);
      for (const counter of counters) expect(counter.max()).toBeLessThanOrEqual(2);
      expect(totals.max).toBeLessThanOrEqual(4);
      // And the limits are not so tight that nothing runs in parallel.
      expect(totals.max).toBeGreaterThan(2);
      expect(origins.map((origin) => origin.requests.length)).toEqual([6, 6, 6]);
    } finally {
      await Promise.all(origins.map((origin) => origin.close()));
    }
  });

  it('keys hosts by host and port, and lets a busy host not block an idle one', async () => {
    const limiter = createLimiter({ concurrency: 2, perHost: 1 });
    const order: string[] = [];
    const task = (name: string, ms: number) => async () => {
      await sleep(ms);
      order.push(name);
      return name;
    };
    const results = await Promise.all([
      limiter.run('https://news.example.kr/a', task('busy-1', 60)),
      limiter.run('https://NEWS.example.kr/b', task('busy-2', 1)),
      limiter.run('https://other.example.kr/rss', task('idle', 1)),
    ]);
    expect(results).toEqual(['busy-1', 'busy-2', 'idle']);
    // busy-2 waits for busy-1 (same host); idle takes the free overall slot at once.
    expect(order).toEqual(['idle', 'busy-1', 'busy-2']);
  });

  it('passes a failing task\'s rejection through and frees its slot', async () => {
    const limiter = createLimiter({ concurrency: 1, perHost: 1 });
    await expect(limiter.run('/srv/feeds/a.xml', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.run('/srv/feeds/b.xml', () => Promise.resolve('next'))).resolves.toBe('next');
  });
});
