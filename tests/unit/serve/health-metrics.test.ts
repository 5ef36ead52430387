// /healthz and /metrics, down to the database being closed under the server.
import { beforeAll, describe, expect, it } from 'vitest';
import { createMetrics } from '../../../src/serve/metrics.js';
import type { Store } from '../../../src/store/open-store.js';
import { NOW, body, config, item, save, serve, tempStore, type Served } from './serve-helpers.js';

let app: Served;
let store: Store;
const metrics = createMetrics();

beforeAll(async () => {
  const cfg = config();
  store = tempStore(cfg);
  save(store, 'kado', [item(1, 3), item(2, 2)]);
  store.savePoll({
    source: 'kwnews', startedAt: NOW, finishedAt: NOW, nextPollAt: NOW, permanentRedirect: null,
    result: { status: 'failed', error: { kind: 'dns', message: 'fetch: cannot resolve host' } },
  });
  metrics.recordPoll({ status: 'failed', source: 'kwnews', error: { kind: 'dns', message: 'x' }, warning: null, permanentRedirect: null, durationMs: 5 });
  metrics.recordPoll({ status: 'not-modified', source: 'kado', warning: null, permanentRedirect: null, durationMs: 5 });
  app = await serve({ store, getConfig: () => cfg, clock: () => NOW, metrics });
});

describe('/metrics', () => {
  it('exposes polls, items, per-source gauges and HTTP counts in the Prometheus text format', async () => {
    await app.get('/topics/economy.rss');
    await app.get('/nope');
    const res = await app.get('/metrics');
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = await res.text();
    expect(text).toContain('# TYPE regionwire_polls_total counter');
    expect(text).toContain('regionwire_polls_total{source="kwnews",status="failed"} 1');
    expect(text).toContain('regionwire_polls_failed_total{source="kwnews",kind="dns"} 1');
    expect(text).toContain('\nregionwire_items_total 2\n');
    expect(text).toContain(`regionwire_source_last_success_timestamp_seconds{source="kado"} ${NOW.getTime() / 1000}`);
    expect(text).toContain('regionwire_source_consecutive_failures{source="kwnews"} 1');
    expect(text).toContain('regionwire_http_requests_total{route="/topics/:id.rss",status="200"} 1');
    expect(text).toContain('regionwire_http_requests_total{route="unknown",status="404"} 1');
    expect(text).toMatch(/regionwire_http_request_duration_seconds_bucket\{route="\/topics\/:id.rss",le="\+Inf"\} 1\n/);
    expect(text).toContain('# TYPE regionwire_http_request_duration_seconds histogram');
    // Every sample line is `name{labels} number`.
    for (const line of text.trim().split('\n').filter((l) => !l.startsWith('#'))) expect(line).toMatch(/^[a-z_]+(\{[^}]*\})? [0-9.e+-]+$/);
  });
});

describe('/healthz', () => {
  it('is 200 with the last poll and the failing sources', async () => {
    const res = await app.get('/healthz');
    expect(res.status).toBe(200);
    expect(await body(res)).toEqual({
      status: 'ok', database: 'ok', items: 2, last_poll: NOW.toISOString(),
      failing_sources: [{ id: 'kwnews', consecutive_failures: 1, error: { kind: 'dns', message: 'fetch: cannot resolve host' } }],
    });
  });

  it('is 503 once the database is unusable, and other routes answer 500 JSON', async () => {
    store.close();
    const res = await app.get('/healthz');
    expect(res.status).toBe(503);
    expect(await body(res)).toMatchObject({ status: 'error', database: expect.stringMatching(/^store: /) });
    const feed = await app.get('/topics/economy.rss');
    expect(feed.status).toBe(500);
    expect(await body(feed)).toEqual({ error: 'internal error; see the server log' });
  });
});
