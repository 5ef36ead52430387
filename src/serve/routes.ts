// The URL space: which route a path names, and how each cached route renders.
import type { Config } from '../model.js';
import type { FeedFormat } from '../publish/site-urls.js';
import { findTopic, renderApiItems, renderApiStories, renderFeed, renderIndex, renderOpml, renderSources, renderTopicPage, shortestIntervalMs, type RenderContext } from './content.js';
import { HttpError, canonicalQuery, parseFeedFilters, parseLimit, parseSinceParam, parseSources } from './params.js';
import type { Rendered } from './render-cache.js';
import { storiesWanted } from './story-view.js';

export type RouteMatch =
  | { readonly kind: 'index' | 'sources' | 'opml' | 'api' | 'api-stories' | 'health' | 'metrics'; readonly label: string }
  | { readonly kind: 'feed'; readonly label: string; readonly id: string; readonly format: FeedFormat }
  | { readonly kind: 'page'; readonly label: string; readonly id: string };

// A Map, not an object literal: a miss (every topic path) then costs no prototype-chain lookup.
const FIXED = new Map<string, RouteMatch>([
  ['/', { kind: 'index', label: '/' }],
  ['/sources', { kind: 'sources', label: '/sources' }],
  ['/opml', { kind: 'opml', label: '/opml' }],
  ['/api/items', { kind: 'api', label: '/api/items' }],
  ['/api/stories', { kind: 'api-stories', label: '/api/stories' }],
  ['/healthz', { kind: 'health', label: '/healthz' }],
  ['/metrics', { kind: 'metrics', label: '/metrics' }],
]);

/** Parameters that change a response; anything else (cache busters) shares the cache entry. */
const PARAMS = ['limit', 'filter', 'filterout', 'filter_time', 'topic', 'source', 'q', 'since', 'stories'];

// matchRoute names the route of a path, or null (404); labels are patterns, to bound metric labels.
export function matchRoute(path: string): RouteMatch | null {
  const fixed = FIXED.get(path);
  if (fixed !== undefined) return fixed;
  const m = /^\/topics\/([^/]+?)(?:\.(rss|atom|json))?$/.exec(path);
  if (m?.[1] === undefined) return null;
  let id: string;
  try {
    id = decodeURIComponent(m[1]);
  } catch {
    throw new HttpError(400, 'the topic id in the path is not valid percent-encoding');
  }
  const format = m[2] as FeedFormat | undefined;
  return format === undefined ? { kind: 'page', label: '/topics/:id', id } : { kind: 'feed', label: `/topics/:id.${format}`, id, format };
}

// cacheKey identifies a cached rendering: route, relevant parameters and the base URL in links.
export function cacheKey(route: RouteMatch, query: URLSearchParams, baseUrl: string): string {
  const id = 'id' in route ? route.id : '';
  return `${route.label}|${id}|${baseUrl}|${canonicalQuery(query, PARAMS)}`;
}

// renderRoute builds a cached route's response; bad parameters and unknown topics throw HttpError.
export function renderRoute(route: RouteMatch, ctx: RenderContext, query: URLSearchParams): Rendered {
  switch (route.kind) {
    case 'index':
      return renderIndex(ctx, storiesWanted(query));
    case 'sources':
      return renderSources(ctx);
    case 'opml':
      return renderOpml(ctx);
    case 'page':
      return renderTopicPage(ctx, findTopic(ctx.config, route.id), parseLimit(query), storiesWanted(query));
    case 'feed': {
      const topic = findTopic(ctx.config, route.id);
      return renderFeed(ctx, topic, route.format, parseFeedFilters(query), canonicalQuery(query, PARAMS), storiesWanted(query));
    }
    case 'api':
      return renderApiItems(ctx, apiItems(ctx, query));
    case 'api-stories':
      return renderApiStories(ctx, apiStories(ctx, query));
    default:
      throw new Error(`serve: ${route.kind} is not a cached route`);
  }
}

function apiItems(ctx: RenderContext, query: URLSearchParams) {
  const topic = query.get('topic');
  if (topic !== null) findTopic(ctx.config, topic);
  const sources = parseSources(query);
  const since = query.get('since');
  const search = query.get('q');
  return ctx.store.withAttachments(ctx.store.queryItems({
    ...(topic !== null ? { topic } : {}),
    ...(sources ? { sources } : {}),
    ...(since !== null ? { since: parseSinceParam(since, ctx.config.settings.timezone) } : {}),
    ...(search ? { search } : {}),
    limit: parseLimit(query),
  }));
}

function apiStories(ctx: RenderContext, query: URLSearchParams) {
  const topic = query.get('topic');
  if (topic !== null) findTopic(ctx.config, topic);
  const since = query.get('since');
  return ctx.store.queryStories({
    ...(topic !== null ? { topic } : {}),
    ...(since !== null ? { since: parseSinceParam(since, ctx.config.settings.timezone) } : {}),
    limit: parseLimit(query),
  });
}

// cacheSeconds is Cache-Control max-age: a third of the shortest polling interval, 1 to 15 minutes.
export function cacheSeconds(config: Config): number {
  return Math.max(60, Math.min(900, Math.floor(shortestIntervalMs(config) / 3000)));
}
