// Namespace URIs the parser understands, and the prefixes feeds use for them without declaring.

export const NS = {
  xml: 'http://www.w3.org/XML/1998/namespace',
  atom10: 'http://www.w3.org/2005/Atom',
  atom03: 'http://purl.org/atom/ns#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rss10: 'http://purl.org/rss/1.0/',
  rss090: 'http://my.netscape.com/rdf/simple/0.9/',
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
  content: 'http://purl.org/rss/1.0/modules/content/',
  media: 'http://search.yahoo.com/mrss/',
  itunes: 'http://www.itunes.com/dtds/podcast-1.0.dtd',
  xhtml: 'http://www.w3.org/1999/xhtml',
} as const;

// RSS 0.9x/2.0 elements normally have no namespace, but some feeds put them in one of these.
const RSS_NAMESPACES = new Set<string>([
  '',
  NS.rss10,
  NS.rss090,
  'http://backend.userland.com/rss2',
  'http://backend.userland.com/rss',
  'http://blogs.law.harvard.edu/tech/rss',
]);

const ATOM_NAMESPACES = new Set<string>([NS.atom10, NS.atom03]);

// isRssNamespace tells whether a namespace URI is one RSS core elements may live in.
export function isRssNamespace(uri: string): boolean {
  return RSS_NAMESPACES.has(uri);
}

// isAtomNamespace tells whether a namespace URI is Atom 1.0 or Atom 0.3.
export function isAtomNamespace(uri: string): boolean {
  return ATOM_NAMESPACES.has(uri);
}

// isItunesNamespace matches the iTunes namespace, which Apple's own examples once spelled "DTDs/Podcast".
export function isItunesNamespace(uri: string): boolean {
  return uri.toLowerCase() === NS.itunes;
}

// isMediaNamespace matches Media RSS, also as declared without its trailing slash.
export function isMediaNamespace(uri: string): boolean {
  return uri === NS.media || uri === 'http://search.yahoo.com/mrss';
}

// Feeds often use these prefixes without an xmlns declaration; XML says that is an error, we guess.
export const KNOWN_PREFIXES: Readonly<Record<string, string>> = {
  xml: NS.xml,
  atom: NS.atom10,
  rdf: NS.rdf,
  dc: NS.dc,
  dcterms: NS.dcterms,
  content: NS.content,
  media: NS.media,
  itunes: NS.itunes,
  xhtml: NS.xhtml,
};
