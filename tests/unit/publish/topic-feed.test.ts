import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { buildTopicFeed, type TopicFeedInput } from '../../../src/publish/topic-feed.js';
import { findAll, parseXmlStrict } from '../../helpers/xml.js';
import { BASE, feedItem, stored, topic } from './publish-helpers.js';

const input = (items = [stored(3), stored(2, { updated: new Date('2024-12-05T00:00:00.000Z') }), stored(1)]): TopicFeedInput => ({
  topic: topic(),
  items: items.map(feedItem),
  baseUrl: BASE,
  ttlMinutes: 15,
});

const child = (el: ReturnType<typeof parseXmlStrict>, name: string) => el.children.find((c) => c.name === name);

describe('RSS 2.0', () => {
  const xml = buildTopicFeed(input(), 'rss');
  const channel = findAll(parseXmlStrict(xml), 'channel')[0]!;

  it('has the channel metadata: self link, page link, language, ttl, newest time', () => {
    expect(child(channel, 'title')?.text).toBe('지역경제 · regionwire');
    expect(child(channel, 'link')?.text).toBe(`${BASE}/topics/economy`);
    expect(child(channel, 'atom:link')?.attributes).toMatchObject({ rel: 'self', href: `${BASE}/topics/economy.rss` });
    expect(child(channel, 'language')?.text).toBe('ko');
    expect(child(channel, 'ttl')?.text).toBe('15');
    expect(child(channel, 'lastBuildDate')?.text).toBe('Thu, 05 Dec 2024 00:00:00 GMT');
  });

  it('writes each item with guid, link, date, creator, categories, source and content ending with the source', async () => {
    const items = findAll(channel, 'item');
    expect(items).toHaveLength(3);
    const first = items[0]!;
    expect(child(first, 'guid')?.text).toBe('tag:regionwire,2024:item/kado/3');
    expect(child(first, 'guid')?.attributes.isPermaLink).toBe('false');
    expect(child(first, 'link')?.text).toBe('https://www.kado.net/news/articleView.html?idxno=3');
    expect(child(first, 'pubDate')?.text).toBe('Tue, 03 Dec 2024 00:00:00 GMT');
    expect(child(first, 'dc:creator')?.text).toBe('최선경 기자');
    expect(findAll(first, 'category').map((c) => c.text)).toEqual(['economy', '경제']);
    expect(child(first, 'source')).toMatchObject({ text: '강원도민일보', attributes: { url: 'https://www.kado.net/rss/allArticle.xml' } });
    expect(child(first, 'content:encoded')?.text).toBe('<p>본문 3</p><p>출처: 강원도민일보</p>');
    const parsed = await new Parser().parseString(xml);
    expect(parsed.items.map((i) => i.title)).toEqual(['기사 3', '기사 2', '기사 1']);
  });
});

describe('Atom 1.0', () => {
  const feed = parseXmlStrict(buildTopicFeed(input(), 'atom'));

  it('has id, self and alternate links, and updated = the newest item time', () => {
    expect(child(feed, 'id')?.text).toBe('tag:regionwire,2024:topic/economy');
    expect(findAll(feed, 'link').filter((l) => l.attributes.rel === 'self')[0]?.attributes.href).toBe(`${BASE}/topics/economy.atom`);
    expect(child(feed, 'link')?.attributes).toMatchObject({ rel: 'alternate', href: `${BASE}/topics/economy` });
    expect(child(feed, 'updated')?.text).toBe('2024-12-05T00:00:00.000Z');
  });

  it('gives each entry published, updated, author, categories and atom:source', () => {
    const entry = findAll(feed, 'entry')[1]!;
    expect(child(entry, 'id')?.text).toBe('tag:regionwire,2024:item/kado/2');
    expect(child(entry, 'published')?.text).toBe('2024-12-02T00:00:00.000Z');
    expect(child(entry, 'updated')?.text).toBe('2024-12-05T00:00:00.000Z');
    expect(child(child(entry, 'author')!, 'name')?.text).toBe('최선경 기자');
    expect(findAll(entry, 'category').map((c) => c.attributes.term)).toEqual(['economy', '경제']);
    const source = child(entry, 'source')!;
    expect(child(source, 'title')?.text).toBe('강원도민일보');
    expect(child(source, 'link')?.attributes).toMatchObject({ rel: 'self', href: 'https://www.kado.net/rss/allArticle.xml' });
  });
});

describe('JSON Feed 1.1', () => {
  const json = JSON.parse(buildTopicFeed(input(), 'json'));

  it('has the 1.1 version, language, feed and home page URLs', () => {
    expect(json).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      language: 'ko',
      feed_url: `${BASE}/topics/economy.json`,
      home_page_url: `${BASE}/topics/economy`,
    });
  });

  it('gives each item authors (byline, then source), tags and the _regionwire source', () => {
    expect(json.items[0]).toMatchObject({
      id: 'tag:regionwire,2024:item/kado/3',
      url: 'https://www.kado.net/news/articleView.html?idxno=3',
      title: '기사 3',
      summary: '요약 3',
      date_published: '2024-12-03T00:00:00.000Z',
      tags: ['economy', '경제'],
      authors: [{ name: '최선경 기자' }, { name: '강원도민일보', url: 'https://www.kado.net/rss/allArticle.xml' }],
      _regionwire: { source: { id: 'kado', name: '강원도민일보', url: 'https://www.kado.net/rss/allArticle.xml' } },
    });
    expect(json.items[0].content_html).toMatch(/<p>출처: 강원도민일보<\/p>$/);
  });
});

describe('stability', () => {
  it('keeps the GUID when the item is edited (title, link, content and dates change)', () => {
    const before = buildTopicFeed(input([stored(1)]), 'atom');
    const edited = stored(1, { title: '고친 제목', url: 'https://www.kado.net/news/v2?idxno=1', content: '<p>고친 본문</p>', updated: new Date('2024-12-06T00:00:00Z') });
    const after = buildTopicFeed(input([edited]), 'atom');
    const id = (xml: string) => child(findAll(parseXmlStrict(xml), 'entry')[0]!, 'id')?.text;
    expect(id(after)).toBe(id(before));
    expect(after).toContain('고친 제목');
  });

  it('gives the same bytes for the same input (no "now" inside), and updated from emptyUpdated when empty', () => {
    expect(buildTopicFeed(input(), 'rss')).toBe(buildTopicFeed(input(), 'rss'));
    const empty = buildTopicFeed({ ...input([]), emptyUpdated: new Date('2024-11-30T00:00:00Z') }, 'atom');
    expect(child(parseXmlStrict(empty), 'updated')?.text).toBe('2024-11-30T00:00:00.000Z');
  });
});

// Issue 12 §1: what the W3C Feed Validator asks of every entry, checked here without it (the
// validator itself runs on served feeds in tests/integration/feed-validity.test.ts).
describe('what the W3C validator asks of every entry', () => {
  const bylineless = [stored(2, { author: null, summary: null }), stored(1)];

  it('gives a byline-less Atom entry its outlet as author (RFC 4287 §4.1.1), and keeps a byline', () => {
    const entries = findAll(parseXmlStrict(buildTopicFeed(input(bylineless), 'atom')), 'entry');
    const authors = entries.map((e) => findAll(e, 'author').map((a) => child(a, 'name')?.text));
    expect(authors).toEqual([['강원도민일보'], ['최선경 기자']]);
  });

  it('says the Atom feed is Korean, as RSS <language> and JSON Feed language do', () => {
    expect(parseXmlStrict(buildTopicFeed(input(), 'atom')).attributes['xml:lang']).toBe('ko');
  });

  it('dates every atom:source with the entry it came with', () => {
    const entries = findAll(parseXmlStrict(buildTopicFeed(input(bylineless), 'atom')), 'entry');
    for (const entry of entries) expect(child(child(entry, 'source')!, 'updated')?.text).toBe(child(entry, 'updated')?.text);
  });

  it('gives every RSS item a description before content:encoded, from the content when there is no summary', () => {
    const items = findAll(parseXmlStrict(buildTopicFeed(input(bylineless), 'rss')), 'item');
    for (const item of items) {
      const names = item.children.map((c) => c.name);
      expect(names.indexOf('description')).toBeGreaterThanOrEqual(0);
      expect(names.indexOf('description')).toBeLessThan(names.indexOf('content:encoded'));
    }
    expect(child(items[0]!, 'description')?.text).toBe('본문 2 출처: 강원도민일보');
  });

  it('writes & and < in RSS titles as hexadecimal references (RSS Best Practices Profile)', async () => {
    const xml = buildTopicFeed(input([stored(1, { title: 'R&D <MBC> 강원 ]]> 끝' })]), 'rss');
    expect(xml).toContain('<title>R&#x26;D &#x3C;MBC&gt; 강원 ]]&gt; 끝</title>');
    expect((await new Parser().parseString(xml)).items[0]?.title).toBe('R&D <MBC> 강원 ]]> 끝');
  });
});
