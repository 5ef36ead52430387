// JSON Feed 1.1 from `feed`'s JSON Feed 1.0 output: `feed` 6.0 writes only the 1.0 fields.
import type { PublishedEntry } from './entry.js';

interface JsonFeedItem {
  id: string;
  [key: string]: unknown;
}

// toJsonFeed upgrades to https://jsonfeed.org/version/1.1: `authors` and `language` (1.1), the 1.0
// `author` kept for older readers, plain-text `summary`, and the `_regionwire` extension (source;
// for a story, every outlet's version).
export function toJsonFeed(json: string, entries: readonly PublishedEntry[]): string {
  const feed = JSON.parse(json) as { items: JsonFeedItem[]; [key: string]: unknown };
  const byGuid = new Map(entries.map((e) => [e.guid, e]));
  const items = feed.items.map((item) => {
    const entry = byGuid.get(item.id);
    if (entry === undefined) return item;
    const source = entry.source;
    const outlets = [source, ...entry.versions.map((v) => v.source).filter((s) => s.id !== source.id)];
    const authors = [
      ...(entry.author ? [{ name: entry.author }] : []),
      ...[...new Map(outlets.map((s) => [s.id, s])).values()].map((s) => ({ name: s.name, ...(s.url ? { url: s.url } : {}) })),
    ];
    const versions = entry.versions.map((v) => ({
      id: v.itemId,
      source: v.source.id,
      title: v.title,
      url: v.link,
      published: v.published.toISOString(),
    }));
    const attachments = entry.enclosures.map((e) => ({ url: e.url, mime_type: e.type, title: e.name, ...(e.length === null ? {} : { size_in_bytes: e.length }) }));
    return {
      ...item,
      ...(entry.summaryText ? { summary: entry.summaryText } : {}),
      ...(attachments.length > 0 ? { attachments } : {}),
      authors,
      author: authors[0],
      _regionwire: { source: { id: source.id, name: source.name, url: source.url }, ...(versions.length > 0 ? { versions } : {}) },
    };
  });
  const { version: _version, items: _items, ...head } = feed;
  return JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', ...head, language: 'ko', items }, null, 2);
}
