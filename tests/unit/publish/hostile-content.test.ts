// Whatever the sources held, every format stays well-formed and script-free.
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import type { FeedFormat } from '../../../src/publish/site-urls.js';
import { buildTopicFeed } from '../../../src/publish/topic-feed.js';
import { findAll, parseXmlStrict } from '../../helpers/xml.js';
import { BASE, feedItem, stored, topic } from './publish-helpers.js';

const HOSTILE_TITLE = 'A & B <합동 훈련> ]]> 두 번 ]]> 끝 \u0001\u000b\u001f\uFFFE 🎉🐟';
const hostile = [
  stored(4, {
    title: HOSTILE_TITLE,
    summary: '요약 ]]> \u0000 & <b>',
    content:
      '<p onclick="steal()">본문 ]]> <script>alert(1)</script><img src="https://x.kr/a.png" onerror="alert(2)">' +
      '<a href="javascript:alert(3)">링크</a><a href="https://ok.kr/">정상</a><style>p{}</style>\u0007</p>',
    categories: ['<경제>', 'a & b', '\u0002'],
    author: '기자 <evil@x.kr> \u0003',
  }),
  stored(3, { title: null, summary: '제목이 없는 기사의 요약이 제목을 대신합니다', url: 'javascript:alert(4)' }),
  stored(2, { title: '   ', summary: null, content: null, published: new Date(NaN), updated: new Date(NaN) }),
];
const input = { topic: topic('economy', { title: '경제 & <행정>' }), items: hostile.map(feedItem), baseUrl: BASE, ttlMinutes: 30 };
const xmlFormats: FeedFormat[] = ['rss', 'atom'];

describe.each(xmlFormats)('%s with hostile content', (format) => {
  const xml = buildTopicFeed(input, format);

  it('is well-formed XML 1.0 (strict parser, no forbidden characters)', () => {
    expect(() => parseXmlStrict(xml)).not.toThrow();
  });

  it('carries no script, event handler or javascript: URL', () => {
    expect(xml).not.toMatch(/<script|onerror|onclick|javascript:|<style/i);
  });

  it('keeps &, <, ]]> and emoji in titles exactly, after an XML parser and (Atom) HTML decoding', async () => {
    const feed = await new Parser().parseString(xml);
    const expected = 'A & B <합동 훈련> ]]> 두 번 ]]> 끝 🎉🐟';
    const title = feed.items[0]?.title ?? '';
    expect(format === 'atom' ? decodeHtml(title) : title).toBe(expected);
  });

  it('falls back to the summary for a missing title, to a placeholder when nothing is left, and to a date', () => {
    const doc = parseXmlStrict(xml);
    const items = findAll(doc, format === 'rss' ? 'item' : 'entry');
    const titles = items.map((i) => i.children.find((c) => c.name === 'title')?.text);
    expect(titles[1]).toContain('제목이 없는 기사의 요약');
    expect(titles[2]).toBe('(제목 없음)');
    const dates = findAll(doc, format === 'rss' ? 'pubDate' : 'published').map((d) => new Date(d.text).getTime());
    expect(dates.every((t) => !Number.isNaN(t))).toBe(true);
  });

  it('links an item with a javascript: URL to its place on the topic page instead', () => {
    expect(xml).toContain(`${BASE}/topics/economy#item-3`);
  });
});

describe('json with hostile content', () => {
  const json = JSON.parse(buildTopicFeed(input, 'json'));

  it('has clean titles, no control characters and script-free HTML', () => {
    expect(json.items[0].title).toBe('A & B <합동 훈련> ]]> 두 번 ]]> 끝 🎉🐟');
    expect(JSON.stringify(json)).not.toMatch(/\\u000[0-8]|<script|onerror|javascript:/i);
    expect(json.items[0].content_html).toContain('<a href="https://ok.kr/">정상</a>');
  });
});

// decodeHtml undoes the HTML escaping an Atom type="html" title carries.
function decodeHtml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}
