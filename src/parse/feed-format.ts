// Feed format detection from the document element: RSS by version, RDF by the namespace of its
// channel (RSS 0.90 or 1.0), Atom by namespace or, for namespace-less documents, by version.
import type { FeedFormat } from '../model.js';
import { isAtomNamespace, isRssNamespace, NS } from './namespaces.js';
import { child, elements, type XmlElement } from './xml-tree.js';

export type FeedKind = 'rss' | 'atom';

export interface FeedShape {
  readonly format: FeedFormat;
  readonly kind: FeedKind;
  /** RSS channel (null when missing), or the Atom feed element. */
  readonly channel: XmlElement | null;
  readonly items: readonly XmlElement[];
}

// detectFeed recognises RSS/RDF/Atom documents and locates their channel and items, or gives null.
export function detectFeed(root: XmlElement): FeedShape | null {
  if (root.local === 'rss' && isRssNamespace(root.ns)) {
    const channel = child(root, isRssNamespace, 'channel');
    // Items belong inside <channel>, but some generators put them beside it.
    const items = [...(channel === null ? [] : elements(channel, 'item', isRssNamespace)), ...elements(root, 'item', isRssNamespace)];
    return { format: rssVersion(root), kind: 'rss', channel, items };
  }
  if (root.local === 'RDF' && (root.ns === NS.rdf || root.ns.startsWith('urn:x-undeclared-prefix:'))) {
    const channel = child(root, isRssNamespace, 'channel');
    const items = elements(root, 'item', isRssNamespace);
    const ns = channel?.ns ?? items[0]?.ns ?? NS.rss10;
    return { format: ns === NS.rss090 ? 'rss090' : 'rss10', kind: 'rss', channel, items };
  }
  // Any namespace: feeds that invent one for Atom exist, and a <feed> root is not much else.
  if (root.local === 'feed') {
    const version = root.attrs.find((a) => a.local === 'version' && a.ns === '')?.value.trim();
    const format: FeedFormat = root.ns === NS.atom03 || (root.ns === '' && version?.startsWith('0.')) ? 'atom03' : 'atom10';
    const items = elements(root, 'entry', (ns) => ns === root.ns || isAtomNamespace(ns));
    return { format, kind: 'atom', channel: root, items };
  }
  return null;
}

function rssVersion(root: XmlElement): FeedFormat {
  const version = root.attrs.find((a) => a.local === 'version' && a.ns === '')?.value.trim() ?? '';
  if (version === '0.90') return 'rss090';
  if (version === '0.91') return 'rss091';
  if (/^0\.9[2-4]/.test(version)) return 'rss092';
  // "2.0", "2.0.1", and the many feeds with no version at all.
  return 'rss20';
}
