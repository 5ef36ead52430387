// One stored item made ready for publishing: every field cleaned, nothing left for a reader to trip on.
import type { StoredItem } from '../model.js';
import { sanitizeContent } from './sanitize.js';
import { escapeHtml, httpUrl, plainText, readerLink, truncate } from './text.js';

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
  /** Set when the entry stands for a whole story: its id and every version, oldest first. */
  readonly story?: { readonly id: number; readonly versions: readonly FeedItem[] };
}

/** One outlet's version of a story, as listed in the entry. */
export interface EntryVersion {
  readonly itemId: number;
  readonly title: string;
  readonly link: string | null;
  readonly published: Date;
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
  /** The summary as HTML, else the start of the content as text: RSS puts it before content:encoded. */
  readonly descriptionHtml: string;
  readonly summaryText: string | null;
  readonly published: Date;
  readonly updated: Date;
  readonly author: string | null;
  readonly categories: readonly string[];
  readonly image: string | null;
  readonly source: FeedSource;
  /** Every version of the entry's story (itself included) when it has more than one; else empty. */
  readonly versions: readonly EntryVersion[];
  /** The item's attachments with http(s) links, in page order: RSS takes the first, Atom and JSON Feed all. */
  readonly enclosures: readonly Enclosure[];
}

/** A file linked from an item's page, as feeds carry it. */
export interface Enclosure {
  readonly url: string;
  readonly name: string;
  /** application/octet-stream when the format is unknown (RSS and JSON Feed require a type). */
  readonly type: string;
  /** Bytes; null when unknown (the download failed). */
  readonly length: number | null;
}

const UNTITLED = '(제목 없음)';
/** Longest RSS description made from the content of an item without a summary. */
const EXCERPT_CHARS = 300;

// entryGuid never changes for an item: the store keeps an item's id when the item is edited
// (same source and item key), and neither the title, link nor content takes part. RFC 4151 tag URI.
export function entryGuid(sourceId: string, itemId: number): string {
  return `tag:regionwire,2024:item/${encodeURIComponent(sourceId)}/${itemId}`;
}

// storyGuid names a story's entry: the story id is the id of its first item and never changes, so
// an outlet joining later (or a new representative) leaves the GUID alone.
export function storyGuid(storyId: number): string {
  return `tag:regionwire,2024:story/${storyId}`;
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
export function publishEntry({ item, source, story }: FeedItem, topicIds: readonly string[], fallbackLink: string): PublishedEntry {
  const summaryText = plainText(item.summary) || null;
  const content = item.content ? sanitizeContent(item.content) : '';
  const body = content || (summaryText ? `<p>${escapeHtml(summaryText)}</p>` : '');
  const sourceName = plainText(source.name) || source.id;
  const published = validDate(item.published) ?? validDate(item.fetched) ?? new Date(0);
  const categories = [...new Set([...topicIds, ...item.categories].map(label).filter((c) => c !== ''))];
  const versions = (story?.versions.length ?? 0) > 1 ? (story?.versions ?? []).map(entryVersion) : [];
  const contentHtml = `${body}<p>출처: ${escapeHtml(sourceName)}</p>${versionList(versions)}`;
  const summaryHtml = summaryText ? escapeHtml(summaryText) : null;
  return {
    guid: story === undefined ? entryGuid(item.source, item.id) : storyGuid(story.id),
    title: plainText(item.title) || (summaryText ? truncate(summaryText, 60) : '') || plainText(htmlText(content)).slice(0, 60) || UNTITLED,
    link: readerLink(item.url) ?? fallbackLink,
    contentHtml,
    summaryHtml,
    descriptionHtml: summaryHtml ?? escapeHtml(truncate(plainText(htmlText(contentHtml)), EXCERPT_CHARS)),
    summaryText,
    published,
    updated: validDate(item.updated) ?? published,
    author: plainText(item.author) || null,
    categories,
    image: httpUrl(item.image),
    source: { id: source.id, name: sourceName, url: httpUrl(source.url) },
    versions,
    enclosures: (item.attachments ?? []).flatMap((a) => {
      const url = httpUrl(a.url);
      return url === null ? [] : [{ url, name: plainText(a.name) || url, type: a.mediaType ?? 'application/octet-stream', length: a.size }];
    }),
  };
}

function entryVersion({ item, source }: FeedItem): EntryVersion {
  const title = plainText(item.title) || truncate(plainText(item.summary), 60) || UNTITLED;
  const published = validDate(item.published) ?? validDate(item.fetched) ?? new Date(0);
  return { itemId: item.id, title, link: readerLink(item.url), published, source: { id: source.id, name: plainText(source.name) || source.id, url: httpUrl(source.url) } };
}

// versionList ends a story's entry: how many outlets carried it, and a link to each one's version.
function versionList(versions: readonly EntryVersion[]): string {
  if (versions.length === 0) return '';
  const items = versions.map((v) => {
    const label = `${escapeHtml(v.source.name)}: ${escapeHtml(v.title)}`;
    return `<li>${v.link ? `<a href="${escapeHtml(v.link)}">${label}</a>` : label}</li>`;
  });
  return `<p>같은 기사 ${versions.length}건</p><ul>${items.join('')}</ul>`;
}

// Category labels end up in XML attributes (Atom term), where `feed` escapes only & and ".
function label(text: string): string {
  return plainText(text).replace(/[<>]/g, '');
}

function htmlText(html: string): string {
  return html.replace(/<[^>]*>/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}
