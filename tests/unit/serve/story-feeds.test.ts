import Parser from 'rss-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Config, ParsedItem } from '../../../src/model.js';
import type { Store } from '../../../src/store/open-store.js';
import { storyAssigner } from '../../../src/worker/assign-stories.js';
import { FORUM_BODY, JOBS_BODY } from '../stories/story-cases.js';
import { body, classified, config, item, NOW, serve, tempStore, type Served } from './serve-helpers.js';

const cfg: Config = config();
let store: Store;
let site: Served;

// poll stores one source's items with story detection, as the worker does.
function poll(src: string, items: readonly ParsedItem[], assign: ReturnType<typeof storyAssigner>): void {
  store.savePoll({
    source: src, startedAt: NOW, finishedAt: NOW, nextPollAt: NOW, permanentRedirect: null,
    result: { status: 'updated', items: classified(items, ['economy']), assignStory: assign, etag: null, lastModified: null, httpStatus: 200, encoding: 'utf-8', warning: null },
  });
}

beforeAll(async () => {
  store = tempStore(cfg);
  const assign = storyAssigner(store, cfg.sources, () => NOW);
  poll('kado', [item(1, 5, { title: '강원도, 2026 강원 관광 미래포럼 개최', content: `<p>${FORUM_BODY}</p>` })], assign);
  poll('kwnews', [item(2, 4, { url: 'https://kwnews.example.kr/2', title: '[강원] 관광 미래포럼 열려', content: `<p>(춘천=연합뉴스) ${FORUM_BODY}</p>` }), item(3, 3, { url: 'https://kwnews.example.kr/3', title: '청년 일자리 박람회 설명회 개최', content: `<p>${JOBS_BODY}</p>` })], assign);
  site = await serve({ store, getConfig: () => cfg, clock: () => NOW });
});

describe('topic feeds, one entry per story', () => {
  it('RSS shows a story once under its story GUID, lists every outlet and names the others as contributors', async () => {
    const xml = await (await site.get('/topics/economy.rss')).text();
    const feed = await new Parser().parseString(xml);
    expect(feed.items).toHaveLength(2);
    const content = (i: object): string => String((i as Record<string, unknown>)['content:encoded'] ?? (i as Record<string, unknown>)['content'] ?? '');
    const story = feed.items.find((i) => content(i).includes('같은 기사 2건'));
    const first = store.queryItems({ limit: 10 }).find((i) => i.title?.includes('미래포럼 개최'));
    expect(story?.guid).toBe(`tag:regionwire,2024:story/${first?.id}`);
    expect(content(story ?? {})).toContain('https://kado.example.kr/news/1');
    expect(content(story ?? {})).toContain('https://kwnews.example.kr/2');
    expect(xml).toMatch(/<dc:contributor>kwnews 신문<\/dc:contributor>|<dc:contributor>kado 신문<\/dc:contributor>/);
  });

  it('JSON Feed lists every outlet in authors and _regionwire.versions; ?stories=0 gives every item', async () => {
    const json = await body(await site.get('/topics/economy.json'));
    const story = json.items.find((i: { _regionwire: { versions?: unknown[] } }) => i._regionwire.versions !== undefined);
    expect(story._regionwire.versions.map((v: { source: string }) => v.source).sort()).toEqual(['kado', 'kwnews']);
    expect(story.authors.map((a: { name: string }) => a.name)).toEqual(expect.arrayContaining(['kado 신문', 'kwnews 신문']));
    const all = await body(await site.get('/topics/economy.json?stories=0'));
    expect(all.items).toHaveLength(3);
  });

  it('the topic page shows the story once with its outlets, and /api/stories lists stories with versions', async () => {
    const html = await (await site.get('/topics/economy')).text();
    expect(html.match(/미래포럼/g)?.length).toBeGreaterThanOrEqual(1);
    expect(html).toContain('같은 기사 2건');
    const stories = await body(await site.get('/api/stories?topic=economy'));
    expect(stories.map((s: { itemCount: number }) => s.itemCount).sort()).toEqual([1, 2]);
    const items = await body(await site.get('/api/items'));
    expect(new Set(items.map((i: { story: number }) => i.story)).size).toBe(2);
  });
});
