// Saving one poll of one source (items, poll state, log row) and reading the poll log.
import type Database from 'better-sqlite3';
import type { ClassifiedItem, KeyedItem, SaveCounts, SourceError, StoryAssigner } from '../model.js';
import type { ItemRepo } from './items.js';
import { iso } from './time.js';

export type PollResultInput =
  | {
      readonly status: 'updated';
      /** Items with `topics` (classified by the worker) get them stored; see ItemRepo.saveItems. */
      readonly items: readonly (KeyedItem | ClassifiedItem)[];
      /** Puts each new item into a story (stories/detector.ts); absent = items get no story. */
      readonly assignStory?: StoryAssigner;
      /** What earlier chunks of this poll stored through saveItems; added to the logged and returned counts. */
      readonly priorCounts?: SaveCounts;
      readonly etag: string | null;
      readonly lastModified: string | null;
      readonly httpStatus: number | null;
      readonly encoding: string;
      readonly warning: string | null;
    }
  | { readonly status: 'not-modified'; readonly etag: string | null; readonly lastModified: string | null; readonly warning?: string | null }
  | { readonly status: 'failed'; readonly error: SourceError; readonly warning?: string | null };

export interface SavePollInput {
  readonly source: string;
  readonly startedAt: Date;
  readonly finishedAt: Date;
  readonly nextPollAt: Date;
  readonly permanentRedirect: string | null;
  readonly result: PollResultInput;
}

export interface PollLogEntry {
  readonly id: number;
  readonly source: string;
  readonly startedAt: Date;
  readonly finishedAt: Date;
  readonly status: 'updated' | 'not-modified' | 'failed';
  readonly httpStatus: number | null;
  readonly counts: SaveCounts;
  readonly errorKind: string | null;
  readonly error: string | null;
  readonly encoding: string | null;
  readonly warning: string | null;
  readonly durationMs: number;
}

export interface PollRepo {
  savePoll(input: SavePollInput): SaveCounts;
  /** Writes the 304s savePoll has queued; the store calls it before any other read or write. */
  flushUnchanged(): void;
  saveItems(source: string, items: readonly (KeyedItem | ClassifiedItem)[], now: Date, assign?: StoryAssigner): SaveCounts;
  pollLog(source?: string, limit?: number): PollLogEntry[];
}

interface LogRow {
  id: number;
  source_id: string;
  started_at: string;
  finished_at: string;
  status: PollLogEntry['status'];
  http_status: number | null;
  new_count: number;
  updated_count: number;
  unchanged_count: number;
  skipped_count: number;
  error_kind: string | null;
  error: string | null;
  encoding: string | null;
  warning: string | null;
  duration_ms: number;
}

/**
 * A 304 changes only its source's poll state and adds a log row. The 304s of a pass are queued and
 * written together at most this long after the first one: a transaction each cost 0.15 ms a
 * source, most of what a pass of 304s spent (docs/benchmarks.md). A crash loses at most this much
 * of "not modified" state, and such a source is only asked again.
 */
export const UNCHANGED_FLUSH_MS = 50;

/** The counts of a save that stored nothing. */
export const NO_ITEMS: SaveCounts = { new: 0, updated: 0, unchanged: 0, skipped: 0 };

// addCounts sums two saves' counts (a large poll is saved in chunks).
export function addCounts(a: SaveCounts, b: SaveCounts): SaveCounts {
  return { new: a.new + b.new, updated: a.updated + b.updated, unchanged: a.unchanged + b.unchanged, skipped: a.skipped + b.skipped };
}

// pollRepo prepares the poll statements once; items are written through the item repo.
export function pollRepo(db: Database.Database, items: ItemRepo): PollRepo {
  const exists = db.prepare('SELECT 1 FROM sources WHERE id = ?');
  // A 200 replaces the validators (a body without ETag makes the old one meaningless); a 304 may
  // resend them, and keeps the old ones when it does not.
  const success = db.prepare(`
    UPDATE sources SET
      etag = iif(@status = 'updated', @etag, coalesce(@etag, etag)),
      last_modified = iif(@status = 'updated', @lastModified, coalesce(@lastModified, last_modified)),
      last_poll_at = @finishedAt, last_success_at = @finishedAt, consecutive_failures = 0,
      last_error_kind = NULL, last_error = NULL, next_poll_at = @nextPollAt,
      permanent_redirect = @permanentRedirect, gone_at = NULL
    WHERE id = @source`);
  // A failure keeps the validators, and a redirect already seen (a DNS failure cannot see one).
  // A 410 marks the source gone (RFC 9110 §15.5.11: removed for good) from the first one on.
  const failure = db.prepare(`
    UPDATE sources SET
      last_poll_at = @finishedAt, consecutive_failures = consecutive_failures + 1,
      last_error_kind = @kind, last_error = @message, next_poll_at = @nextPollAt,
      permanent_redirect = coalesce(@permanentRedirect, permanent_redirect),
      gone_at = iif(@gone, coalesce(gone_at, @finishedAt), NULL)
    WHERE id = @source`);
  const log = db.prepare(`
    INSERT INTO poll_log (source_id, started_at, finished_at, status, http_status, new_count,
                          updated_count, unchanged_count, skipped_count, error_kind, error, encoding, warning, duration_ms)
    VALUES (@source, @startedAt, @finishedAt, @status, @httpStatus, @new, @updated, @unchanged, @skipped,
            @errorKind, @error, @encoding, @warning, @durationMs)`);
  const logAll = db.prepare('SELECT * FROM poll_log ORDER BY started_at DESC, id DESC LIMIT ?');
  const logOne = db.prepare('SELECT * FROM poll_log WHERE source_id = ? ORDER BY started_at DESC, id DESC LIMIT ?');

  const known = (source: string): void => {
    if (exists.get(source) === undefined) throw new Error(`store: unknown source "${source}"`);
  };
  const saveChunk = db.transaction(
    (source: string, list: readonly (KeyedItem | ClassifiedItem)[], now: Date, assign?: StoryAssigner): SaveCounts => {
      known(source);
      return items.saveItems(source, list, now, assign);
    },
  );
  const write = (input: SavePollInput): SaveCounts => {
    const { result } = input;
    const times = {
      source: input.source,
      startedAt: iso(input.startedAt),
      finishedAt: iso(input.finishedAt),
      nextPollAt: iso(input.nextPollAt),
      permanentRedirect: input.permanentRedirect,
    };
    const counts =
      result.status === 'updated'
        ? addCounts(result.priorCounts ?? NO_ITEMS, items.saveItems(input.source, result.items, input.finishedAt, result.assignStory))
        : NO_ITEMS;
    if (result.status === 'failed') {
      const gone = result.error.kind === 'http-status' && result.error.status === 410 ? 1 : 0;
      failure.run({ ...times, kind: result.error.kind, message: result.error.message, gone });
    } else {
      success.run({ ...times, status: result.status, etag: result.etag, lastModified: result.lastModified });
    }
    log.run({
      source: input.source,
      startedAt: times.startedAt,
      finishedAt: times.finishedAt,
      status: result.status,
      httpStatus:
        result.status === 'updated' ? result.httpStatus : result.status === 'not-modified' ? 304 : (result.error.status ?? null),
      ...counts,
      errorKind: result.status === 'failed' ? result.error.kind : null,
      error: result.status === 'failed' ? result.error.message : null,
      encoding: result.status === 'updated' ? result.encoding : null,
      warning: result.warning ?? null,
      durationMs: Math.max(0, input.finishedAt.getTime() - input.startedAt.getTime()),
    });
    return counts;
  };
  const save = db.transaction((input: SavePollInput): SaveCounts => {
    known(input.source);
    return write(input);
  });
  const saveUnchanged = db.transaction((list: readonly SavePollInput[]): void => {
    for (const input of list) write(input);
  });

  let unchanged: SavePollInput[] = [];
  let timer: NodeJS.Timeout | null = null;
  // flushUnchanged writes the queue in one transaction; if that fails (the disk is full, another
  // writer holds the database past the busy timeout), the queue is kept for the next flush.
  const flushUnchanged = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (unchanged.length === 0) return;
    const list = unchanged;
    unchanged = [];
    try {
      saveUnchanged.immediate(list);
    } catch (error) {
      unchanged = list.concat(unchanged);
      throw error;
    }
  };
  const flushLater = (): void => {
    try {
      flushUnchanged();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      process.emitWarning(`store: the poll state of ${unchanged.length} source${unchanged.length === 1 ? '' : 's'} answering 304 is not written yet (${message}); retrying in ${UNCHANGED_FLUSH_MS} ms`);
      timer = setTimeout(flushLater, UNCHANGED_FLUSH_MS);
    }
  };

  return {
    // One transaction per poll: a crash never leaves items saved without the state that explains
    // them. A poll of over 1,000 items writes its early chunks through saveItems first (worker/poll-source.ts).
    // A 304 is queued (see UNCHANGED_FLUSH_MS); its source is checked now, so an unknown one still throws here.
    savePoll: (input) => {
      if (input.result.status !== 'not-modified') {
        flushUnchanged();
        return save.immediate(input);
      }
      known(input.source);
      unchanged.push(input);
      timer ??= setTimeout(flushLater, UNCHANGED_FLUSH_MS);
      return NO_ITEMS;
    },
    flushUnchanged,
    // Items only, in their own transaction, for the early chunks of a large poll (worker/poll-source.ts):
    // the poll state and log row come with the last chunk's savePoll.
    saveItems: (source, list, now, assign) => saveChunk.immediate(source, list, now, assign),
    // Most recent first, for one source or all.
    pollLog: (source, limit = 100) =>
      ((source === undefined ? logAll.all(limit) : logOne.all(source, limit)) as LogRow[]).map(toEntry),
  };
}

function toEntry(row: LogRow): PollLogEntry {
  return {
    id: row.id,
    source: row.source_id,
    startedAt: new Date(row.started_at),
    finishedAt: new Date(row.finished_at),
    status: row.status,
    httpStatus: row.http_status,
    counts: { new: row.new_count, updated: row.updated_count, unchanged: row.unchanged_count, skipped: row.skipped_count },
    errorKind: row.error_kind,
    error: row.error,
    encoding: row.encoding,
    warning: row.warning,
    durationMs: row.duration_ms,
  };
}
