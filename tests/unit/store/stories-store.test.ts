import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { SavePollInput } from '../../../src/store/open-store.js';
import { freshDetector, storyAssigner } from '../../../src/worker/assign-stories.js';
import { FORUM_BODY, JOBS_BODY } from '../stories/story-cases.js';
import { parsed, source, T0, tempDbPath, tempStore, updated } from './store-helpers.js';

const SOURCES = [source('gov', { tags: ['government'] }), source('kado', { priority: 10 }), source('step')];

const forum = (guid: string, title: string, content: string, minutes: number) =>
  parsed({ guid, title, content, published: new Date(T0.getTime() + minutes * 60_000) });

// withStories is a savePoll input whose new items go through story detection.
function withStories(input: SavePollInput, assign: ReturnType<typeof storyAssigner>): SavePollInput {
  if (input.result.status !== 'updated') throw new Error('an updated poll is needed');
  return { ...input, result: { ...input.result, assignStory: assign } };
}

describe('stories in the store', () => {
  it('puts versions of one release in one story and keeps the story id when outlets join', () => {
    const store = tempStore();
    store.syncSources(SOURCES);
    const assign = storyAssigner(store, SOURCES, () => T0);
    store.savePoll(withStories(updated('kado', [forum('k1', '강원 관광 미래포럼 열려', `(춘천=연합뉴스) ${FORUM_BODY}`, 0)]), assign));
    const [first] = store.queryItems({});
    store.savePoll(withStories(updated('gov', [forum('g1', '강원도, 2026 강원 관광 미래포럼 개최', FORUM_BODY, 30), forum('g2', '청년 일자리 박람회 설명회 개최', JOBS_BODY, 40)]), assign));
    store.savePoll(withStories(updated('step', [forum('s1', '[뉴스스텝] 관광 미래포럼', FORUM_BODY.split('. ').slice(0, 3).join('. '), 60)]), assign));

    const [story, other] = store.queryStories({}).sort((a, b) => b.itemCount - a.itemCount);
    expect(story?.id).toBe(first?.id);
    expect(story?.versions.map((v) => v.source).sort()).toEqual(['gov', 'kado', 'step']);
    // The agency's own release represents the story, though kado has the higher priority.
    expect(story?.versions.find((v) => v.id === story.representative)?.source).toBe('gov');
    expect(other?.itemCount).toBe(1);
    expect(store.queryItems({}).every((i) => i.story !== null)).toBe(true);
  });

  it('re-clusters the whole database the same way, and a restarted process joins old stories', () => {
    const file = tempDbPath();
    const store = tempStore(file);
    store.syncSources(SOURCES);
    store.savePoll(withStories(updated('gov', [forum('g1', '강원도, 2026 강원 관광 미래포럼 개최', FORUM_BODY, 0)]), storyAssigner(store, SOURCES, () => T0)));
    // A new assigner, as after a restart: it takes in the stored recent items and finds the old one.
    store.savePoll(withStories(updated('kado', [forum('k1', '강원 관광 미래포럼 열려', FORUM_BODY, 30)]), storyAssigner(store, SOURCES, () => T0)));
    expect(new Set(store.queryItems({}).map((i) => i.story)).size).toBe(1);

    const before = store.lastChange();
    const result = store.rebuildStories(freshDetector(SOURCES).assign);
    expect(result).toEqual({ items: 2, stories: 1 });
    expect(store.lastChange()).not.toBe(before);
  });

  it('joins a story another process stored after this one started (a `poll` beside `run`)', () => {
    const file = tempDbPath();
    const running = tempStore(file);
    running.syncSources(SOURCES);
    const assign = storyAssigner(running, SOURCES, () => T0);
    running.savePoll(withStories(updated('gov', [forum('g2', '청년 일자리 박람회 설명회 개최', JOBS_BODY, 0)]), assign));
    // A second process, with its own detector, stores the first version of the forum story.
    const other = tempStore(file);
    other.savePoll(withStories(updated('kado', [forum('k1', '강원 관광 미래포럼 열려', FORUM_BODY, 10)]), storyAssigner(other, SOURCES, () => T0)));
    running.savePoll(withStories(updated('gov', [forum('g1', '강원도, 2026 강원 관광 미래포럼 개최', FORUM_BODY, 30)]), assign));

    const byGuid = new Map(running.queryItems({}).map((i) => [i.guid, i.story]));
    expect(byGuid.get('g1')).toBe(byGuid.get('k1'));
    expect(byGuid.get('g2')).not.toBe(byGuid.get('k1'));
  });

  it('looks for items other processes stored once per transaction, not once per new item', () => {
    const file = tempDbPath();
    const other = tempStore(file);
    other.syncSources(SOURCES);
    other.savePoll(withStories(updated('kado', [forum('k1', '강원 관광 미래포럼 열려', FORUM_BODY, 0)]), storyAssigner(other, SOURCES, () => T0)));
    const store = tempStore(file);
    // What each new item's assignment is shown of other processes' storied items.
    const shown: number[][] = [];
    const assign: ReturnType<typeof storyAssigner> = (item, reader) => {
      shown.push([...reader.storiedItemsAfter(0, 100)].map((i) => i.id));
      return { storyId: null, rank: 0 };
    };
    const poll = (guids: string[]) => store.savePoll(withStories(updated('gov', guids.map((g, n) => forum(g, `제목 ${g}`, `${JOBS_BODY} ${g}`, n))), assign));
    poll(['g1', 'g2', 'g3']);
    poll(['g4']);
    const stored = new Map(store.queryItems({}).map((i) => [i.guid, i.id]));
    expect(shown).toEqual([[stored.get('k1')], [], [], [stored.get('k1'), stored.get('g1'), stored.get('g2'), stored.get('g3')]]);
  });

  it('keeps counts and representatives right when items are pruned', () => {
    const store = tempStore();
    store.syncSources(SOURCES);
    const assign = storyAssigner(store, SOURCES, () => T0);
    store.savePoll(withStories(updated('gov', [forum('g1', '강원도, 2026 강원 관광 미래포럼 개최', FORUM_BODY, 0)]), assign));
    store.savePoll(withStories(updated('kado', [forum('k1', '강원 관광 미래포럼 열려', FORUM_BODY, 60 * 24 * 2)]), assign));
    expect(store.queryStories({}).map((s) => s.itemCount)).toEqual([2]);
    // The representative (gov, the older version) is pruned; the story lives on with kado's.
    store.pruneItems({ days: 1, itemsPerSource: null }, new Date(T0.getTime() + 86_400_000 * 2.5));
    const stories = store.queryStories({});
    expect(stories.map((s) => [s.itemCount, s.versions[0]?.source, s.representative === s.versions[0]?.id])).toEqual([[1, 'kado', true]]);
  });

  it('never gives a new item the id of a story that outlived the item it was named after', () => {
    const file = tempDbPath();
    const store = tempStore(file);
    store.syncSources(SOURCES);
    // The reprint is stored last but dated first: a rebuild names the story after it (id 2).
    store.savePoll(updated('gov', [forum('g1', '강원도, 2026 강원 관광 미래포럼 개최', FORUM_BODY, 30)]));
    store.savePoll(updated('kado', [forum('k1', '강원 관광 미래포럼 열려', FORUM_BODY, 0)]));
    store.rebuildStories(freshDetector(SOURCES).assign);
    const [story] = store.queryStories({});
    expect(story?.id).toBe(2);
    // Item 2 goes (retention, say); its story stays with item 1, and max(items.id) is 1 again.
    const db = new Database(file);
    db.prepare('DELETE FROM items WHERE id = 2').run();
    db.close();
    // A new story's first item takes the next id no item and no story has.
    store.savePoll(withStories(updated('step', [forum('s1', '청년 일자리 박람회 설명회 개최', JOBS_BODY, 60)]), storyAssigner(store, SOURCES, () => T0)));
    const jobs = store.queryItems({ sources: ['step'] })[0];
    expect(jobs?.id).toBe(3);
    expect(store.queryStories({}).map((s) => [s.id, s.versions.map((v) => v.id)]).sort()).toEqual([[2, [1]], [3, [3]]]);
  });
});
