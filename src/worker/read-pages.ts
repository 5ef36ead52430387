// readPages: the fetch → decode → page → dedupe part of a page source's poll, list page by list page.
import { decodeFeed } from '../decode/decode-feed.js';
import { contentHash, keyItems } from '../dedupe/item-key.js';
import { fetchFeed } from '../fetch/fetch-feed.js';
import type { FetchRequest, KeyedItem, PageConfig, PageItem, SeenItem, SourceConfig, SourceError, SourceState } from '../model.js';
import { settleDay } from '../page/dates.js';
import { readPage } from '../page/read-page.js';
import { readOk, sourceTrust, type ReadContext, type ReadResult } from './read-feed.js';

const PAGE_TOKEN = /\{page\}/g;

// readPages reads list pages 1…pages and keys their items as one batch, so an article that
// moved from page 1 to page 2 between two requests is still one item.
//
// It stops early at a page whose items are all known: boards list newest first, so the pages
// after it hold nothing new. A page past the board's last (no items, or an alert saying so)
// ends paging too; any other failure fails the whole poll, which is one outcome.
//
// Conditional GET: only page 1 is asked with the stored ETag / Last-Modified, and only its
// validators are stored. A 304 on page 1 makes the whole poll not-modified: a new item appears
// on page 1 first, so an unchanged page 1 means nothing new (an edit to an older item on page 2
// waits until page 1 changes). POST lists are never conditional.
export async function readPages(source: SourceConfig, state: SourceState | null, ctx: ReadContext): Promise<ReadResult> {
  const config = source.page;
  if (config === null) return failed({ kind: 'internal', message: `worker: source ${source.id} is type page without a page config — please report it` });
  const items: PageItem[] = [];
  let first: Extract<ReadResult, { status: 'ok' }> | null = null;
  for (let n = 1; n <= config.pages; n++) {
    const request = { ...pageRequest(source.url, config, n, n === 1 ? state : null), ...sourceTrust(source) };
    const fetched = await ctx.limiter.run(request.url, () => fetchFeed(request, ctx.fetchOptions));
    if (ctx.signal?.aborted) return { status: 'aborted' };
    if (fetched.status === 'failed') return failed(onPage(fetched.error, n, config), first?.permanentRedirect ?? fetched.permanentRedirect);
    if (fetched.status === 'not-modified') {
      if (first === null) return fetched;
      break;
    }
    const decoded = decodeFeed(fetched.body, { contentType: fetched.contentType, override: source.encoding });
    const page = readPage(decoded.text, { url: fetched.finalUrl, timezone: source.timezone, now: ctx.now, encoding: decoded.encoding, page: config });
    if (!page.ok) {
      if (first !== null && (page.reason === 'no-items' || page.reason === 'alert')) break;
      return failed(onPage(page.error, n, config), first?.permanentRedirect ?? fetched.permanentRedirect);
    }
    first ??= readOk([], fetched, decoded);
    items.push(...page.items);
    const keys = keyItems(page.items).map((item) => item.key);
    if (ctx.store.seenItems(source.id, keys).size === keys.length) break;
  }
  if (first === null) return failed({ kind: 'internal', message: 'worker: a page source read no page — please report it' });
  const keyed = keyItems(items);
  const seen = ctx.store.seenItems(source.id, keyed.map((item) => item.key));
  return { ...first, items: keyed.map((item) => settleKnownDay(item, seen.get(item.key), source.timezone)) };
}

// pageRequest puts page number n in place of {page} in the url and form values.
function pageRequest(url: string, config: PageConfig, n: number, state: SourceState | null): FetchRequest {
  const number = String(n);
  const form = Object.fromEntries(Object.entries(config.request.form).map(([name, value]) => [name, value.replace(PAGE_TOKEN, number)]));
  return {
    url: url.replace(PAGE_TOKEN, number),
    etag: state?.etag ?? null,
    lastModified: state?.lastModified ?? null,
    method: config.request.method,
    form,
    headers: config.request.headers,
    expect: 'page',
  };
}

// settleKnownDay gives a known date-only item the time it had when first stored, so polling it
// again the same day is not an edit. The page computed a new item's time from this poll's start.
function settleKnownDay(item: KeyedItem & Partial<Pick<PageItem, 'publishedDay'>>, seen: SeenItem | undefined, zone: string): KeyedItem {
  const day = item.publishedDay ?? null;
  if (day === null || seen?.fetched == null) return item;
  const stored = seen.published;
  const onDay = stored !== null && settleDay(day, stored, zone).getTime() === stored.getTime();
  const published = onDay ? stored : settleDay(day, seen.fetched, zone);
  if (published.getTime() === item.published?.getTime()) return item;
  const settled = { ...item, published };
  return { ...settled, contentHash: contentHash(settled, item.canonicalUrl) };
}

// onPage adds which list page failed, when a poll reads more than one.
function onPage(error: SourceError, n: number, config: PageConfig): SourceError {
  return config.pages === 1 ? error : { ...error, message: `${error.message} (list page ${n} of ${config.pages})` };
}

function failed(error: SourceError, permanentRedirect: string | null = null): ReadResult {
  return { status: 'failed', error, permanentRedirect };
}
