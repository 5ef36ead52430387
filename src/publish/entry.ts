// One stored item made ready for publishing: every field cleaned, nothing left for a reader to trip on.
import type { StoredItem } from '../model.js';
import { sanitizeContent } from './sanitize.js';
import { escapeHtml, httpUrl, plainText, truncate } from './text.js';

/** The source an item came from, as shown in feeds (`<source>`, `atom:source`, `_regionwire`). */
export interface FeedSource {
  readonly id: string;
  readonly name: string;
  /** The source's feed URL; null when it is not http(s) (a local file). */
  readonly url: string | null;
}

export interface FeedItem {
  readonly item: StoredItem;
  readonly source: FeedSource;
}

export interface PublishedEntry {
  readonly guid: string;
  readonly title: string;
  readonly link: string;
  /** Sanitised HTML ending with the source's name. */
  readonly contentHtml: string;
  /** The summary as HTML, or null. */
  readonly summaryHtml: string | null;
  readonly summaryText: string | null;
  readonly published: Date;
  readonly updated: Date;
  readonly author: string | null;
  readonly categories: readonly string[];
  readonly image: string | null;
  readonly source: FeedSource;
}

const UNTITLED = '(제목 없음)';

// entryGuid never changes for an item: the store keeps an item's id when the item is edited
// (same source and item key), and neither the title, link nor content takes part. RFC 4151 tag URI.
export function entryGuid(sourceId: string, itemId: number): string {
  return `tag:regionwire,2024:item/${encodeURIComponent(sourceId)}/${itemId}`;
}

// validDate keeps a real date; an Invalid Date (unparseable in an old row) becomes null.
export function validDate(date: Date | null | undefined): Date | null {
  return date instanceof Date && !Number.isNaN(date.getTime()) ? date : null;
}

// entryTime is what "newest" means for an item: its last edit, else its publication.
export function entryTime(item: StoredItem): Date {
  return validDate(item.updated) ?? validDate(item.published) ?? validDate(item.fetched) ?? new Date(0);
}

// publishEntry cleans one item; `fallbackLink` is used when the item has no http(s) link.
export function publishEntry({ item, source }: FeedItem, topicIds: readonly string[], fallbackLink: string): PublishedEntry {
  const summaryText = plainText(item.summary) || null;
  const content = item.content ? sanitizeContent(item.content) : '';
  const body = content || (summaryText ? `<p>${escapeHtml(summaryText)}</p>` : '');
  const sourceName = plainText(source.name) || source.id;
  const published = validDate(item.published) ?? validDate(item.fetched) ?? new Date(0);
  const categories = [...new Set([...topicIds, ...item.categories].map(label).filter((c) => c !== ''))];
  return {
    guid: entryGuid(item.source, item.id),
    title: plainText(item.title) || (summaryText ? truncate(summaryText, 60) : '') || plainText(htmlText(content)).slice(0, 60) || UNTITLED,
    link: httpUrl(item.url) ?? fallbackLink,
    contentHtml: `${body}<p>출처: ${escapeHtml(sourceName)}</p>`,
    summaryHtml: summaryText ? escapeHtml(summaryText) : null,
    summaryText,
    published,
    updated: validDate(item.updated) ?? published,
    author: plainText(item.author) || null,
    categories,
    image: httpUrl(item.image),
    source: { id: source.id, name: sourceName, url: httpUrl(source.url) },
  };
}

// Category labels end up in XML attributes (Atom term), where `feed` escapes only & and ".
function label(text: string): string {
  return plainText(text).replace(/[<>]/g, '');
}

function htmlText(html: string): string {
  return html.replace(/<[^>]*>/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}
