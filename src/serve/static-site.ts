// Every page and feed as files, for `regionwire export` to put on any static web server.
import type { Config } from '../model.js';
import { buildIndexPage, buildSourcesPage, buildTopicPage } from '../publish/html-pages.js';
import { buildOpml } from '../publish/opml.js';
import { FEED_FORMATS, feedPath, pageLinks, topicPagePath } from '../publish/site-urls.js';
import { buildTopicFeed } from '../publish/topic-feed.js';
import type { Store } from '../store/open-store.js';
import { shortestIntervalMs, withSources } from './content.js';
import { DEFAULT_LIMIT } from './params.js';

const INDEX_ITEMS = 5;

// buildStaticSite maps relative file paths to contents. Pages link relatively (the site works under
// any path); feeds and OPML need absolute URLs, hence `baseUrl`, where the files will be served from.
export function buildStaticSite(store: Store, config: Config, baseUrl: string): Map<string, string> {
  const files = new Map<string, string>();
  const timezone = config.settings.timezone;
  const lastPoll = store.stats().lastPollAt ?? new Date(0);
  const ttlMinutes = Math.ceil(shortestIntervalMs(config) / 60_000);
  const topics = config.topics.map((topic) => ({ topic, items: withSources(config, store.queryItems({ topic: topic.id, limit: DEFAULT_LIMIT })) }));
  for (const { topic, items } of topics) {
    for (const format of FEED_FORMATS) {
      files.set(feedPath(topic.id, format), buildTopicFeed({ topic, items, baseUrl, ttlMinutes, style: 'static', emptyUpdated: lastPoll }, format));
    }
    files.set(topicPagePath(topic.id, 'static'), buildTopicPage({ topic, items }, { links: pageLinks('static', 1), timezone }));
  }
  const latest = topics.map((t) => ({ topic: t.topic, items: t.items.slice(0, INDEX_ITEMS) }));
  files.set('index.html', buildIndexPage(latest, { links: pageLinks('static', 0), timezone }));
  const states = new Map(store.sourceStates().map((s) => [s.id, s]));
  files.set('sources.html', buildSourcesPage(config.sources.map((c) => ({ config: c, state: states.get(c.id) ?? null })), { links: pageLinks('static', 0), timezone }));
  files.set('opml.xml', buildOpml(config.topics, baseUrl, 'static'));
  return files;
}
