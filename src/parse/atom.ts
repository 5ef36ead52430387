// Atom 1.0 (RFC 4287) and Atom 0.3 feeds and entries. 0.3 names differ: issued/modified/created
// for dates, tagline for the subtitle, and `mode` on text constructs (handled in text-construct.ts).
import type { FeedHead } from './feed-head.js';
import type { ItemParts, UrlRef } from './item-parts.js';
import { isImage, mediaElements, mediaImages } from './media.js';
import { isAtomNamespace, NS } from './namespaces.js';
import { readAtomText, readRssText, type TextValue } from './text-construct.js';
import { attr, child, elements, textContent, type XmlElement } from './xml-tree.js';

type NsTest = (ns: string) => boolean;

// Atom elements are in the Atom 1.0 or 0.3 namespace, but namespace-less <feed version="0.3">
// documents exist, and some invent their own namespace: accept the feed element's one too.
function atomTest(feed: XmlElement): NsTest {
  return (ns) => isAtomNamespace(ns) || ns === '' || ns === feed.ns;
}

// readAtomEntry collects the parts of an Atom <entry>; `feed` supplies inherited authors.
export function readAtomEntry(entry: XmlElement, feed: XmlElement): ItemParts {
  const isAtom = atomTest(feed);
  const atom = (el: XmlElement, local: string): XmlElement | null => child(el, isAtom, local);
  const atomText = (el: XmlElement, local: string): TextValue | null => textOf(atom(el, local));
  const authorNames = (el: XmlElement): string[] => names(el, isAtom);
  const id = atom(entry, 'id');
  const entryAuthors = authorNames(entry);
  // RFC 4287 §4.2.1: an entry without author inherits the one of its source, then of the feed.
  const source = atom(entry, 'source');
  const inherited = entryAuthors.length > 0 ? entryAuthors : [...(source === null ? [] : authorNames(source)), ...authorNames(feed)];
  const dcCreators = elements(entry, 'creator', (ns) => ns === NS.dc).map((el) => textContent(el));
  return {
    guid: id === null ? null : textContent(id).trim(),
    link: alternateLink(entry, isAtom),
    title: atomText(entry, 'title'),
    summary: atomText(entry, 'summary') ?? dcDescription(entry) ?? mediaDescription(entry),
    content: atomText(entry, 'content'),
    authors: inherited.length > 0 ? inherited : dcCreators,
    categories: categories(entry, isAtom),
    images: [...enclosureImages(entry, isAtom), ...mediaImages(entry)],
    published: dateText(entry, ['published', 'issued', 'created'], isAtom) ?? dcDate(entry),
    updated: dateText(entry, ['updated', 'modified'], isAtom),
  };
}

// readAtomHead reads the feed's title, alternate link, subtitle (tagline in 0.3) and xml:lang.
export function readAtomHead(feed: XmlElement): FeedHead {
  const isAtom = atomTest(feed);
  return {
    title: textOf(child(feed, isAtom, 'title')),
    link: alternateLink(feed, isAtom),
    description: textOf(child(feed, isAtom, 'subtitle')) ?? textOf(child(feed, isAtom, 'tagline')),
    language: feed.lang,
  };
}

function textOf(el: XmlElement | null): TextValue | null {
  return el === null ? null : readAtomText(el);
}

function dcDescription(el: XmlElement): TextValue | null {
  const found = child(el, NS.dc, 'description');
  return found === null ? null : readRssText(found, false);
}

function mediaDescription(el: XmlElement): TextValue | null {
  const found = mediaElements(el, 'description')[0];
  return found === undefined ? null : readRssText(found, attr(found, 'type')?.trim() === 'html');
}

// The link with rel="alternate" (the default rel), preferring an HTML one, else the first link.
function alternateLink(el: XmlElement, isAtom: NsTest): UrlRef | null {
  const links = elements(el, 'link', isAtom).filter((l) => linkHref(l) !== '');
  const alternates = links.filter((l) => (attr(l, 'rel')?.trim() || 'alternate') === 'alternate');
  const html = alternates.find((l) => /html/i.test(attr(l, 'type') ?? 'text/html'));
  const best = html ?? alternates[0];
  if (best === undefined) return null;
  return { href: linkHref(best), base: best.base };
}

// Some feeds write the address as the link's text instead of its href.
function linkHref(link: XmlElement): string {
  return (attr(link, 'href') ?? textContent(link)).trim();
}

function names(el: XmlElement, isAtom: NsTest): string[] {
  return elements(el, 'author', isAtom).flatMap((a) => {
    const name = child(a, isAtom, 'name');
    // No <name>: some feeds put the text directly in <author>.
    const text = name === null ? textContent(a) : textContent(name);
    return text.trim() === '' ? [] : [text];
  });
}

function categories(entry: XmlElement, isAtom: NsTest): string[] {
  const atomCategories = elements(entry, 'category', isAtom).map((c) => {
    // RFC 4287 §4.2.2: term is required, label is its human-readable form; Atom 0.3 used text.
    const term = attr(c, 'term')?.trim() || null;
    return term ?? attr(c, 'label') ?? textContent(c);
  });
  const subjects = elements(entry, 'subject', (ns) => ns === NS.dc).map((el) => textContent(el));
  return [...atomCategories, ...subjects];
}

function enclosureImages(entry: XmlElement, isAtom: NsTest): UrlRef[] {
  return elements(entry, 'link', isAtom).flatMap((l) => {
    const href = attr(l, 'href');
    return href !== null && attr(l, 'rel') === 'enclosure' && isImage(attr(l, 'type'), href) ? [{ href, base: l.base }] : [];
  });
}

function dateText(el: XmlElement, locals: readonly string[], isAtom: NsTest): string | null {
  for (const local of locals) {
    const found = child(el, isAtom, local);
    if (found !== null && textContent(found).trim() !== '') return textContent(found);
  }
  return null;
}

function dcDate(el: XmlElement): string | null {
  const found = child(el, NS.dc, 'date');
  return found === null ? null : textContent(found);
}
