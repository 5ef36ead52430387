// readFeed: the fetch → decode → parse → dedupe part of a feed source's poll.
import { keyItems } from '../dedupe/item-key.js';
import { fetchFeed } from '../fetch/fetch-feed.js';
import type { DecodedBody, FetchOptions, FetchResult, KeyedItem, SourceConfig, SourceError, SourceState, SourceTls } from '../model.js';
import type { Limiter } from '../fetch/limiter.js';
import type { Store } from '../store/open-store.js';

/** What reading a source gave, before classify and store: one outcome for the whole poll. */
export type ReadResult =
  | { readonly status: 'failed'; readonly error: SourceError; readonly permanentRedirect: string | null }
  | { readonly status: 'not-modified'; readonly etag: string | null; readonly lastModified: string | null; readonly permanentRedirect: string | null }
  | {
      readonly status: 'ok';
      /** The poll's own array: pollSource empties it chunk by chunk as a large poll is stored. */
      readonly items: KeyedItem[];
      readonly etag: string | null;
      readonly lastModified: string | null;
      readonly httpStatus: number | null;
      readonly encoding: string;
      readonly warning: string | null;
      readonly permanentRedirect: string | null;
    }
  /** Shutdown began while the source was read: nothing may be written. */
  | { readonly status: 'aborted' };

/** What a reader needs of the poll's context. */
export interface ReadContext {
  readonly store: Pick<Store, 'seenItems'>;
  readonly fetchOptions: FetchOptions;
  readonly limiter: Limiter;
  readonly now: Date;
  readonly signal?: AbortSignal;
}

// readFeed fetches a feed (conditionally, with the stored validators) and keys its items.
export async function readFeed(source: SourceConfig, state: SourceState | null, ctx: ReadContext): Promise<ReadResult> {
  const request = {
    url: source.url,
    etag: state?.etag ?? null,
    lastModified: state?.lastModified ?? null,
    ...sourceTrust(source),
  };
  const fetched = await ctx.limiter.run(source.url, () => fetchFeed(request, ctx.fetchOptions));
  if (ctx.signal?.aborted) return { status: 'aborted' };
  if (fetched.status !== 'ok') return fetched;
  // The decode and parse stages (and the HTML sanitiser they bring) load on the first 200: a pass
  // of 304s never needs them, and loading them took about 0.15 s of its 2 s as a command (issue 11).
  const [{ decodeFeed }, { parseFeed }] = await Promise.all([import('../decode/decode-feed.js'), import('../parse/parse-feed.js')]);
  const decoded = decodeFeed(fetched.body, { contentType: fetched.contentType, override: source.encoding });
  const parsed = await parseFeed(decoded.text, { url: fetched.finalUrl, timezone: source.timezone, now: ctx.now });
  if (ctx.signal?.aborted) return { status: 'aborted' };
  if (!parsed.ok) return { status: 'failed', error: parsed.error, permanentRedirect: fetched.permanentRedirect };
  return readOk(keyItems(parsed.feed.items), fetched, decoded);
}

// readOk is a read's result: its items, with the response's validators and how it was decoded
// (for a board, page 1's).
export function readOk(
  items: KeyedItem[],
  fetched: Extract<FetchResult, { status: 'ok' }>,
  decoded: DecodedBody,
): Extract<ReadResult, { status: 'ok' }> {
  return {
    status: 'ok',
    items,
    etag: fetched.etag,
    lastModified: fetched.lastModified,
    httpStatus: fetched.httpStatus,
    encoding: decoded.encoding,
    warning: decoded.warning,
    permanentRedirect: fetched.permanentRedirect,
  };
}

// sourceTrust is what every request of a source carries for TLS: its id (named in advice) and its tls setting.
export function sourceTrust(source: SourceConfig): { readonly sourceId: string; readonly tls?: SourceTls } {
  return { sourceId: source.id, ...(source.tls ? { tls: source.tls } : {}) };
}
