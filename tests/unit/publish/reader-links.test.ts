// Issue 12 §3: entries linked to the article with the source's tracking parameters still on
// (…?idxno=9001&utm_source=rss). Rows stored before links were cleaned at ingest may still carry
// them, so every output cleans the links it sends readers to: feeds, pages and the item JSON.
import { describe, expect, it } from 'vitest';
import type { FeedItem } from '../../../src/publish/entry.js';
import { buildTopicPage } from '../../../src/publish/html-pages.js';
import { storedItemJson } from '../../../src/publish/item-json.js';
import { pageLinks } from '../../../src/publish/site-urls.js';
import { buildTopicFeed } from '../../../src/publish/topic-feed.js';
import { BASE, feedItem, stored, topic } from './publish-helpers.js';

const TRACKED = 'https://www.kado.net/news/articleView.html?idxno=9001&utm_source=rss&utm_medium=feed&fbclid=IwAR0&call_from=naver';
const CLEAN = 'https://www.kado.net/news/articleView.html?idxno=9001';
const OTHER = 'http://m.kwnews.co.kr/page/view/2024120100001?gclid=1&sc=2';

// A story of two versions whose links both carry tracking parameters.
function story(): FeedItem {
  const first = feedItem(stored(1, { url: TRACKED, story: 1 }));
  const second = { ...feedItem(stored(2, { url: OTHER, story: 1, source: 'kwnews' })), source: { id: 'kwnews', name: '강원일보', url: null } };
  return { ...first, story: { id: 1, versions: [first, second] } };
}

const TRACKING = /utm_|fbclid|call_from|gclid/;

describe('links readers are sent to', () => {
  it.each(['rss', 'atom', 'json'] as const)('carry no tracking parameter in the %s feed', (format) => {
    const body = buildTopicFeed({ topic: topic(), items: [story()], baseUrl: BASE, ttlMinutes: 15 }, format);
    expect(body).not.toMatch(TRACKING);
    expect(body).toContain(CLEAN);
    expect(body).toContain('http://m.kwnews.co.kr/page/view/2024120100001?sc=2');
  });

  it('carry no tracking parameter on the topic page', () => {
    const html = buildTopicPage({ topic: topic(), items: [story()] }, { links: pageLinks('server', 1), timezone: 'Asia/Seoul' });
    expect(html).not.toMatch(TRACKING);
    expect(html).toContain(`href="${CLEAN}"`);
  });

  it('carry no tracking parameter in the item JSON of the API and `items --json`', () => {
    expect(storedItemJson(stored(1, { url: TRACKED })).url).toBe(CLEAN);
    expect(storedItemJson(stored(1, { url: null })).url).toBeNull();
  });
});
