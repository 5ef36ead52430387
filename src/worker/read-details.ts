// readDetails: the detail step of a poll (issue 10), between reading the list and storing it:
// fetch → decode → detail (body, attachments) and page (published, author) for each item that needs it.
import { findAttachmentLinks } from '../detail/attachment-links.js';
import { extractArticle } from '../detail/extract-article.js';
import { textParagraphs } from '../detail/paragraphs.js';
import { decodeFeed } from '../decode/decode-feed.js';
import { fetchFeed } from '../fetch/fetch-feed.js';
import { STUB_BODY_CHARS, type DetailConfig, type DetailState, type DetailedItem, type ItemDetail, type KeyedItem, type SourceConfig } from '../model.js';
import { readDetailFields, type DetailFields } from '../page/read-detail-fields.js';
import type { Store } from '../store/open-store.js';
import { readAttachments, type AttachmentContext } from './read-attachments.js';
import { sourceTrust } from './read-feed.js';

export interface DetailContext extends AttachmentContext {
  readonly store: Pick<Store, 'detailStates' | 'seenItems'>;
  readonly now: Date;
  readonly signal?: AbortSignal;
}

export interface DetailsRead {
  /** The poll's items, those whose page was read (or is due later) carrying `detail`. */
  readonly items: (KeyedItem | DetailedItem)[];
  readonly warning: string | null;
}

/** A page that failed this many times in a row (for one version of the item) is not asked again. */
export const MAX_TRIES = 3;
const WARNINGS_SHOWN = 5;

type Due = 'new' | 'edited' | 'retry' | 'pending';

const PENDING: ItemDetail = { status: 'pending', tries: 0, error: null, etag: null, lastModified: null, body: null, bodyLength: 0, fullContent: null, attachments: [] };

// readDetails reads the pages of new and edited items, and retries failed and pending ones, up to
// max_per_poll in list order; the rest are marked pending and wait for the next poll. Items of a
// source without `detail:` pass through untouched. It never throws: a failure is on the item.
export async function readDetails(source: SourceConfig, items: KeyedItem[], ctx: DetailContext): Promise<DetailsRead> {
  const config = source.detail ?? null;
  if (config === null || items.length === 0) return { items, warning: null };
  const keys = items.map((item) => item.key);
  const states = ctx.store.detailStates(source.id, keys);
  const seen = ctx.store.seenItems(source.id, keys);
  let budget = config.maxPerPoll;
  const warnings: string[] = [];
  const out: (KeyedItem | DetailedItem)[] = [];
  for (const item of items) {
    const state = states.get(item.key);
    const due = dueOf(item, state, seen.has(item.key));
    if (due === null || item.url === null) out.push(item);
    else if (budget === 0 || ctx.signal?.aborted) out.push(due === 'new' || due === 'edited' ? { ...item, detail: PENDING } : item);
    else {
      budget--;
      const read = await readDetail(item, item.url, source, config, state, due, ctx);
      warnings.push(...read.warnings);
      out.push(read.item);
    }
  }
  return { items: out, warning: summarize(warnings) };
}

// An item stored before its source had detail: (status null) is not fetched until it is edited;
// a key seen but not stored is a pruned item, old news.
function dueOf(item: KeyedItem, state: DetailState | undefined, seen: boolean): Due | null {
  if (state === undefined) return seen ? null : 'new';
  if (state.contentHash !== item.contentHash) return 'edited';
  if (state.status === 'pending') return 'pending';
  if (state.status === 'failed' && state.tries < MAX_TRIES) return 'retry';
  return null;
}

interface Read {
  readonly item: KeyedItem | DetailedItem;
  readonly warnings: readonly string[];
}

async function readDetail(item: KeyedItem, url: string, source: SourceConfig, config: DetailConfig, state: DetailState | undefined, due: Due, ctx: DetailContext): Promise<Read> {
  const tries = due === 'retry' ? (state?.tries ?? 0) : 0;
  // Only an edited item that was read before can be asked conditionally: we keep what a 304 means.
  const prior = due === 'edited' && state?.status === 'ok' && state.body !== null ? state : null;
  const request = {
    url,
    etag: prior?.etag ?? null,
    lastModified: prior?.lastModified ?? null,
    ...sourceTrust(source),
    headers: source.page?.request.headers ?? {},
    expect: 'page' as const,
  };
  const fetched = await ctx.limiter.run(url, () => fetchFeed(request, ctx.fetchOptions));
  if (fetched.status === 'failed') return failed(item, tries, fetched.error.message);
  if (fetched.status === 'not-modified') {
    if (prior === null) return failed(item, tries, `fetch: ${url} answered 304 Not Modified to a request without validators`);
    const detail = { ...PENDING, status: 'ok' as const, etag: fetched.etag ?? prior.etag, lastModified: fetched.lastModified ?? prior.lastModified, body: prior.body, bodyLength: prior.bodyLength, attachments: prior.attachments };
    return { item: withDetail(item, detail, null), warnings: [] };
  }
  const decoded = decodeFeed(fetched.body, { contentType: fetched.contentType, override: source.encoding });
  const article = extractArticle(decoded.text, fetched.finalUrl, { content: config.content, remove: config.remove });
  if (!article.ok) return failed(item, tries, `${article.error.message} (${url})`);
  const fields = readDetailFields(decoded.text, { published: config.published, author: config.author, timezone: source.timezone, now: ctx.now });
  const links = config.attachments === null ? { links: [], warnings: [] } : findAttachmentLinks(decoded.text, fetched.finalUrl, config.attachments, decoded.encoding);
  const files = await readAttachments(links.links, source, ctx);
  const detail = { ...PENDING, status: 'ok' as const, etag: fetched.etag, lastModified: fetched.lastModified, body: article.html, bodyLength: article.textLength, attachments: files.attachments };
  return { item: withDetail(item, detail, fields), warnings: [...links.warnings, ...files.warnings] };
}

// withDetail puts what the page gave into the item: content is the body, or the first attachment's
// text when the body is a stub; search, topics and stories read the body (unless a stub) and every attachment.
function withDetail(item: KeyedItem, detail: ItemDetail, fields: DetailFields | null): DetailedItem {
  const texts = detail.attachments.flatMap((a) => (a.text === null ? [] : [textParagraphs(a.text)]));
  const stub = detail.bodyLength < STUB_BODY_CHARS;
  const content = stub && texts[0] !== undefined ? texts[0] : detail.body;
  const fullContent = [stub ? '' : (detail.body ?? ''), ...texts].filter((part) => part !== '').join('\n');
  return {
    ...item,
    content,
    author: fields?.author ?? item.author,
    published: fields?.published ?? item.published,
    detail: { ...detail, fullContent },
  };
}

// failed keeps what the list gave and counts the try; after MAX_TRIES the page is left alone.
function failed(item: KeyedItem, tries: number, message: string): Read {
  const count = tries + 1;
  const next = count >= MAX_TRIES ? `gave up after ${MAX_TRIES} tries; the item keeps the list's text` : 'tried again at the next poll';
  return { item: { ...item, detail: { ...PENDING, status: 'failed', tries: count, error: message } }, warnings: [`${message} — ${next}`] };
}

function summarize(warnings: readonly string[]): string | null {
  if (warnings.length === 0) return null;
  const more = warnings.length > WARNINGS_SHOWN ? `; and ${warnings.length - WARNINGS_SHOWN} more` : '';
  return `detail: ${warnings.slice(0, WARNINGS_SHOWN).join('; ')}${more}`;
}
