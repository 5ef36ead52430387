// What each cached route shows: the store queries and publish/ builders behind it.
import type { Config, StoredItem, TopicConfig } from '../model.js';
import { entryTime, type FeedItem, type FeedSource } from '../publish/entry.js';
import { buildIndexPage, buildSourcesPage, buildTopicPage } from '../publish/html-pages.js';
import { storedItemJson } from '../publish/item-json.js';
import { buildOpml } from '../publish/opml.js';
import { pageLinks, type FeedFormat } from '../publish/site-urls.js';
import { buildTopicFeed } from '../publish/topic-feed.js';
import type { Store } from '../store/open-store.js';
import { HttpError, MAX_LIMIT, type FeedFilters } from './params.js';
import { rendered, type Rendered } from './render-cache.js';

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

// renderFeed queries a topic's items, applies the filters and renders one format.
export function renderFeed(ctx: RenderContext, topic: TopicConfig, format: FeedFormat, filters: FeedFilters, query: string): Rendered {
  const filtering = filters.filter !== null || filters.filterout !== null;
  // filter_time counts from the start of the current minute, so one cache entry serves a whole minute.
  const since = filters.filterTime === null ? undefined : new Date(Math.floor(ctx.now.getTime() / 60_000) * 60_000 - filters.filterTime * 1000);
  const items = ctx.store
    .queryItems({ topic: topic.id, limit: filtering ? MAX_LIMIT : filters.limit, ...(since ? { since } : {}) })
    .filter((item) => {
      const text = `${item.title ?? ''} ${item.summary ?? ''}`;
      return (filters.filter === null || filters.filter.test(text)) && (filters.filterout === null || !filters.filterout.test(text));
    })
    .slice(0, filters.limit);
  const body = buildTopicFeed(
    {
      topic,
      items: withSources(ctx.config, items),
      baseUrl: ctx.baseUrl,
      ttlMinutes: Math.ceil(shortestIntervalMs(ctx.config) / 60_000),
      ...(items.length === 0 ? { emptyUpdated: ctx.store.stats().lastPollAt ?? new Date(0) } : {}),
      query,
    },
    format,
  );
  return rendered(body, FEED_CONTENT_TYPES[format], newest(items));
}

// renderIndex shows every topic with its latest items.
export function renderIndex(ctx: RenderContext): Rendered {
  const topics = ctx.config.topics.map((topic) => ({
    topic,
    items: withSources(ctx.config, ctx.store.queryItems({ topic: topic.id, limit: INDEX_ITEMS })),
  }));
  const body = buildIndexPage(topics, { links: pageLinks('server', 0), timezone: ctx.config.settings.timezone });
  return rendered(body, HTML, newest(topics.flatMap((t) => t.items.map((i) => i.item))));
}

// renderTopicPage shows one topic's newest items.
export function renderTopicPage(ctx: RenderContext, topic: TopicConfig, limit: number): Rendered {
  const items = ctx.store.queryItems({ topic: topic.id, limit });
  const body = buildTopicPage({ topic, items: withSources(ctx.config, items) }, { links: pageLinks('server', 1), timezone: ctx.config.settings.timezone });
  return rendered(body, HTML, newest(items));
}

// renderSources shows the configured sources with their poll state.
export function renderSources(ctx: RenderContext): Rendered {
  const states = new Map(ctx.store.sourceStates().map((s) => [s.id, s]));
  const rows = ctx.config.sources.map((config) => ({ config, state: states.get(config.id) ?? null }));
  const polled = rows.map((r) => r.state?.lastPollAt?.getTime() ?? 0);
  const last = Math.max(0, ...polled);
  const body = buildSourcesPage(rows, { links: pageLinks('server', 0), timezone: ctx.config.settings.timezone });
  return rendered(body, HTML, last === 0 ? null : new Date(last));
}

// renderOpml lists every topic feed for a one-step import.
export function renderOpml(ctx: RenderContext): Rendered {
  return rendered(buildOpml(ctx.config.topics, ctx.baseUrl), 'text/x-opml; charset=utf-8', null);
}

// renderApiItems answers /api/items with the `regionwire items --json` shape.
export function renderApiItems(ctx: RenderContext, items: readonly StoredItem[]): Rendered {
  return rendered(JSON.stringify(items.map(storedItemJson), null, 2) + '\n', 'application/json; charset=utf-8', newest(items));
}

// withSources pairs items with their source's name and feed URL (a removed source shows its id).
export function withSources(config: Config, items: readonly StoredItem[]): FeedItem[] {
  const sources = new Map<string, FeedSource>(config.sources.map((s) => [s.id, { id: s.id, name: s.name, url: s.url }]));
  return items.map((item) => ({ item, source: sources.get(item.source) ?? { id: item.source, name: item.source, url: null } }));
}

function newest(items: readonly StoredItem[]): Date | null {
  return items.length === 0 ? null : new Date(Math.max(...items.map((i) => entryTime(i).getTime())));
}
