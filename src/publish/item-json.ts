// The documented JSON shape of a stored item, shared by `regionwire items --json` and GET /api/items.
import type { StoredItem } from '../model.js';
import { stripTracking } from '../shared/tracking-params.js';

// storedItemJson gives one item as JSON: ISO 8601 UTC times, null for missing values, its topic ids
// and its story id (null for items stored before stories existed); the url without tracking parameters.
// `content` is sanitised HTML (a detail page's body, or its attachment's text as paragraphs);
// `attachments` lists the files read from the item's page (empty when there were none or not asked).
export function storedItemJson(item: StoredItem) {
  return {
    id: item.id,
    source: item.source,
    guid: item.guid,
    url: item.url === null ? null : stripTracking(item.url),
    title: item.title,
    summary: item.summary,
    content: item.content,
    author: item.author,
    categories: [...item.categories],
    topics: [...item.topics],
    story: item.story,
    image: item.image,
    published: item.published.toISOString(),
    updated: item.updated?.toISOString() ?? null,
    fetched: item.fetched.toISOString(),
    attachments: (item.attachments ?? []).map((a) => ({ url: a.url, name: a.name, mediaType: a.mediaType, size: a.size, textLength: a.textLength, error: a.error })),
  };
}
