// What each cached route shows: the store queries and publish/ builders behind it.
import type { Config, StoredItem, StoredStory, TopicConfig } from '../model.js';
import { entryTime, type FeedItem, type FeedSource } from '../publish/entry.js';
import { buildIndexPage, buildSourcesPage, buildTopicPage } from '../publish/html-pages.js';
import { storedItemJson } from '../publish/item-json.js';
import { storyJson } from '../publish/story-json.js';
import { buildOpml } from '../publish/opml.js';
import { pageLinks, type FeedFormat } from '../publish/site-urls.js';
import { buildTopicFeed } from '../publish/topic-feed.js';
import type { Store } from '../store/open-store.js';
import { HttpError, MAX_LIMIT, type FeedFilters } from './params.js';
import { rendered, type Rendered } from './render-cache.js';
import { ITEMS_PER_ENTRY, storyFeedItems } from './story-view.js';

export interface RenderContext {
  readonly store: Store;
  readonly config: Config;
  readonly baseUrl: string;
  readonly now: Date;
}

const HTML = 'text/html; charset=utf-8';
const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};
const INDEX_ITEMS = 5;

// findTopic returns the configured topic or answers 404.
export function findTopic(config: Config, id: string): TopicConfig {
  const topic = config.topics.find((t) => t.id === id);
  if (topic === undefined) throw new HttpError(404, `no topic "${id}"; the list is at /`);
  return topic;
}

// shortestIntervalMs is the most frequent polling among enabled sources: feeds cannot change faster.
export function shortestIntervalMs(config: Config): number {
  const intervals = config.sources.filter((s) => s.enabled).map((s) => s.intervalMs);
  return intervals.length === 0 ? config.settings.defaultIntervalMs : Math.min(...intervals);
}

// renderFeed queries a topic's items, applies the filters and renders one format; with `stories`,
// one entry per story.
export function renderFeed(ctx: RenderContext, topic: TopicConfig, format: FeedFormat, filters: FeedFilters, query: string, stories = true): Rendered {
  const filtering = filters.filter !== null || filters.filterout !== null;
  // filter_time counts from the start of the current minute, so one cache entry serves a whole minute.
  const since = filters.filterTime === null ? undefined : new Date(Math.floor(ctx.now.getTime() / 60_000) * 60_000 - filters.filterTime * 1000);
  const items = ctx.store
    .queryItems({ topic: topic.id, limit: (filtering ? MAX_LIMIT : filters.limit) * (stories ? ITEMS_PER_ENTRY : 1), ...(since ? { since } : {}) })
    .filter((item) => {
      const text = `${item.title ?? ''} ${item.summary ?? ''}`;
      return (filters.filter === null || filters.filter.test(text)) && (filters.filterout === null || !filters.filterout.test(text));
    });
  const entries = withAttachments(ctx, listed(ctx, items, filters.limit, stories));
  const body = buildTopicFeed(
    {
      topic,
      items: entries,
      baseUrl: ctx.baseUrl,
      ttlMinutes: Math.ceil(shortestIntervalMs(ctx.config) / 60_000),
      ...(items.length === 0 ? { emptyUpdated: ctx.store.stats().lastPollAt ?? new Date(0) } : {}),
      query,
    },
    format,
  );
  return rendered(body, FEED_CONTENT_TYPES[format], newestEntry(entries) ?? ctx.now);
}

// renderIndex shows every topic with its latest items (stories).
export function renderIndex(ctx: RenderContext, stories = true): Rendered {
  const topics = ctx.config.topics.map((topic) => {
    const items = ctx.store.queryItems({ topic: topic.id, limit: INDEX_ITEMS * (stories ? ITEMS_PER_ENTRY : 1) });
    return { topic, items: listed(ctx, items, INDEX_ITEMS, stories) };
  });
  const body = buildIndexPage(topics, { links: pageLinks('server', 0), timezone: ctx.config.settings.timezone });
  return rendered(body, HTML, newestEntry(topics.flatMap((t) => t.items)) ?? ctx.now);
}

// renderTopicPage shows one topic's newest items (stories).
export function renderTopicPage(ctx: RenderContext, topic: TopicConfig, limit: number, stories = true): Rendered {
  const items = listed(ctx, ctx.store.queryItems({ topic: topic.id, limit: limit * (stories ? ITEMS_PER_ENTRY : 1) }), limit, stories);
  const body = buildTopicPage({ topic, items }, { links: pageLinks('server', 1), timezone: ctx.config.settings.timezone });
  return rendered(body, HTML, newestEntry(items) ?? ctx.now);
}

// renderSources shows the configured sources with their poll state.
export function renderSources(ctx: RenderContext): Rendered {
  const states = new Map(ctx.store.sourceStates().map((s) => [s.id, s]));
  const rows = ctx.config.sources.map((config) => ({ config, state: states.get(config.id) ?? null }));
  const polled = rows.map((r) => r.state?.lastPollAt?.getTime() ?? 0);
  const last = Math.max(0, ...polled);
  const body = buildSourcesPage(rows, { links: pageLinks('server', 0), timezone: ctx.config.settings.timezone });
  return rendered(body, HTML, last === 0 ? ctx.now : new Date(last));
}

// renderOpml lists every topic feed for a one-step import; it shows no item, so it is dated when
// rendered (again after each config reload or store change, see change-token.ts).
export function renderOpml(ctx: RenderContext): Rendered {
  return rendered(buildOpml(ctx.config.topics, ctx.baseUrl), 'text/x-opml; charset=utf-8', ctx.now);
}

// renderApiItems answers /api/items with the `regionwire items --json` shape.
export function renderApiItems(ctx: RenderContext, items: readonly StoredItem[]): Rendered {
  return rendered(JSON.stringify(items.map(storedItemJson), null, 2) + '\n', 'application/json; charset=utf-8', newest(items) ?? ctx.now);
}

// renderApiStories answers /api/stories with the `regionwire stories --json` shape.
export function renderApiStories(ctx: RenderContext, stories: readonly StoredStory[]): Rendered {
  return rendered(JSON.stringify(stories.map(storyJson), null, 2) + '\n', 'application/json; charset=utf-8', newest(stories.flatMap((s) => s.versions)) ?? ctx.now);
}

// withSources pairs items with their source's name and feed URL (a removed source shows its id).
export function withSources(config: Config, items: readonly StoredItem[]): FeedItem[] {
  const sources = new Map<string, FeedSource>(config.sources.map((s) => [s.id, { id: s.id, name: s.name, url: s.url }]));
  return items.map((item) => ({ item, source: sources.get(item.source) ?? { id: item.source, name: item.source, url: null } }));
}

function newest(items: readonly StoredItem[]): Date | null {
  return items.length === 0 ? null : new Date(Math.max(...items.map((i) => entryTime(i).getTime())));
}

function listed(ctx: RenderContext, items: readonly StoredItem[], limit: number, stories: boolean): FeedItem[] {
  return stories ? storyFeedItems(ctx.store, items, limit, (list) => withSources(ctx.config, list)) : withSources(ctx.config, items.slice(0, limit));
}

// withAttachments gives each entry's item its files, which feeds carry as enclosures.
function withAttachments(ctx: RenderContext, entries: readonly FeedItem[]): FeedItem[] {
  const items = ctx.store.withAttachments(entries.map((e) => e.item));
  return entries.map((entry, i) => ({ ...entry, item: items[i] ?? entry.item }));
}

// newestEntry counts every version of a story: an outlet joining changes the feed.
function newestEntry(entries: readonly FeedItem[]): Date | null {
  return newest(entries.flatMap((e) => (e.story === undefined ? [e.item] : e.story.versions.map((v) => v.item))));
}
