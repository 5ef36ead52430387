// Shared by the parse tests: run parseFeed on inline XML with fixed options.
import type { ParsedFeed, ParsedItem, SourceError } from '../../../src/model.js';
import { parseFeed } from '../../../src/parse/parse-feed.js';

export const NOW = new Date('2030-01-01T00:00:00Z');
export const FEED_URL = 'https://news.example.kr/rss/allArticle.xml';

// parseOk parses and fails the test with the parser's message if it returned an error.
export async function parseOk(xml: string, url = FEED_URL, timezone = 'Asia/Seoul'): Promise<ParsedFeed> {
  const result = await parseFeed(xml, { url, timezone, now: NOW });
  if (!result.ok) throw new Error(`expected a feed, got ${result.error.kind}: ${result.error.message}`);
  return result.feed;
}

// parseError parses and returns the error, failing the test if a feed came back.
export async function parseError(xml: string, url = FEED_URL): Promise<SourceError> {
  const result = await parseFeed(xml, { url, timezone: 'Asia/Seoul', now: NOW });
  if (result.ok) throw new Error(`expected an error, got a ${result.feed.format} feed`);
  return result.error;
}

// firstItem parses one-item inline XML and returns that item.
export async function firstItem(xml: string, url = FEED_URL): Promise<ParsedItem> {
  const feed = await parseOk(xml, url);
  const item = feed.items[0];
  if (item === undefined) throw new Error('expected at least one item');
  return item;
}

// rss wraps item XML in a minimal RSS 2.0 document with the usual namespaces.
export function rss(items: string, channelExtra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:media="http://search.yahoo.com/mrss/">
<channel><title>강원뉴스</title><link>https://news.example.kr/</link>${channelExtra}
${items}
</channel></rss>`;
}

// atom wraps entry XML in a minimal Atom 1.0 document.
export function atom(entries: string, attrs = ''): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"${attrs}><title>강원 블로그</title><id>urn:x:feed</id><updated>2024-12-01T00:00:00Z</updated>
${entries}
</feed>`;
}
