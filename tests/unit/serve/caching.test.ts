// Validators, 304s, HEAD, and the render cache invalidated by the store's change token.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/store/open-store.js';
import { NOW, body, config, everything, item, save, serve, source, tempStore, type Served } from './serve-helpers.js';

let app: Served;
let store: Store;
let renders = 0;

beforeAll(async () => {
  const cfg = config();
  store = tempStore(cfg);
  save(store, 'kado', [item(1, 30), item(2, 20, { updated: new Date(NOW.getTime() - 3_600_000) })]);
  // Counting queryItems calls shows whether a response was rendered again or came from the cache.
  const counted: Store = { ...store, queryItems: (q) => (renders++, store.queryItems(q)) };
  app = await serve({ store: counted, getConfig: () => cfg, clock: () => NOW });
});

describe.each(['/topics/economy.rss', '/topics/economy.atom', '/topics/economy.json', '/topics/economy', '/'])('%s', (path) => {
  it('has a strong ETag, Last-Modified = newest item and a public max-age of a third of the shortest interval', async () => {
    const res = await app.get(path);
    expect(res.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(res.headers.get('last-modified')).toBe('Mon, 02 Dec 2024 23:00:00 GMT');
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
  });

  it('answers 304 without a body to a matching If-None-Match, also weak or in a list', async () => {
    const etag = (await app.get(path)).headers.get('etag') ?? '';
    for (const inm of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const res = await app.get(path, { headers: { 'if-none-match': inm } });
      expect(res.status).toBe(304);
      expect(res.headers.get('etag')).toBe(etag);
      expect(await res.text()).toBe('');
    }
    expect((await app.get(path, { headers: { 'if-none-match': '"other"' } })).status).toBe(200);
  });

  it('answers 304 to If-Modified-Since at or after Last-Modified, 200 before', async () => {
    expect((await app.get(path, { headers: { 'if-modified-since': 'Mon, 02 Dec 2024 23:00:00 GMT' } })).status).toBe(304);
    expect((await app.get(path, { headers: { 'if-modified-since': 'Mon, 02 Dec 2024 22:59:59 GMT' } })).status).toBe(200);
    // If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2).
    const res = await app.get(path, { headers: { 'if-none-match': '"other"', 'if-modified-since': 'Tue, 03 Dec 2024 00:00:00 GMT' } });
    expect(res.status).toBe(200);
  });

  it('answers HEAD with the GET headers and no body', async () => {
    const get = await app.get(path);
    const head = await app.get(path, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toBe(get.headers.get('etag'));
    expect(head.headers.get('content-length')).toBe(String((await get.arrayBuffer()).byteLength));
    expect(await head.text()).toBe('');
  });
});

describe('render cache', () => {
  it('does not query the store again while nothing changed, and does after a poll', async () => {
    const first = await app.get('/topics/economy.atom?limit=10');
    const before = renders;
    const again = await app.get('/topics/economy.atom?limit=10');
    expect(renders).toBe(before);
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'));

    save(store, 'kado', [item(3, 1, { title: '새 기사' })], new Date(NOW.getTime() + 60_000));
    const changed = await app.get('/topics/economy.atom?limit=10');
    expect(renders).toBeGreaterThan(before);
    expect(changed.headers.get('etag')).not.toBe(first.headers.get('etag'));
    expect(await changed.text()).toContain('새 기사');
  });

  // Headers are built once per rendering: a reloaded config must still bring its own max-age.
  it('follows a config reload with a new max-age, though no item changed', async () => {
    let live = config();
    const reloading = await serve({ store, getConfig: () => live, clock: () => NOW });
    expect((await reloading.get('/topics/economy.rss')).headers.get('cache-control')).toBe('public, max-age=300');
    live = { ...live, sources: [source('kado', 3 * 60_000)] };
    expect((await reloading.get('/topics/economy.rss')).headers.get('cache-control')).toBe('public, max-age=60');
  });

  it('keeps filters apart: different parameters, different entries', async () => {
    const a = await body(await app.get('/topics/economy.json?filter=%EC%83%88'));
    const b = await body(await app.get('/topics/economy.json?filterout=%EC%83%88'));
    expect(a.items.map((i: { title: string }) => i.title)).toEqual(['새 기사']);
    expect(b.items.map((i: { title: string }) => i.title)).not.toContain('새 기사');
  });
});

describe('sources page cache', () => {
  it('shows a failed poll at once, though no item changed', async () => {
    expect(await (await app.get('/sources')).text()).not.toContain('실패 1회');
    store.savePoll({
      source: 'kado', startedAt: NOW, finishedAt: new Date(NOW.getTime() + 120_000), nextPollAt: NOW, permanentRedirect: null,
      result: { status: 'failed', error: { kind: 'timeout', message: 'fetch: timed out' } },
    });
    expect(await (await app.get('/sources')).text()).toContain('실패 1회');
  });
});

// Issue 12 §3: /opml and a topic with no items answered with an ETag but no Last-Modified.
describe('responses that show no item', () => {
  let quiet: Served;
  const RENDERED = 'Tue, 03 Dec 2024 00:00:00 GMT';

  beforeAll(async () => {
    const cfg = config([everything(), everything('quiet')]);
    const quietStore = tempStore(cfg);
    save(quietStore, 'kado', [item(1, 30)]);
    quiet = await serve({ store: quietStore, getConfig: () => cfg, clock: () => NOW });
  });

  it.each(['/opml', '/topics/quiet.rss', '/topics/quiet.atom', '/topics/quiet.json', '/topics/quiet', '/api/items?topic=quiet', '/api/stories?topic=quiet'])(
    '%s carries ETag and Last-Modified (when it was rendered) and honours If-Modified-Since',
    async (path) => {
      const res = await quiet.get(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
      expect(res.headers.get('last-modified')).toBe(RENDERED);
      expect((await quiet.get(path, { headers: { 'if-modified-since': RENDERED } })).status).toBe(304);
      expect((await quiet.get(path, { headers: { 'if-modified-since': 'Mon, 02 Dec 2024 23:59:59 GMT' } })).status).toBe(200);
    },
  );
});
