import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { keyItems } from '../../../src/dedupe/item-key.js';
import { at, parsed, source, tempDbPath, tempStore, updated } from './store-helpers.js';

const DAY = 24 * 60;

// A feed of five items, one a day, the newest published at T0; each title says 경제 for search.
const FEED = [0, 1, 2, 3, 4].map((age) =>
  parsed({ url: `https://kado.net/${age}`, title: `지역경제 소식 ${age}일 전`, published: at(-age * DAY) }),
);

function titles(store: ReturnType<typeof tempStore>, src?: string): string[] {
  return store.queryItems(src === undefined ? {} : { sources: [src] }).map((i) => i.title ?? '');
}

function polledStore(file = tempDbPath()) {
  const store = tempStore(file);
  store.syncSources([source('kado'), source('yna')]);
  store.savePoll(updated('kado', FEED, at(0)));
  store.savePoll(updated('yna', FEED, at(0)));
  return store;
}

describe('pruneItems', () => {
  it('prunes nothing when no retention is configured', () => {
    const store = polledStore();
    expect(store.pruneItems({ days: null, itemsPerSource: null }, at(400 * DAY))).toEqual({ pruned: 0 });
    expect(store.queryItems({ limit: 100 })).toHaveLength(10);
  });

  it('keeps the newest items_per_source of each source', () => {
    const store = polledStore();
    expect(store.pruneItems({ days: null, itemsPerSource: 2 }, at(10))).toEqual({ pruned: 6 });
    expect(titles(store, 'kado')).toEqual(['지역경제 소식 0일 전', '지역경제 소식 1일 전']);
    expect(titles(store, 'yna')).toEqual(['지역경제 소식 0일 전', '지역경제 소식 1일 전']);
  });

  it('prunes items published more than `days` ago', () => {
    const store = polledStore();
    expect(store.pruneItems({ days: 2, itemsPerSource: null }, at(10))).toEqual({ pruned: 6 });
    expect(titles(store, 'kado')).toEqual(['지역경제 소식 0일 전', '지역경제 소식 1일 전']);
    expect(store.pruneItems({ days: 2, itemsPerSource: null }, at(10))).toEqual({ pruned: 0 });
  });

  it('applies both limits together', () => {
    const store = polledStore();
    expect(store.pruneItems({ days: 3, itemsPerSource: 1 }, at(10))).toEqual({ pruned: 8 });
    expect(titles(store)).toEqual(['지역경제 소식 0일 전', '지역경제 소식 0일 전']);
  });

  it('does not store a pruned item again when the feed still lists it, and counts it unchanged', () => {
    const store = polledStore();
    store.pruneItems({ days: null, itemsPerSource: 2 }, at(10));
    const newer = parsed({ url: 'https://kado.net/new', title: '새 소식', published: at(20) });
    expect(store.savePoll(updated('kado', [newer, ...FEED], at(30)))).toEqual({ new: 1, updated: 0, unchanged: 5, skipped: 0 });
    expect(titles(store, 'kado')).toEqual(['새 소식', '지역경제 소식 0일 전', '지역경제 소식 1일 전']);
    expect(store.pollLog('kado', 1)[0]?.counts).toEqual({ new: 1, updated: 0, unchanged: 5, skipped: 0 });
  });

  it('removes pruned items from search and from their topics', () => {
    const file = tempDbPath();
    const store = tempStore(file);
    store.syncSources([source('kado')]);
    const classified = keyItems(FEED).map((item) => ({ ...item, topics: [{ topic: 'economy', reason: 'any: 경제 (title)' }] }));
    store.savePoll(updated('kado', classified, at(0)));
    expect(store.queryItems({ search: '경제' })).toHaveLength(5);
    store.pruneItems({ days: null, itemsPerSource: 1 }, at(10));
    expect(store.queryItems({ search: '경제' }).map((i) => i.title)).toEqual(['지역경제 소식 0일 전']);
    expect(store.queryItems({ search: '4일' })).toEqual([]);
    expect(store.queryItems({ topic: 'economy' })).toHaveLength(1);
    expect(store.topicStats()).toMatchObject([{ topic: 'economy', items: 1 }]);
    const raw = new Database(file, { readonly: true });
    expect(raw.prepare('SELECT count(*) AS n FROM item_topics').get()).toEqual({ n: 1 });
    expect(raw.prepare('SELECT count(*) AS n FROM tombstones').get()).toEqual({ n: 4 });
    raw.close();
  });

  it('forgets tombstones after twice `days`, so an item listed that long can return', () => {
    const store = polledStore();
    store.pruneItems({ days: 2, itemsPerSource: null }, at(10));
    expect(store.savePoll(updated('kado', FEED, at(20)))).toMatchObject({ new: 0 });
    store.pruneItems({ days: 2, itemsPerSource: null }, at(4 * DAY + 11));
    // The items pruned at the first prune return; the two pruned just now (now too old) do not.
    expect(store.savePoll(updated('kado', FEED, at(4 * DAY + 20)))).toEqual({ new: 3, updated: 0, unchanged: 2, skipped: 0 });
  });
});
