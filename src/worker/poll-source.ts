// pollSource runs one source through the pipeline: fetch → decode → parse | page → dedupe → detail → classify → store.
import { classifyItem } from '../classify/classify-item.js';
import type { Limiter } from '../fetch/limiter.js';
import { insecureWarning } from '../fetch/tls-error.js';
import type {
  ClassifiedItem,
  DetailedItem,
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
import type { SavePollInput, Store } from '../store/open-store.js';
import { addCounts, NO_ITEMS } from '../store/polls.js';
import { nextPollAt } from './next-poll.js';
import { readFeed, type ReadContext } from './read-feed.js';

/**
 * A poll with more items than this is stored in transactions of this many, the event loop free in
 * between, so one huge feed does not hold up every other source's fetch while it is written.
 */
export const CHUNK_ITEMS = 1_000;

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
  /** Once aborted, a finished fetch is dropped instead of written; a large poll stops between chunks (saveEarlyChunks). */
  readonly signal?: AbortSignal;
}

// pollSource polls one source once and records the result; it returns an outcome and never throws.
export async function pollSource(source: SourceConfig, ctx: PollContext): Promise<PollOutcome> {
  const now = ctx.now ?? (() => new Date());
  const startedAt = now();
  const state = ctx.store.sourceState(source.id);
  // Said at every poll, failed ones too, so it cannot be forgotten in the poll log.
  const tlsWarning = insecureWarning(source.id, source.url, source.tls);
  const elapsed = () => now().getTime() - startedAt.getTime();
  let permanentRedirect: string | null = null;

  // save writes the poll (a large one's last chunk) in one transaction and plans the next one: the
  // interval after a success, exponential back-off (and any Retry-After) after a failure.
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
    save({ status: 'failed', error, warning: tlsWarning });
    return { status: 'failed', source: source.id, error, warning: tlsWarning, permanentRedirect, durationMs: elapsed() };
  };

  try {
    const reader: ReadContext = { ...ctx, now: startedAt };
    // Boards and detail pages need cheerio, linkedom and pdf.js, imported on first use: a process
    // that polls only feeds never loads them (start-up is most of what a pass of 304s costs).
    const read =
      source.type === 'page'
        ? await (await import('./read-pages.js')).readPages(source, state, reader)
        : await readFeed(source, state, reader);
    if (read.status === 'aborted' || ctx.signal?.aborted) return shutDown(source, ABANDONED, elapsed());
    permanentRedirect = read.permanentRedirect;
    if (read.status === 'failed') return fail(read.error);
    if (read.status === 'not-modified') {
      save({ status: 'not-modified', etag: read.etag, lastModified: read.lastModified, warning: tlsWarning });
      return { status: 'not-modified', source: source.id, warning: tlsWarning, permanentRedirect, durationMs: elapsed() };
    }

    // Detail runs before the store, so a new item is indexed, classified and put into a story with its full text.
    const detailed =
      !source.detail
        ? { items: read.items, warning: null }
        : await (await import('./read-details.js')).readDetails(source, read.items, { ...ctx, now: startedAt });
    if (ctx.signal?.aborted) return shutDown(source, ABANDONED, elapsed());
    const warning = [tlsWarning, read.warning, detailed.warning].filter((w) => w !== null).join('; ') || null;
    const items = detailed.items;
    const total = items.length;
    const early = await saveEarlyChunks(source, items, ctx, now);
    if (early.stopped) return shutDown(source, stoppedBetweenChunks(early.stored, total), elapsed());
    const counts = save({
      status: 'updated',
      items: classified(items, source, ctx.topics),
      ...(early.stored > 0 ? { priorCounts: early.counts } : {}),
      ...(ctx.assignStory ? { assignStory: ctx.assignStory } : {}),
      etag: read.etag,
      lastModified: read.lastModified,
      httpStatus: read.httpStatus,
      encoding: read.encoding,
      warning,
    });
    return {
      status: 'updated',
      source: source.id,
      counts,
      encoding: read.encoding,
      warning,
      permanentRedirect,
      durationMs: elapsed(),
    };
  } catch (cause) {
    if (ctx.signal?.aborted) return shutDown(source, ABANDONED, elapsed());
    // A bug in a stage must not stop the other sources; record it like any failure.
    const message = cause instanceof Error ? cause.message : String(cause);
    return fail({ kind: 'internal', message: `worker: unexpected error: ${message} — please report it`, cause });
  }
}

interface EarlyChunks {
  readonly stored: number;
  readonly counts: SaveCounts;
  readonly stopped: boolean;
}

// saveEarlyChunks stores all but the last chunk of a poll of more than CHUNK_ITEMS items, one
// transaction each, and yields to the event loop after each; a small poll stores nothing here and
// stays one transaction. Each stored chunk is taken off the front of `items`, so its items can be
// freed while the rest are stored (a 10 MB feed holds 38,000). Poll state (validators, poll_log)
// is written only with the last chunk, so a crash or shutdown between chunks leaves some items
// stored and the poll unrecorded: the next poll fetches the feed again and stores the rest, with
// no duplicates since items are keyed.
async function saveEarlyChunks(
  source: SourceConfig,
  items: KeyedItem[],
  ctx: PollContext,
  now: () => Date,
): Promise<EarlyChunks> {
  let counts = NO_ITEMS;
  let stored = 0;
  while (items.length > CHUNK_ITEMS) {
    const chunk = classified(items.splice(0, CHUNK_ITEMS), source, ctx.topics);
    counts = addCounts(counts, ctx.store.saveItems(source.id, chunk, now(), ctx.assignStory));
    stored += chunk.length;
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (ctx.signal?.aborted) return { stored, counts, stopped: true };
  }
  return { stored, counts, stopped: false };
}

// Every item is classified, though the store writes topics only for new and edited ones: a few
// microseconds an item, cheaper than asking the store which items changed first. A large poll is
// classified chunk by chunk as it is stored, so it never holds a classified copy of every item.
function classified(
  items: readonly KeyedItem[],
  source: SourceConfig,
  topics: readonly TopicConfig[] | undefined,
): readonly (KeyedItem | ClassifiedItem)[] {
  if (topics === undefined) return items;
  // Topic rules read an item's full text (body and attachments) where its page was read.
  // Object.assign, not a spread followed by `topics` (see dedupe/item-key.ts).
  return items.map((item) => {
    const text = { title: item.title, summary: item.summary, content: fullContent(item), categories: item.categories };
    return Object.assign({}, item, { topics: classifyItem(text, source, topics) });
  });
}

function fullContent(item: KeyedItem): string | null {
  return (item as Partial<DetailedItem>).detail?.fullContent ?? item.content;
}

const ABANDONED = 'worker: poll abandoned at shutdown; nothing was written';

// stoppedBetweenChunks says what a shutdown between the chunks of a large poll left behind.
function stoppedBetweenChunks(stored: number, total: number): string {
  return `worker: poll stopped at shutdown after storing ${stored} of ${total} items; the poll was not recorded, so the next one fetches the feed again and stores the rest`;
}

// shutDown is the outcome of a poll cut short by shutdown, with what it did or did not write.
function shutDown(source: SourceConfig, message: string, durationMs: number): PollOutcome {
  return { status: 'failed', source: source.id, error: { kind: 'internal', message }, warning: null, permanentRedirect: null, durationMs };
}
