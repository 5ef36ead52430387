// Where each published thing lives, on the server and in a static export.

export type FeedFormat = 'rss' | 'atom' | 'json';
export const FEED_FORMATS: readonly FeedFormat[] = ['rss', 'atom', 'json'];

/** 'server': pages at /topics/ID; 'static' (regionwire export): pages at topics/ID.html. */
export type SiteStyle = 'server' | 'static';

export const FEED_LABELS: Record<FeedFormat, string> = { rss: 'RSS', atom: 'Atom', json: 'JSON Feed' };
export const FEED_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  json: 'application/feed+json',
};

// joinUrl appends a site-relative path to the base URL, which may itself have a path (behind a proxy).
export function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

// feedPath is a topic feed's path relative to the site root; the same in both styles.
export function feedPath(topicId: string, format: FeedFormat): string {
  return `topics/${encodeURIComponent(topicId)}.${format}`;
}

// topicPagePath is a topic page's path relative to the site root.
export function topicPagePath(topicId: string, style: SiteStyle): string {
  return `topics/${encodeURIComponent(topicId)}${style === 'static' ? '.html' : ''}`;
}

/** Links as written inside one HTML page: relative to that page, so a site works under any path. */
export interface PageLinks {
  readonly home: string;
  readonly sources: string;
  readonly opml: string;
  topicPage(id: string): string;
  feed(id: string, format: FeedFormat): string;
}

// pageLinks gives the links for a page `depth` folders below the site root (0: index, 1: topics/).
export function pageLinks(style: SiteStyle, depth: 0 | 1): PageLinks {
  const up = depth === 0 ? './' : '../';
  const html = style === 'static' ? '.html' : '';
  return {
    home: style === 'static' ? `${up}index.html` : up,
    sources: `${up}sources${html}`,
    opml: style === 'static' ? `${up}opml.xml` : `${up}opml`,
    topicPage: (id) => up + topicPagePath(id, style),
    feed: (id, format) => up + feedPath(id, format),
  };
}
