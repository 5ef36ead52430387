import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { UNCHANGED_FLUSH_MS } from '../../../src/store/polls.js';
import { keyItems } from '../../../src/dedupe/item-key.js';
import { openStore } from '../../../src/store/open-store.js';
import { at, failed, notModified, parsed, source, tempDbPath, tempStore, updated } from './store-helpers.js';

const articles = [
  parsed({ guid: '1', url: 'https://www.kado.net/news/articleView.html?idxno=1', title: '춘천 소식', published: at(-60) }),
  parsed({ guid: '2', url: 'https://www.kado.net/news/articleView.html?idxno=2', title: '원주 소식', published: at(-30) }),
  parsed({ guid: '3', url: 'https://www.kado.net/news/articleView.html?idxno=3', title: '강릉 소식', published: null }),
];

function rawRow(store: ReturnType<typeof tempStore>, title: string) {
  return store.queryItems({ limit: 1000 }).find((i) => i.title === title);
}

describe('savePoll', () => {
  it('stores new items once; the same items again are unchanged', () => {
    const store = tempStore();
    store.syncSources([source('kado')]);
    expect(store.savePoll(updated('kado', articles, at(0)))).toEqual({ new: 3, updated: 0, unchanged: 0, skipped: 0 });
    expect(store.savePoll(updated('kado', articles, at(10)))).toEqual({ new: 0, updated: 0, unchanged: 3, skipped: 0 });
    expect(store.queryItems({})).toHaveLength(3);
    const log = store.pollLog('kado');
    expect(log.map((l) => l.counts)).toEqual([
      { new: 0, updated: 0, unchanged: 3, skipped: 0 },
      { new: 3, updated: 0, unchanged: 0, skipped: 0 },
    ]);
    expect(log[1]).toMatchObject({ status: 'updated', httpStatus: 200, encoding: 'utf-8', durationMs: 1500 });
  });

  it('stores a key listed twice in one poll once, the second listing as an edit of the first', () => {
    const store = tempStore();
    store.syncSources([source('kado')]);
    const [first] = keyItems([articles[0]!]);
    const [edited] = keyItems([{ ...articles[0]!, title: '춘천 소식 (수정)' }]);
    expect(store.savePoll(updated('kado', [first!, edited!, first!], at(0)))).toEqual({ new: 1, updated: 2, unchanged: 0, skipped: 0 });
    expect(store.queryItems({}).map((i) => i.title)).toEqual(['춘천 소식']);
    expect(store.queryItems({ search: '수정' })).toEqual([]);
  });

  it('dates an item without a published date by when it was first seen', () => {
    const store = tempStore();
    store.syncSources([source('kado')]);
    store.savePoll(updated('kado', articles, at(0)));
    store.savePoll(updated('kado', articles, at(10)));
    expect(rawRow(store, '강릉 소식')).toMatchObject({ published: at(0), fetched: at(0) });
    expect(rawRow(store, '춘천 소식')).toMatchObject({ published: at(-60), fetched: at(0) });
  });

  it('updates an edited item in place, keeping its id and first-seen time', () => {
    const file = tempDbPath();
    const store = tempStore(file);
    store.syncSources([source('kado')]);
    store.savePoll(updated('kado', articles, at(0)));
    const before = rawRow(store, '강릉 소식');
    const edited = articles.map((a) => (a.guid === '3' ? { ...a, title: '강릉 소식 (수정)', content: '<p>정정</p>' } : a));
    expect(store.savePoll(updated('kado', edited, at(10)))).toEqual({ new: 0, updated: 1, unchanged: 2, skipped: 0 });
    const after = rawRow(store, '강릉 소식 (수정)');
    expect(after).toMatchObject({ id: before?.id, fetched: at(0), published: at(0), content: '<p>정정</p>' });
    expect(store.queryItems({})).toHaveLength(3);
    const db = new Database(file, { readonly: true });
    const rows = db.prepare('SELECT id, fetched_at, changed_at FROM items ORDER BY id').all();
    db.close();
    expect(rows).toEqual([
      { id: 1, fetched_at: '2024-12-01T08:00:00.000Z', changed_at: null },
      { id: 2, fetched_at: '2024-12-01T08:00:00.000Z', changed_at: null },
      { id: 3, fetched_at: '2024-12-01T08:00:00.000Z', changed_at: '2024-12-01T08:10:00.000Z' },
    ]);
  });

  it('takes a real published date given later, else keeps the first', () => {
    const store = tempStore();
    store.syncSources([source('kado')]);
    const item = parsed({ url: 'https://kado.net/a/9', title: '처음', published: null });
    store.savePoll(updated('kado', [item], at(0)));
    store.savePoll(updated('kado', [{ ...item, title: '둘째' }], at(10)));
    expect(rawRow(store, '둘째')?.published).toEqual(at(0));
    store.savePoll(updated('kado', [{ ...item, title: '셋째', published: at(-120) }], at(20)));
    expect(rawRow(store, '셋째')?.published).toEqual(at(-120));
  });

  it('keeps one row for one article reached by http, https, tracking tags and m. across polls', () => {
    const store = tempStore();
    store.syncSources([source('kado')]);
    const a = parsed({ url: 'http://www.kado.net/news/articleView.html?idxno=77', title: '도민체전 개막', published: at(-5) });
    store.savePoll(updated('kado', [a], at(0)));
    const b = { ...a, url: 'https://m.kado.net/news/articleView.html?idxno=77&utm_source=rss&fbclid=zz#top' };
    expect(store.savePoll(updated('kado', [b], at(10)))).toEqual({ new: 0, updated: 0, unchanged: 1, skipped: 0 });
    const c = { ...a, url: 'http://kado.net/?mod=news&act=articleView&idxno=77&call_from=naver' };
    expect(store.savePoll(updated('kado', [c], at(20)))).toEqual({ new: 0, updated: 0, unchanged: 1, skipped: 0 });
    expect(store.queryItems({})).toHaveLength(1);
  });

  // Issue 12 §3: an empty <item></item> became an empty entry in every topic feed.
  it('skips an item with no title, link, text or guid, and counts it as skipped', () => {
    const store = tempStore();
    store.syncSources([source('kado')]);
    const empty = parsed({ author: '김기자', categories: ['경제'], published: at(-5) });
    const textOnly = parsed({ summary: '제목 없는 단신' });
    const guidOnly = parsed({ guid: 'urn:x:1' });
    expect(store.savePoll(updated('kado', [empty, textOnly, guidOnly], at(0)))).toEqual({ new: 2, updated: 0, unchanged: 0, skipped: 1 });
    expect(store.queryItems({}).map((i) => i.summary ?? i.guid).sort()).toEqual(['urn:x:1', '제목 없는 단신']);
    expect(store.pollLog('kado', 1)[0]?.counts).toEqual({ new: 2, updated: 0, unchanged: 0, skipped: 1 });
    expect(store.saveItems('kado', keyItems([empty]), at(10))).toEqual({ new: 0, updated: 0, unchanged: 0, skipped: 1 });
  });

  it('never deletes an item missing from a later poll', () => {
    const store = tempStore();
    store.syncSources([source('kado')]);
    store.savePoll(updated('kado', articles, at(0)));
    store.savePoll(updated('kado', [], at(10)));
    expect(store.queryItems({})).toHaveLength(3);
  });

  it('a failure keeps items and validators and counts up; a success resets', () => {
    const store = tempStore();
    store.syncSources([source('kado')]);
    store.savePoll(updated('kado', articles, at(0)));
    store.savePoll(failed('kado', { kind: 'http-status', message: 'fetch: 503 from kado.net', status: 503 }, at(10)));
    store.savePoll(failed('kado', { kind: 'timeout', message: 'fetch: no answer in 20s' }, at(20)));
    expect(store.sourceState('kado')).toMatchObject({
      etag: '"v1"',
      lastModified: 'Sun, 01 Dec 2024 08:00:00 GMT',
      consecutiveFailures: 2,
      lastError: { kind: 'timeout', message: 'fetch: no answer in 20s' },
      lastPollAt: at(20),
      lastSuccessAt: at(0),
      nextPollAt: new Date(at(20).getTime() + 1_200_000),
      itemCount: 3,
    });
    expect(store.pollLog('kado', 2).map((l) => [l.status, l.httpStatus, l.errorKind])).toEqual([
      ['failed', null, 'timeout'],
      ['failed', 503, 'http-status'],
    ]);

    store.savePoll(notModified('kado', at(30)));
    expect(store.sourceState('kado')).toMatchObject({
      etag: '"v1"',
      consecutiveFailures: 0,
      lastError: null,
      lastSuccessAt: at(30),
    });
    expect(store.pollLog('kado', 1)[0]).toMatchObject({ status: 'not-modified', httpStatus: 304 });
  });

  it('a 200 without validators clears the old ones; a 304 that sends one replaces it', () => {
    const store = tempStore();
    store.syncSources([source('kado')]);
    store.savePoll(notModified('kado', at(0), '"v2"'));
    expect(store.sourceState('kado')?.etag).toBe('"v2"');
    store.savePoll(updated('kado', articles, at(10), null));
    expect(store.sourceState('kado')?.etag).toBeNull();
  });

  it('stores a permanent redirect for the user to see', () => {
    const store = tempStore();
    store.syncSources([source('kado')]);
    store.savePoll({ ...updated('kado', articles, at(0)), permanentRedirect: 'https://www.kado.net/rss/allArticle.xml' });
    store.savePoll(failed('kado', { kind: 'dns', message: 'fetch: kado.net not found' }, at(10)));
    expect(store.sourceState('kado')?.permanentRedirect).toBe('https://www.kado.net/rss/allArticle.xml');
  });

  it('writes nothing when any part of the poll fails', () => {
    const store = tempStore();
    store.syncSources([source('kado')]);
    expect(() => store.savePoll(updated('nope', articles, at(0)))).toThrow(/unknown source "nope"/);
    const bad = keyItems(articles).map((k, i) => (i === 2 ? { ...k, contentHash: null as unknown as string } : k));
    expect(() => store.savePoll(updated('kado', bad, at(0)))).toThrow();
    expect(store.queryItems({})).toHaveLength(0);
    expect(store.pollLog()).toHaveLength(0);
    expect(store.sourceState('kado')?.lastPollAt).toBeNull();
  });

  describe('a 304 (queued and written with the others of its pass)', () => {
    const rows = (file: string) => {
      const db = new Database(file, { readonly: true });
      try {
        return db.prepare("SELECT source_id AS source, status FROM poll_log WHERE status = 'not-modified' ORDER BY id").all();
      } catch {
        return [];
      } finally {
        db.close();
      }
    };

    it('is on disk, for another connection, once the flush delay has passed', async () => {
      const file = tempDbPath();
      const store = tempStore(file);
      store.syncSources([source('kado'), source('gwnews')]);
      store.savePoll(notModified('kado', at(0), '"k2"'));
      store.savePoll(notModified('gwnews', at(1)));
      expect(rows(file)).toEqual([]);
      await new Promise((resolve) => setTimeout(resolve, UNCHANGED_FLUSH_MS * 3));
      expect(rows(file)).toEqual([
        { source: 'kado', status: 'not-modified' },
        { source: 'gwnews', status: 'not-modified' },
      ]);
      const db = new Database(file, { readonly: true });
      expect(db.prepare("SELECT etag FROM sources WHERE id = 'kado'").get()).toEqual({ etag: '"k2"' });
      db.close();
    });

    it('is seen by every read and written before any later save, in order', () => {
      const file = tempDbPath();
      const store = tempStore(file);
      store.syncSources([source('kado')]);
      store.savePoll(notModified('kado', at(0), '"k2"'));
      expect(store.sourceState('kado')).toMatchObject({ etag: '"k2"', lastSuccessAt: at(0) });
      store.savePoll(notModified('kado', at(10)));
      store.savePoll(failed('kado', { kind: 'timeout', message: 'fetch: no answer in 20s' }, at(20)));
      expect(rows(file)).toHaveLength(2);
      expect(store.pollLog('kado').map((l) => l.status)).toEqual(['failed', 'not-modified', 'not-modified']);
      expect(store.sourceState('kado')).toMatchObject({ etag: '"k2"', consecutiveFailures: 1, lastSuccessAt: at(10) });
    });

    it('is written when the store closes, and still throws at once for an unknown source', () => {
      const file = tempDbPath();
      const store = openStore(file);
      store.syncSources([source('kado')]);
      expect(() => store.savePoll(notModified('nope', at(0)))).toThrow(/unknown source "nope"/);
      store.savePoll(notModified('kado', at(0)));
      store.close();
      expect(rows(file)).toEqual([{ source: 'kado', status: 'not-modified' }]);
    });

    // The store waits out its 5 s busy timeout before the write fails.
    it('is kept when its write fails (another writer holds the database), with a warning, and written later', async () => {
      const file = tempDbPath();
      const store = tempStore(file);
      store.syncSources([source('kado')]);
      const other = new Database(file);
      const warnings: string[] = [];
      const onWarning = (w: Error) => warnings.push(w.message);
      process.on('warning', onWarning);
      try {
        other.prepare('BEGIN IMMEDIATE').run();
        store.savePoll(notModified('kado', at(0)));
        await new Promise((resolve) => setTimeout(resolve, UNCHANGED_FLUSH_MS * 2));
        expect(warnings.join('\n')).toMatch(/poll state of 1 source answering 304 is not written yet \(database is locked\); retrying/);
        other.prepare('COMMIT').run();
        await new Promise((resolve) => setTimeout(resolve, UNCHANGED_FLUSH_MS * 3));
        expect(rows(file)).toEqual([{ source: 'kado', status: 'not-modified' }]);
      } finally {
        process.off('warning', onWarning);
        other.close();
      }
    }, 20_000);
  });
});
