// Identity and edit detection for the items of one poll of one source.
import { createHash } from 'node:crypto';
import type { KeyedItem, ParsedItem } from '../model.js';
import { stripTracking } from '../shared/tracking-params.js';
import { canonicalUrl } from './canonical-url.js';

// Don't change these rules without a super-good reason! The key is stored as items.item_key and
// UNIQUE per source: if the same article gets a different key on the next poll, every reader sees
// it twice and its edits stop reaching the stored copy. (NetNewsWire warns the same above uniqueID.)
//
//   u:<canonical URL>   when the item links to an article (not the site's front page)
//   g:<guid>            otherwise, when the feed gives a guid
//   h:<sha1>            otherwise, a hash of title and published date (of summary and content
//                       when both are missing)
//
// Within one batch, items that share a URL but carry different guids (feeds that point every
// item at the same page) are keyed by guid instead; a link to the bare front page is never
// treated as the article's address. Known limit: a feed that links every item to one inner page
// but shows a single item per poll cannot be recognised from one batch, and keeps `u:` keys.

// keyItems gives each item its key, canonical URL and content hash, dropping in-batch duplicates.
// The link itself loses its tracking parameters (as stored and shown to readers); key and hash
// come from the canonical URL, which drops them anyway, so identity is the same either way.
export function keyItems(items: readonly ParsedItem[]): KeyedItem[] {
  const urls = items.map((item) => (item.url === null ? null : canonicalUrl(item.url)));
  const shared = sharedUrls(items, urls);
  const seen = new Set<string>();
  const out: KeyedItem[] = [];
  items.forEach((item, i) => {
    const url = urls[i] ?? null;
    const guid = cleanGuid(item.guid);
    const useUrl = url !== null && !isFrontPage(url) && !(guid !== null && shared.has(url));
    const key = useUrl ? `u:${url}` : guid !== null ? `g:${guid}` : `h:${fallbackHash(item)}`;
    // Miniflux keeps the first of two entries with one identity; later ones are usually repeats.
    if (seen.has(key)) return;
    seen.add(key);
    const link = item.url === null ? null : stripTracking(item.url);
    // Not `{ ...item, url: link, … }`: on Node 20's V8 a spread followed by more properties gives
    // every object a hidden class of its own (380 bytes each, and slow to read downstream).
    out.push(Object.assign({}, item, { url: link, key, canonicalUrl: url, contentHash: contentHash(item, url) }));
  });
  return out;
}

// contentHash is the sha256 of the fields whose change at the source counts as an edit: title,
// summary, content, author, categories, image, URL (canonical, so a rotating utm_ tag is not an
// edit) and published date. `updated` is left out: feeds bump it without changing anything shown.
export function contentHash(item: ParsedItem, canonical: string | null = null): string {
  const fields = [
    item.title,
    item.summary,
    item.content,
    item.author,
    item.categories,
    item.image,
    canonical ?? item.url,
    item.published?.toISOString() ?? null,
  ];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

// URLs that two or more items in the batch share while giving different guids.
function sharedUrls(items: readonly ParsedItem[], urls: readonly (string | null)[]): Set<string> {
  const guidsByUrl = new Map<string, Set<string>>();
  items.forEach((item, i) => {
    const url = urls[i];
    const guid = cleanGuid(item.guid);
    if (url === null || url === undefined || guid === null) return;
    // A guid that is the link itself says nothing new about identity.
    if (canonicalUrl(guid) === url) return;
    const guids = guidsByUrl.get(url) ?? new Set<string>();
    guids.add(guid);
    guidsByUrl.set(url, guids);
  });
  return new Set([...guidsByUrl].filter(([, guids]) => guids.size > 1).map(([url]) => url));
}

// A front page (https://host/ with no query) names the site, not an article.
function isFrontPage(url: string): boolean {
  return /^https:\/\/[^/?]+\/$/.test(url);
}

function cleanGuid(guid: string | null): string | null {
  const trimmed = guid?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

function fallbackHash(item: ParsedItem): string {
  const published = item.published?.toISOString() ?? null;
  const fields =
    item.title === null && published === null ? [null, null, item.summary, item.content] : [item.title, published];
  return createHash('sha1').update(JSON.stringify(fields)).digest('hex');
}
