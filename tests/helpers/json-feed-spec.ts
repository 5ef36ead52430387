// The rules of JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) as a checker, since no
// reference validator exists for it. Written from the spec's text; the tests have no network.

const FEED_KEYS = new Set(['version', 'title', 'home_page_url', 'feed_url', 'description', 'user_comment', 'next_url', 'icon', 'favicon', 'authors', 'author', 'language', 'expired', 'hubs', 'items']);
const ITEM_KEYS = new Set(['id', 'url', 'external_url', 'title', 'content_html', 'content_text', 'summary', 'image', 'banner_image', 'date_published', 'date_modified', 'authors', 'author', 'tags', 'language', 'attachments']);
const FEED_URLS = ['home_page_url', 'feed_url', 'next_url', 'icon', 'favicon'];
const ITEM_URLS = ['url', 'external_url', 'image', 'banner_image'];
const FEED_STRINGS = ['title', 'description', 'user_comment', 'language', ...FEED_URLS];
const ITEM_STRINGS = ['title', 'content_html', 'content_text', 'summary', 'language', 'date_published', 'date_modified', ...ITEM_URLS];
// RFC 3339 §5.6 date-time: full date, "T", time with seconds, optional fraction, Z or ±hh:mm.
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
// RFC 5646 language tag, the common shape (language, then subtags).
const LANGUAGE = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;
// "Publishers can use custom objects … Names must start with an _ character followed by a letter."
const EXTENSION = /^_[A-Za-z]/;

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function isAbsoluteUrl(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  try {
    const url = new URL(v);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

// checkJsonFeed lists every way `feed` breaks JSON Feed 1.1; an empty list means it keeps the rules.
export function checkJsonFeed(feed: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(feed)) return ['the document is not a JSON object'];
  if (feed.version !== 'https://jsonfeed.org/version/1.1') problems.push(`version is ${JSON.stringify(feed.version)}, not the 1.1 URL`);
  if (typeof feed.title !== 'string' || feed.title === '') problems.push('title (required) is missing or not a string');
  problems.push(...checkKeys(feed, FEED_KEYS, 'feed'), ...checkStrings(feed, FEED_STRINGS, 'feed'), ...checkUrls(feed, FEED_URLS, 'feed'));
  if (feed.language !== undefined && !LANGUAGE.test(String(feed.language))) problems.push(`feed language ${String(feed.language)} is not an RFC 5646 tag`);
  if (feed.expired !== undefined && typeof feed.expired !== 'boolean') problems.push('expired is not a boolean');
  problems.push(...checkAuthors(feed, 'feed'));
  if (feed.hubs !== undefined && !(Array.isArray(feed.hubs) && feed.hubs.every((h) => isObject(h) && typeof h.type === 'string' && typeof h.url === 'string'))) {
    problems.push('hubs is not an array of {type, url}');
  }
  if (!Array.isArray(feed.items)) return [...problems, 'items (required) is not an array'];
  const ids = new Set<string>();
  feed.items.forEach((item, i) => {
    const where = `items[${i}]`;
    if (!isObject(item)) return void problems.push(`${where} is not an object`);
    if (typeof item.id !== 'string' || item.id === '') problems.push(`${where}.id (required) is not a non-empty string`);
    else if (ids.has(item.id)) problems.push(`${where}.id ${item.id} is not unique`);
    else ids.add(item.id);
    if (typeof item.content_html !== 'string' && typeof item.content_text !== 'string') problems.push(`${where} has neither content_html nor content_text`);
    problems.push(...checkKeys(item, ITEM_KEYS, where), ...checkStrings(item, ITEM_STRINGS, where), ...checkUrls(item, ITEM_URLS, where));
    for (const key of ['date_published', 'date_modified']) {
      if (item[key] !== undefined && !RFC3339.test(String(item[key]))) problems.push(`${where}.${key} ${String(item[key])} is not RFC 3339`);
    }
    if (item.tags !== undefined && !(Array.isArray(item.tags) && item.tags.every((t) => typeof t === 'string'))) problems.push(`${where}.tags is not an array of strings`);
    problems.push(...checkAuthors(item, where), ...checkAttachments(item, where));
  });
  return problems;
}

function checkKeys(obj: Json, known: ReadonlySet<string>, where: string): string[] {
  return Object.keys(obj).filter((k) => !known.has(k) && !EXTENSION.test(k)).map((k) => `${where} has unknown key ${k} (extensions start with _ and a letter)`);
}

function checkStrings(obj: Json, keys: readonly string[], where: string): string[] {
  return keys.filter((k) => obj[k] !== undefined && typeof obj[k] !== 'string').map((k) => `${where}.${k} is not a string`);
}

function checkUrls(obj: Json, keys: readonly string[], where: string): string[] {
  return keys.filter((k) => obj[k] !== undefined && !isAbsoluteUrl(obj[k])).map((k) => `${where}.${k} ${String(obj[k])} is not an absolute http(s) URL`);
}

// An author object has name, url or avatar (at least one); 1.1 writes them as `authors`, and
// keeps the 1.0 `author` object allowed for older readers.
function checkAuthors(obj: Json, where: string): string[] {
  const problems: string[] = [];
  const one = (a: unknown, at: string): void => {
    if (!isObject(a)) return void problems.push(`${at} is not an object`);
    if (a.name === undefined && a.url === undefined && a.avatar === undefined) problems.push(`${at} has none of name, url, avatar`);
    if (a.name !== undefined && (typeof a.name !== 'string' || a.name === '')) problems.push(`${at}.name is not a non-empty string`);
    for (const k of ['url', 'avatar']) if (a[k] !== undefined && !isAbsoluteUrl(a[k])) problems.push(`${at}.${k} is not an absolute URL`);
    problems.push(...checkKeys(a, new Set(['name', 'url', 'avatar']), at));
  };
  if (obj.authors !== undefined) {
    if (!Array.isArray(obj.authors) || obj.authors.length === 0) problems.push(`${where}.authors is not a non-empty array`);
    else obj.authors.forEach((a, i) => one(a, `${where}.authors[${i}]`));
  }
  if (obj.author !== undefined) one(obj.author, `${where}.author`);
  return problems;
}

function checkAttachments(item: Json, where: string): string[] {
  if (item.attachments === undefined) return [];
  if (!Array.isArray(item.attachments)) return [`${where}.attachments is not an array`];
  return item.attachments.flatMap((a, i) => {
    const at = `${where}.attachments[${i}]`;
    if (!isObject(a)) return [`${at} is not an object`];
    const out: string[] = [];
    if (!isAbsoluteUrl(a.url)) out.push(`${at}.url (required) is not an absolute URL`);
    if (typeof a.mime_type !== 'string' || !/^[\w.+-]+\/[\w.+-]+/.test(a.mime_type)) out.push(`${at}.mime_type (required) is not a MIME type`);
    if (a.title !== undefined && typeof a.title !== 'string') out.push(`${at}.title is not a string`);
    for (const k of ['size_in_bytes', 'duration_in_seconds']) if (a[k] !== undefined && typeof a[k] !== 'number') out.push(`${at}.${k} is not a number`);
    return out;
  });
}
