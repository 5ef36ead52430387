// pollSource runs one source through the pipeline: fetch → decode → parse → dedupe → classify → store.
import { classifyItem } from '../classify/classify-item.js';
import { decodeFeed } from '../decode/decode-feed.js';
import { keyItems } from '../dedupe/item-key.js';
import { fetchFeed } from '../fetch/fetch-feed.js';
import type { Limiter } from '../fetch/limiter.js';
import type {
  ClassifiedItem,
  FetchOptions,
  KeyedItem,
  PollOutcome,
  RetentionSettings,
  SaveCounts,
  SourceConfig,
  SourceError,
  StoryAssigner,
  TopicConfig,
} from '../model.js';
import { parseFeed } from '../parse/parse-feed.js';
import type { SavePollInput, Store } from '../store/open-store.js';
import { nextPollAt } from './next-poll.js';

export interface PollContext {
  readonly store: Store;
  readonly fetchOptions: FetchOptions;
  readonly limiter: Limiter;
  readonly maxBackoffMs: number;
  /** Topics new and edited items are classified into; without them, stored topics are left alone. */
  readonly topics?: readonly TopicConfig[];
  /** Puts new items into stories inside the poll's transaction (worker/assign-stories.ts); absent = no stories. */
  readonly assignStory?: StoryAssigner;
  /** What the scheduler's hourly prune keeps (settings.retention); absent = prune nothing. */
  readonly retention?: RetentionSettings;
  readonly now?: () => Date;
  /** Once aborted, a finished fetch is dropped instead of written: shutdown leaves no half state. */
  readonly signal?: AbortSignal;
}

// pollSource polls one source once and records the result; it returns an outcome and never throws.
export async function pollSource(source: SourceConfig, ctx: PollContext): Promise<PollOutcome> {
  const now = ctx.now ?? (() => new Date());
  const startedAt = now();
  const state = ctx.store.sourceState(source.id);
  const request = {
    url: source.url,
    etag: state?.etag ?? null,
    lastModified: state?.lastModified ?? null,
  };
  const elapsed = () => now().getTime() - startedAt.getTime();
  let permanentRedirect: string | null = null;

  // save writes the poll in one transaction and plans the next one: the interval after a
  // success, exponential back-off (and any Retry-After) after a failure.
  const save = (result: SavePollInput['result']): SaveCounts => {
    const failed = result.status === 'failed';
    const finishedAt = now();
    return ctx.store.savePoll({
      source: source.id,
      startedAt,
      finishedAt,
      permanentRedirect,
      nextPollAt: nextPollAt({
        now: finishedAt,
        intervalMs: source.intervalMs,
        failures: failed ? (state?.consecutiveFailures ?? 0) + 1 : 0,
        maxBackoffMs: ctx.maxBackoffMs,
        retryAfter: failed ? (result.error.retryAfter ?? null) : null,
      }),
      result,
    });
  };
  const fail = (error: SourceError): PollOutcome => {
    save({ status: 'failed', error });
    return { status: 'failed', source: source.id, error, permanentRedirect, durationMs: elapsed() };
  };

  try {
    const fetched = await ctx.limiter.run(source.url, () => fetchFeed(request, ctx.fetchOptions));
    if (ctx.signal?.aborted) return abandoned(source, elapsed());
    permanentRedirect = fetched.permanentRedirect;
    if (fetched.status === 'failed') return fail(fetched.error);
    if (fetched.status === 'not-modified') {
      save({ status: 'not-modified', etag: fetched.etag, lastModified: fetched.lastModified });
      return { status: 'not-modified', source: source.id, permanentRedirect, durationMs: elapsed() };
    }

    const decoded = decodeFeed(fetched.body, { contentType: fetched.contentType, override: source.encoding });
    const parsed = await parseFeed(decoded.text, { url: fetched.finalUrl, timezone: source.timezone, now: now() });
    if (ctx.signal?.aborted) return abandoned(source, elapsed());
    if (!parsed.ok) return fail(parsed.error);

    const counts = save({
      status: 'updated',
      items: classified(keyItems(parsed.feed.items), source, ctx.topics),
      ...(ctx.assignStory ? { assignStory: ctx.assignStory } : {}),
      etag: fetched.etag,
      lastModified: fetched.lastModified,
      httpStatus: fetched.httpStatus,
      encoding: decoded.encoding,
      warning: decoded.warning,
    });
    return {
      status: 'updated',
      source: source.id,
      counts,
      encoding: decoded.encoding,
      warning: decoded.warning,
      permanentRedirect,
      durationMs: elapsed(),
    };
  } catch (cause) {
    if (ctx.signal?.aborted) return abandoned(source, elapsed());
    // A bug in a stage must not stop the other sources; record it like any failure.
    const message = cause instanceof Error ? cause.message : String(cause);
    return fail({ kind: 'internal', message: `worker: unexpected error: ${message} — please report it`, cause });
  }
}

// Every item is classified, though the store writes topics only for new and edited ones: a few
// microseconds an item, cheaper than asking the store which items changed first.
function classified(
  items: readonly KeyedItem[],
  source: SourceConfig,
  topics: readonly TopicConfig[] | undefined,
): readonly (KeyedItem | ClassifiedItem)[] {
  if (topics === undefined) return items;
  return items.map((item) => ({ ...item, topics: classifyItem(item, source, topics) }));
}

function abandoned(source: SourceConfig, durationMs: number): PollOutcome {
  return {
    status: 'failed',
    source: source.id,
    error: { kind: 'internal', message: 'worker: poll abandoned at shutdown; nothing was written' },
    permanentRedirect: null,
    durationMs,
  };
}
