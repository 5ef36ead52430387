import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { keyItems } from '../../../src/dedupe/item-key.js';
import type { ClassifiedItem, ParsedItem, TopicMatchResult } from '../../../src/model.js';
import { openStore } from '../../../src/store/open-store.js';
import { at, notModified, parsed, source, tempDbPath, tempStore, updated } from './store-helpers.js';

// classified keys items and gives each the topics `topicsOf` picks from its title.
function classified(items: readonly ParsedItem[], topicsOf: (title: string) => TopicMatchResult[]): ClassifiedItem[] {
  return keyItems(items).map((item) => ({ ...item, topics: topicsOf(item.title ?? '') }));
}

// byKeyword puts a title in topic `economy` when it says 기업 and in `fire` when it says 산불.
const byKeyword = (title: string): TopicMatchResult[] => [
  ...(title.includes('기업') ? [{ topic: 'economy', reason: 'any: 기업 (title)' }] : []),
  ...(title.includes('산불') ? [{ topic: 'fire', reason: 'any: 산불 (title)' }] : []),
];

const ITEMS = [
  parsed({ url: 'https://kado.net/1', title: '중소기업 간담회', published: at(1) }),
  parsed({ url: 'https://kado.net/2', title: '동해안 산불', published: at(2) }),
  parsed({ url: 'https://kado.net/3', title: '기업 산불 피해 지원', published: at(3) }),
  parsed({ url: 'https://kado.net/4', title: '단오제 개막', published: at(4) }),
];

function filled() {
  const store = tempStore();
  store.syncSources([source('kado')]);
  store.savePoll(updated('kado', classified(ITEMS, byKeyword), at(10)));
  return store;
}

describe('item topics in the store', () => {
  it('migrates a version-1 database to 2, keeping its items, which then have no topics', () => {
    const file = tempDbPath();
    const v1 = openStore(file);
    v1.syncSources([source('kado')]);
    v1.savePoll(updated('kado', ITEMS, at(10)));
    v1.close();
    // Take the file back to what version 1 left: no migration-2 or later objects, user_version 1.
    const raw = new Database(file);
    raw.exec('DROP TABLE attachments; DROP TABLE item_details; ALTER TABLE poll_log DROP COLUMN skipped_count; ALTER TABLE sources DROP COLUMN gone_at; DROP TRIGGER items_leave_story; DROP TABLE stories; DROP INDEX items_by_story; ALTER TABLE items DROP COLUMN story_id;');
    raw.exec('DROP TABLE tombstones; DROP TABLE item_topics; DROP TABLE meta; DROP TRIGGER items_deleted;');
    raw.pragma('user_version = 1');
    raw.close();

    const store = tempStore(file);
    expect(store.queryItems({}).map((i) => [i.title, i.topics])).toEqual([
      ['단오제 개막', []],
      ['기업 산불 피해 지원', []],
      ['동해안 산불', []],
      ['중소기업 간담회', []],
    ]);
    expect(store.topicStats()).toEqual([]);
    expect(store.lastChange()).toMatch(/^[0-9a-f]{16}-0$/);
  });

  it('saves topics with new items and lists one topic newest first, each item with its topic ids', () => {
    const store = filled();
    expect(store.queryItems({ topic: 'fire' }).map((i) => [i.title, i.topics])).toEqual([
      ['기업 산불 피해 지원', ['economy', 'fire']],
      ['동해안 산불', ['fire']],
    ]);
    expect(store.queryItems({ topic: 'economy', limit: 1 }).map((i) => i.title)).toEqual(['기업 산불 피해 지원']);
    expect(store.queryItems({ topic: 'economy', search: '간담회' }).map((i) => i.title)).toEqual(['중소기업 간담회']);
    expect(store.queryItems({ topic: 'nothing' })).toEqual([]);
  });

  it('gives items and the newest publication time per topic', () => {
    expect(filled().topicStats()).toEqual([
      { topic: 'economy', items: 2, newest: at(3) },
      { topic: 'fire', items: 2, newest: at(3) },
    ]);
  });

  it('re-classifies an item edited at the source, and leaves an unchanged one alone', () => {
    const store = filled();
    const edited = [
      parsed({ url: 'https://kado.net/1', title: '중소기업 간담회', published: at(1) }),
      parsed({ url: 'https://kado.net/2', title: '동해안 산불 진화 완료… 기업 피해 집계', published: at(2) }),
    ];
    // The classifier now puts everything in `other`: only the edited item takes it.
    store.savePoll(updated('kado', classified(edited, () => [{ topic: 'other', reason: 'tag: newspaper' }]), at(20)));
    expect(store.queryItems({ sources: ['kado'] }).filter((i) => i.published <= at(2)).map((i) => [i.title, i.topics])).toEqual([
      ['동해안 산불 진화 완료… 기업 피해 집계', ['other']],
      ['중소기업 간담회', ['economy']],
    ]);
  });

  it('keeps the topics of an edited item saved without any (a worker with no topics configured)', () => {
    const store = filled();
    store.savePoll(updated('kado', [parsed({ url: 'https://kado.net/2', title: '동해안 산불 재발화', published: at(2) })], at(20)));
    expect(store.queryItems({ topic: 'fire' }).map((i) => i.title)).toEqual(['기업 산불 피해 지원', '동해안 산불 재발화']);
  });

  it('reclassifyAll re-computes every item in batches, reporting progress and what changed', () => {
    const store = filled();
    const progress: [number, number][] = [];
    const onlyFire = (item: { title: string | null }) => byKeyword(item.title ?? '').filter((t) => t.topic === 'fire');
    expect(store.reclassifyAll(onlyFire, (done, total) => progress.push([done, total]))).toEqual({ items: 4, changed: 2 });
    expect(progress).toEqual([[0, 4], [4, 4]]);
    expect(store.topicStats().map((s) => [s.topic, s.items])).toEqual([['fire', 2]]);
    expect(store.reclassifyAll(onlyFire)).toEqual({ items: 4, changed: 0 });
  });

  it('passes each item’s text and source id to the classifier', () => {
    const store = filled();
    const seen: string[] = [];
    store.reclassifyAll((item, sourceId) => {
      seen.push(`${sourceId}:${item.title}:${item.categories.length}`);
      return [];
    });
    expect(seen).toEqual(['kado:중소기업 간담회:0', 'kado:동해안 산불:0', 'kado:기업 산불 피해 지원:0', 'kado:단오제 개막:0']);
  });

  it('lastChange moves with items and topics, not with polls that change nothing, and differs per file', () => {
    const store = filled();
    const first = store.lastChange();
    store.savePoll(notModified('kado', at(20)));
    store.savePoll(updated('kado', classified(ITEMS, byKeyword), at(30)));
    expect(store.lastChange()).toBe(first);
    store.reclassifyAll((item) => byKeyword(item.title ?? ''));
    expect(store.lastChange()).toBe(first);
    store.reclassifyAll(() => []);
    const cleared = store.lastChange();
    expect(cleared).not.toBe(first);
    store.savePoll(updated('kado', classified([parsed({ url: 'https://kado.net/5', title: '새 기사' })], byKeyword), at(40)));
    expect(store.lastChange()).not.toBe(cleared);
    expect(filled().lastChange().split('-')[0]).not.toBe(first.split('-')[0]);
  });

  it('lastChange moves once per write that changed something: an edit, topics gained from none, a row deleted by hand', () => {
    const file = tempDbPath();
    const store = tempStore(file);
    store.syncSources([source('kado')]);
    store.savePoll(updated('kado', classified(ITEMS, () => []), at(10)));
    const stored = store.lastChange();
    const generation = () => Number(store.lastChange().split('-')[1]);
    const before = generation();
    store.savePoll(updated('kado', classified([{ ...ITEMS[0]!, summary: '고친 요약' }], () => []), at(20)));
    expect(generation()).toBe(before + 1);
    store.reclassifyAll((item) => byKeyword(item.title ?? ''));
    expect(generation()).toBe(before + 2);
    const raw = new Database(file);
    raw.exec("DELETE FROM item_topics WHERE topic_id = 'fire'");
    raw.close();
    expect(generation()).toBeGreaterThan(before + 2);
    expect(store.lastChange()).not.toBe(stored);
  });

  it('has no trigger per inserted or updated row (migration 10), only the delete ones', () => {
    const file = tempDbPath();
    tempStore(file);
    const raw = new Database(file, { readonly: true });
    const triggers = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").pluck().all();
    raw.close();
    expect(triggers).toEqual(['item_topics_deleted', 'items_deleted', 'items_leave_story']);
  });

  it('remembers the topics fingerprint across reopening', () => {
    const file = tempDbPath();
    const store = openStore(file);
    expect(store.topicsFingerprint()).toBeNull();
    store.setTopicsFingerprint('abc123');
    store.close();
    expect(tempStore(file).topicsFingerprint()).toBe('abc123');
  });
});
