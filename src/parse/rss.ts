// RSS 0.9x, 1.0 (RDF) and 2.0 channels and items, with the Dublin Core, content, Media RSS and
// iTunes elements Korean and other feeds use in place of the core ones.
import type { FeedHead } from './feed-head.js';
import type { ItemParts, UrlRef } from './item-parts.js';
import { isImage, mediaElements, mediaImages } from './media.js';
import { isItunesNamespace, isRssNamespace, NS } from './namespaces.js';
import { readRssText, type TextValue } from './text-construct.js';
import { attr, child, elements, textContent, type XmlElement } from './xml-tree.js';

const isDc = (ns: string): boolean => ns === NS.dc;

// readRssItem collects the parts of an RSS <item>.
export function readRssItem(item: XmlElement): ItemParts {
  const guidEl = rss(item, 'guid');
  const guid = guidEl === null ? attr(item, 'about', NS.rdf) : textContent(guidEl).trim();
  return {
    guid,
    link: itemLink(item, guidEl),
    title: rssText(item, 'title', false) ?? dcText(item, 'title') ?? mediaText(item, 'title'),
    summary: summaryText(item),
    content: contentText(item) ?? (rss(item, 'summary') === null ? null : rssText(item, 'description', true)),
    authors: authors(item),
    categories: categories(item),
    images: [...enclosureImages(item), ...mediaImages(item)],
    published: firstText(item, [['', 'pubDate'], [NS.dc, 'date'], [NS.dcterms, 'issued'], [NS.dcterms, 'created']]),
    updated: firstText(item, [[NS.dcterms, 'modified'], [NS.atom10, 'updated']]),
  };
}

// readRssHead reads the channel's title, link, description and language.
export function readRssHead(channel: XmlElement | null, root: XmlElement): FeedHead {
  if (channel === null) return { title: null, link: null, description: null, language: root.lang };
  const link = rss(channel, 'link');
  const language = rss(channel, 'language') ?? child(channel, isDc, 'language');
  return {
    title: rssText(channel, 'title', false) ?? dcText(channel, 'title'),
    link: link === null ? atomAlternate(channel) : { href: textContent(link), base: link.base },
    description: rssText(channel, 'description', true) ?? dcText(channel, 'description'),
    language: language === null ? channel.lang : textContent(language).trim() || channel.lang,
  };
}

// Core RSS element by local name; hand-written feeds sometimes capitalise them (<Title>), so a
// case-insensitive match is the fallback.
function rss(el: XmlElement, local: string): XmlElement | null {
  const exact = child(el, isRssNamespace, local);
  if (exact !== null) return exact;
  const lower = local.toLowerCase();
  return elements(el, undefined, isRssNamespace).find((c) => c.local.toLowerCase() === lower) ?? null;
}

function rssText(el: XmlElement, local: string, html: boolean): TextValue | null {
  const found = rss(el, local);
  return found === null ? null : readRssText(found, html);
}

function dcText(el: XmlElement, local: string): TextValue | null {
  const found = child(el, isDc, local);
  return found === null ? null : readRssText(found, false);
}

// A non-standard <summary> beside <description> is the publisher telling the short text apart
// from the body: it is the summary, and the description becomes the content (see readRssItem).
function summaryText(item: XmlElement): TextValue | null {
  return (
    rssText(item, 'summary', true) ??
    rssText(item, 'description', true) ??
    dcText(item, 'description') ??
    itunesText(item, 'summary') ??
    mediaText(item, 'description')
  );
}

function itunesText(el: XmlElement, local: string): TextValue | null {
  const found = child(el, isItunesNamespace, local);
  return found === null ? null : readRssText(found, false);
}

// Media RSS title/description: type="html" says HTML, the default is plain.
function mediaText(item: XmlElement, local: string): TextValue | null {
  const found = mediaElements(item, local)[0];
  return found === undefined ? null : readRssText(found, attr(found, 'type')?.trim() === 'html');
}

// content:encoded, else the older full-text elements: xhtml:body, <body> and Moreover's <fullitem>.
function contentText(item: XmlElement): TextValue | null {
  const found =
    child(item, NS.content, 'encoded') ?? child(item, NS.xhtml, 'body') ?? rss(item, 'body') ?? rss(item, 'fullitem');
  return found === null ? null : readRssText(found, true, true);
}

function itemLink(item: XmlElement, guidEl: XmlElement | null): UrlRef | null {
  const link = rss(item, 'link');
  if (link !== null && textContent(link).trim() !== '') return { href: textContent(link), base: link.base };
  const alternate = atomAlternate(item);
  if (alternate !== null) return alternate;
  // RSS 2.0: a guid is a permalink unless isPermaLink="false".
  if (guidEl !== null && attr(guidEl, 'isPermaLink')?.trim().toLowerCase() !== 'false') {
    return { href: textContent(guidEl), base: guidEl.base };
  }
  const about = attr(item, 'about', NS.rdf);
  return about === null ? null : { href: about, base: item.base };
}

function atomAlternate(el: XmlElement): UrlRef | null {
  for (const l of elements(el, 'link', (ns) => ns === NS.atom10)) {
    const href = attr(l, 'href');
    const rel = attr(l, 'rel') ?? 'alternate';
    if (href !== null && rel === 'alternate') return { href, base: l.base };
  }
  return null;
}

function authors(item: XmlElement): string[] {
  const sources = [
    elements(item, 'author', isRssNamespace),
    elements(item, 'creator', isDc),
    elements(item, 'author', isDc),
    elements(item, 'author', isItunesNamespace),
  ];
  const found = sources.find((list) => list.length > 0) ?? [];
  return found.map((el) => textContent(el));
}

function categories(item: XmlElement): string[] {
  const out = [
    ...elements(item, 'category', isRssNamespace),
    ...elements(item, 'subject', isDc),
    ...mediaElements(item, 'category'),
  ].map((el) => textContent(el));
  // iTunes categories are attributes and nest: <itunes:category text="A"><itunes:category text="B"/>.
  const itunes = (el: XmlElement): void => {
    for (const c of elements(el, 'category', isItunesNamespace)) {
      const text = attr(c, 'text');
      if (text !== null) out.push(text);
      itunes(c);
    }
  };
  itunes(item);
  return out;
}

function enclosureImages(item: XmlElement): UrlRef[] {
  return elements(item, 'enclosure', isRssNamespace).flatMap((e) => {
    const url = attr(e, 'url');
    return url !== null && isImage(attr(e, 'type'), url) ? [{ href: url, base: e.base }] : [];
  });
}

function firstText(el: XmlElement, names: readonly (readonly [string, string])[]): string | null {
  for (const [ns, local] of names) {
    const found = ns === '' ? rss(el, local) : child(el, ns, local);
    if (found !== null && textContent(found).trim() !== '') return textContent(found);
  }
  return null;
}
