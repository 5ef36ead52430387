// A topic's items as RSS 2.0, Atom 1.0 or JSON Feed 1.1, built with `feed` and made valid around it.
import { Feed, type Item } from 'feed';
import type { TopicConfig } from '../model.js';
import { entryTime, publishEntry, type FeedItem, type PublishedEntry } from './entry.js';
import { toJsonFeed } from './json-feed.js';
import { feedPath, joinUrl, topicPagePath, type FeedFormat, type SiteStyle } from './site-urls.js';
import { withAtomExtras, withRssTitles } from './feed-fixups.js';
import { escapeHtml, plainText } from './text.js';

export interface TopicFeedInput {
  readonly topic: TopicConfig;
  /** Newest first, filters already applied. */
  readonly items: readonly FeedItem[];
  /** Public base URL of the site, e.g. https://news.example.kr/regionwire. */
  readonly baseUrl: string;
  /** RSS <ttl>: minutes a reader may cache the feed (from the sources' polling interval). */
  readonly ttlMinutes: number;
  readonly style?: SiteStyle;
  /** The feed's `updated` when it has no items (never "now", so the output only changes with the data). */
  readonly emptyUpdated?: Date;
  /** Query string of the request (filters), kept on the self link so a reader re-fetches the same feed. */
  readonly query?: string;
}

// buildTopicFeed renders one topic feed; the same input always gives the same bytes.
export function buildTopicFeed(input: TopicFeedInput, format: FeedFormat): string {
  const { topic } = input;
  const style = input.style ?? 'server';
  const pageUrl = joinUrl(input.baseUrl, topicPagePath(topic.id, style));
  const selfUrl = joinUrl(input.baseUrl, feedPath(topic.id, format)) + (input.query ? `?${input.query}` : '');
  const entries = input.items.map((it) => publishEntry(it, it.item.topics, `${pageUrl}#item-${it.item.id}`));
  const newest = input.items.map((it) => entryTime(it.item)).reduce((a, b) => (b > a ? b : a), input.emptyUpdated ?? new Date(0));
  const title = `${plainText(topic.title) || topic.id} · regionwire`;
  const feed = new Feed({
    id: `tag:regionwire,2024:topic/${encodeURIComponent(topic.id)}`,
    title,
    description: plainText(topic.description) || title,
    link: pageUrl,
    feed: selfUrl,
    feedLinks: { [format]: selfUrl },
    updated: newest,
    language: 'ko',
    ttl: Math.max(1, Math.round(input.ttlMinutes)),
    generator: 'regionwire',
  });
  for (const entry of entries) feed.addItem(feedItem(entry, format));
  if (format === 'rss') return withRssTitles(feed.rss2(), entries);
  if (format === 'json') return toJsonFeed(feed.json1(), entries);
  return withAtomExtras(feed.atom1(), entries);
}

// feedItem maps an entry onto `feed`'s Item for one format. `feed` writes titles as CDATA in RSS,
// so RSS titles are written afterwards (feed-fixups.ts); Atom titles are type="html". RSS <author>
// must be an e-mail, so RSS gets dc:creator; an Atom entry must have an author (RFC 4287 §4.1.1),
// so a byline-less one names its outlet. RSS wants a description before content:encoded.
function feedItem(entry: PublishedEntry, format: FeedFormat): Item {
  const source = entry.source;
  const extensions: Item['extensions'] = [];
  if (format === 'rss') {
    if (entry.author) extensions.push({ name: 'dc:creator', objects: { _text: entry.author } });
    if (source.url) extensions.push({ name: 'source', objects: { _attributes: { url: source.url.replace(/&/g, '&amp;') }, _text: source.name } });
    // RSS allows one <source>; the story's other outlets are named as contributors (`feed` hands
    // objects to xml-js, which writes an array as repeated elements; its type says a record).
    const others = [...new Set(entry.versions.map((v) => v.source.name).filter((n) => n !== source.name))];
    const contributors = others.map((name) => ({ _text: name })) as unknown as Record<string, unknown>;
    if (others.length > 0) extensions.push({ name: 'dc:contributor', objects: contributors });
    // RSS 2.0 allows one <enclosure> per item (https://www.rssboard.org/rss-profile#element-channel-item-enclosure):
    // the first attachment, the release itself on Korean boards; length 0 when the size is unknown, as the profile asks.
    const first = entry.enclosures[0];
    if (first) extensions.push({ name: 'enclosure', objects: { _attributes: { url: first.url.replace(/&/g, '&amp;'), length: String(first.length ?? 0), type: first.type } } });
  }
  return {
    title: format === 'atom' ? escapeHtml(entry.title) : format === 'rss' ? '' : entry.title,
    id: entry.guid,
    guid: entry.guid,
    link: entry.link,
    date: entry.updated,
    published: entry.published,
    ...(format === 'rss' ? { description: entry.descriptionHtml } : entry.summaryHtml && format === 'atom' ? { description: entry.summaryHtml } : {}),
    content: entry.contentHtml,
    ...(format === 'atom' ? { author: [{ name: entry.author ?? source.name }] } : entry.author && format === 'json' ? { author: [{ name: entry.author }] } : {}),
    category: entry.categories.map((name) => ({ name, term: name })),
    ...(entry.image && format === 'json' ? { image: entry.image } : {}),
    extensions,
  };
}
