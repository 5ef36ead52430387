import { describe, expect, it } from 'vitest';
import { at, failed, parsed, source, tempStore, updated } from './store-helpers.js';

describe('syncSources and source state', () => {
  it('updates config fields and keeps poll state', () => {
    const store = tempStore();
    store.syncSources([source('kado')], at(0));
    store.savePoll(updated('kado', [parsed({ url: 'https://kado.net/a/1', title: '기사' })], at(1)));
    store.syncSources([source('kado', { name: '강원도민일보', intervalMs: 60_000 })], at(2));
    expect(store.sourceState('kado')).toMatchObject({ etag: '"v1"', lastSuccessAt: at(1), itemCount: 1 });
    expect(store.stats(at(2)).sources).toBe(1);
  });

  it('keeps a source removed from the config, with its items, but stops polling it', () => {
    const store = tempStore();
    store.syncSources([source('kado'), source('kwnews')], at(0));
    store.savePoll(updated('kwnews', [parsed({ url: 'https://kwnews.co.kr/page/view/1', title: '강원일보 기사' })], at(1)));
    store.syncSources([source('kado')], at(2));
    expect(store.sourceState('kwnews')?.itemCount).toBe(1);
    expect(store.queryItems({ sources: ['kwnews'] }).map((i) => i.title)).toEqual(['강원일보 기사']);
    expect(store.dueSources(at(100))).toEqual(['kado']);
    expect(store.stats(at(2)).sources).toBe(1);
    // Back in the config, it is polled again.
    store.syncSources([source('kado'), source('kwnews')], at(3));
    expect(store.dueSources(at(100)).sort()).toEqual(['kado', 'kwnews']);
  });

  it('lists due sources: never polled, or next poll time reached; not disabled ones', () => {
    const store = tempStore();
    store.syncSources([source('a'), source('b'), source('c'), source('off', { enabled: false })], at(0));
    store.savePoll(updated('a', [], at(0))); // next poll at(10)
    store.savePoll(failed('b', { kind: 'timeout', message: 'slow' }, at(0))); // next poll at(20)
    expect(store.dueSources(at(5))).toEqual(['c']);
    expect(store.dueSources(at(10))).toEqual(['c', 'a']);
    expect(store.dueSources(at(20))).toEqual(['c', 'a', 'b']);
  });

  it('forgets validators and polls at once when the URL of a source changes', () => {
    const store = tempStore();
    store.syncSources([source('kado')], at(0));
    store.savePoll(updated('kado', [], at(0)));
    store.syncSources([source('kado', { url: 'https://www.kado.net/rss/allArticle.xml' })], at(1));
    expect(store.sourceState('kado')).toMatchObject({ etag: null, lastModified: null, nextPollAt: null });
  });

  it('returns null for an unknown source, and every state in id order', () => {
    const store = tempStore();
    store.syncSources([source('b'), source('a')], at(0));
    expect(store.sourceState('zzz')).toBeNull();
    expect(store.sourceStates().map((s) => [s.id, s.consecutiveFailures, s.lastPollAt])).toEqual([
      ['a', 0, null],
      ['b', 0, null],
    ]);
  });

  it('reports totals', () => {
    const store = tempStore();
    store.syncSources([source('a'), source('b')], at(0));
    store.savePoll(updated('a', [parsed({ url: 'https://a.kr/1', title: '1' }), parsed({ url: 'https://a.kr/2', title: '2' })], at(0)));
    store.savePoll(failed('b', { kind: 'dns', message: 'no such host' }, at(-25 * 60)));
    store.savePoll(failed('b', { kind: 'dns', message: 'no such host' }, at(1)));
    expect(store.stats(at(2))).toMatchObject({
      items: 2,
      sources: 2,
      polls: 3,
      failuresLast24h: 1,
      itemsPerSource: [
        { source: 'a', items: 2 },
        { source: 'b', items: 0 },
      ],
      lastPollAt: at(1),
    });
    expect(store.stats(at(2)).databaseBytes).toBeGreaterThan(0);
    expect(store.pollLog(undefined, 10).map((l) => l.source)).toEqual(['b', 'a', 'b']);
  });
});
