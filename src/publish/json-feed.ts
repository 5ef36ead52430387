// JSON Feed 1.1 from `feed`'s JSON Feed 1.0 output: `feed` 6.0 writes only the 1.0 fields.
import type { PublishedEntry } from './entry.js';

interface JsonFeedItem {
  id: string;
  [key: string]: unknown;
}

// toJsonFeed upgrades to https://jsonfeed.org/version/1.1: `authors` and `language` (1.1), the 1.0
// `author` kept for older readers, plain-text `summary`, and the `_regionwire` source extension.
export function toJsonFeed(json: string, entries: readonly PublishedEntry[]): string {
  const feed = JSON.parse(json) as { items: JsonFeedItem[]; [key: string]: unknown };
  const byGuid = new Map(entries.map((e) => [e.guid, e]));
  const items = feed.items.map((item) => {
    const entry = byGuid.get(item.id);
    if (entry === undefined) return item;
    const source = entry.source;
    const authors = [
      ...(entry.author ? [{ name: entry.author }] : []),
      { name: source.name, ...(source.url ? { url: source.url } : {}) },
    ];
    return {
      ...item,
      ...(entry.summaryText ? { summary: entry.summaryText } : {}),
      authors,
      author: authors[0],
      _regionwire: { source: { id: source.id, name: source.name, url: source.url } },
    };
  });
  const { version: _version, items: _items, ...head } = feed;
  return JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', ...head, language: 'ko', items }, null, 2);
}
