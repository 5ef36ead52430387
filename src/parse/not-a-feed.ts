// Explains a body that is not a feed: an HTML page (listing the feeds it advertises, so the user can
// pick one), JSON, or XML with another root element.
import { decodeHTML } from 'entities';
import { resolveUrl } from '../shared/urls.js';

const FEED_TYPES = new Set(['application/rss+xml', 'application/atom+xml', 'application/rdf+xml']);

// looksLikeHtmlPage tells whether a body is an HTML document rather than XML.
export function looksLikeHtmlPage(text: string): boolean {
  const head = text.slice(0, 4096).replace(/^[\uFEFF\s]+/, '').replace(/^(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*)*/, '');
  return /^<(?:!DOCTYPE\s+html\b|html\b|head\b|body\b)/i.test(head);
}

// feedAlternates lists <link rel="alternate" type="application/rss+xml|atom+xml"> hrefs, absolute.
function feedAlternates(html: string, pageUrl: string): string[] {
  const baseHref = /<base\b[^>]*>/i.exec(html)?.[0];
  const base = (baseHref === undefined ? null : attributes(baseHref).get('href')) ?? null;
  const resolvedBase = base === null ? pageUrl : resolveUrl(base, pageUrl) ?? pageUrl;
  const out: string[] = [];
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const attrs = attributes(tag);
    const rel = (attrs.get('rel') ?? '').toLowerCase().split(/\s+/);
    const type = (attrs.get('type') ?? '').trim().toLowerCase();
    const href = attrs.get('href');
    if (!rel.includes('alternate') || !FEED_TYPES.has(type) || href === undefined) continue;
    const url = resolveUrl(href, resolvedBase);
    if (url !== null && !out.includes(url)) out.push(url);
  }
  return out;
}

// notAFeedMessage says what the body is instead of a feed and what to do about it.
export function notAFeedMessage(text: string, pageUrl: string, rootName: string | null): string {
  if (looksLikeHtmlPage(text)) {
    const alternates = feedAlternates(text, pageUrl);
    if (alternates.length === 0) {
      return 'parse: got an HTML page, not a feed, and it advertises no feed; find the site\'s RSS or Atom address and use it as the source url';
    }
    return `parse: got an HTML page, not a feed; it advertises ${alternates.length === 1 ? 'this feed' : 'these feeds'}: ${alternates.join(' ')} — use one as the source url`;
  }
  if (/^[\uFEFF\s]*[[{]/.test(text)) {
    return 'parse: got JSON, not RSS or Atom (JSON Feed is not supported); use the site\'s RSS or Atom feed as the source url';
  }
  if (rootName !== null) {
    return `parse: the document element is <${rootName}>, not <rss>, <rdf:RDF> or <feed>; check that the source url points at a feed`;
  }
  return 'parse: the body is not a feed; check that the source url points at an RSS or Atom feed';
}

function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([^\s=<>"'/]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g)) {
    const name = m[1]?.toLowerCase();
    if (name !== undefined && !out.has(name)) out.set(name, decodeHTML(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return out;
}
