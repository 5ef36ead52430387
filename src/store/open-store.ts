// Opens the SQLite database and puts the store's parts together.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type {
  ClassifiedItem,
  ItemClassifier,
  ItemQuery,
  KeyedItem,
  RetentionSettings,
  SeenItem,
  SaveCounts,
  SourceConfig,
  SourceState,
  StoredItem,
  StoredStory,
  StoryAssigner,
  StoryItem,
  StoryQuery,
} from '../model.js';
import { detailRepo, type DetailRepo } from './details.js';
import { itemRepo } from './items.js';
import { migrate } from './migrations.js';
import { pollRepo, type PollLogEntry, type SavePollInput } from './polls.js';
import { retentionRepo, type PruneResult } from './retention.js';
import { seenItemsReader } from './seen-items.js';
import { sourceRepo } from './sources.js';
import { statsReader, type StoreStats } from './stats.js';
import { storyRepo } from './stories.js';
import { storyReader } from './story-query.js';
import { topicRepo, type ReclassifyResult, type TopicStats } from './topics.js';

export type { PollLogEntry, PollResultInput, SavePollInput } from './polls.js';
export type { PruneResult } from './retention.js';
export type { StoreStats } from './stats.js';
export type { ReclassifyResult, TopicStats } from './topics.js';

export interface Store {
  /** Upserts config fields, keeps poll state; sources missing from `sources` get removed_at. */
  syncSources(sources: readonly SourceConfig[], now?: Date): void;
  sourceState(id: string): SourceState | null;
  sourceStates(): SourceState[];
  dueSources(now: Date): string[];
  /** Items, poll state and a poll_log row in one transaction. Never deletes an item; skips tombstoned ones. */
  savePoll(input: SavePollInput): SaveCounts;
  /** Items only, in one transaction, without poll state or log row: the early chunks of a large poll. */
  saveItems(source: string, items: readonly (KeyedItem | ClassifiedItem)[], now: Date, assign?: StoryAssigner): SaveCounts;
  /** Deletes items older than `days` or past the newest `itemsPerSource` of their source, leaving tombstones. */
  pruneItems(retention: RetentionSettings, now?: Date): PruneResult;
  /** The given keys of a source's items that are stored or were pruned (tombstoned), with their dates. */
  seenItems(source: string, keys: readonly string[]): Map<string, SeenItem>;
  /** What the store knows of these keys' detail pages (issue 10), for the keys it has stored. */
  detailStates: DetailRepo['detailStates'];
  /** The attachments of these items, in page order, without their text. */
  attachmentsOf: DetailRepo['attachmentsOf'];
  /** The items with their attachments (for JSON and feeds); queryItems leaves them out to stay fast. */
  withAttachments: DetailRepo['withAttachments'];
  /** Newest first; `topic` keeps the items of one topic; each item lists its topic ids. */
  queryItems(q: ItemQuery): StoredItem[];
  /** Every item, newest first, read lazily; do not write to the store while iterating. */
  scanItems(): IterableIterator<StoredItem>;
  /** Re-computes every item's topics in transactions of a few thousand items; progress counts items. */
  reclassifyAll(classify: ItemClassifier, onProgress?: (done: number, total: number) => void): ReclassifyResult;
  /** The `limit` most recent items published at or after `since`, oldest first, for a story detector after a restart. */
  recentStoryItems(since: Date, limit: number): StoryItem[];
  /** Forgets every story and assigns every item again, oldest first (after a threshold change). */
  rebuildStories(assign: StoryAssigner, onProgress?: (done: number, total: number) => void): { items: number; stories: number };
  /** Stories, newest version first, each with all its versions. */
  queryStories(q: StoryQuery): StoredStory[];
  /** Versions of the given stories, oldest first (feeds show every outlet of a story). */
  storyVersions(storyIds: readonly number[]): Map<number, StoredItem[]>;
  /** Representative item id of each given story. */
  storyRepresentatives(storyIds: readonly number[]): Map<number, number>;
  /** Items and newest publication time per topic, for topics holding at least one item. */
  topicStats(): TopicStats[];
  /** A token that changes whenever items or their topics change (and differs between database files). */
  lastChange(): string;
  /** What the stored topics were computed with (see classify/fingerprint.ts); null before the first time. */
  topicsFingerprint(): string | null;
  setTopicsFingerprint(fingerprint: string): void;
  pollLog(source?: string, limit?: number): PollLogEntry[];
  stats(now?: Date): StoreStats;
  /** A consistent copy of the database in `file` (SQLite's online backup), taken while others write. */
  backup(file: string): Promise<void>;
  /** Checkpoints the WAL into the main file and closes the connection. */
  close(): void;
}

/** Kibibytes of page cache a connection keeps (the server and the worker each open one). */
const PAGE_CACHE_KB = 4096;

// openStore opens (creating and migrating as needed) the database at `file`, or ':memory:'.
export function openStore(file: string): Store {
  if (file !== ':memory:' && file !== '') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    // WAL lets the HTTP server read while a poll writes; NORMAL is durable at each checkpoint and
    // cannot corrupt in WAL mode; the busy timeout covers a CLI command racing the worker.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // A 4 MB page cache (better-sqlite3 builds SQLite with 16 MB): pages it no longer holds come
    // from the OS's file cache. A cold pass of 1,000 feeds took the same CPU with either, and
    // 12 MB less memory with 4 (issue 11).
    db.pragma(`cache_size = -${PAGE_CACHE_KB}`);
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }

  const sources = sourceRepo(db);
  const topics = topicRepo(db);
  const stories = storyRepo(db);
  const storyRead = storyReader(db);
  const details = detailRepo(db);
  const items = itemRepo(db, topics, stories, details);
  const polls = pollRepo(db, items);
  const stats = statsReader(db, file);
  const retention = retentionRepo(db);
  return flushingFirst(polls.flushUnchanged, {
    ...sources,
    savePoll: polls.savePoll,
    saveItems: polls.saveItems,
    pollLog: polls.pollLog,
    ...seenItemsReader(db),
    detailStates: details.detailStates,
    attachmentsOf: details.attachmentsOf,
    withAttachments: details.withAttachments,
    queryItems: items.queryItems,
    scanItems: items.scanItems,
    reclassifyAll: topics.reclassifyAll,
    recentStoryItems: stories.recentStoryItems,
    rebuildStories: stories.rebuildStories,
    ...storyRead,
    topicStats: topics.topicStats,
    lastChange: topics.lastChange,
    topicsFingerprint: topics.topicsFingerprint,
    setTopicsFingerprint: topics.setTopicsFingerprint,
    stats,
    pruneItems: (settings, now = new Date()) => retention.pruneItems(settings, now),
    backup: (target) => backupTo(db, target),
    close: () => {
      if (!db.open) return;
      db.pragma('optimize');
      // Without waiting: a reader holding a transaction open (a sqlite3 shell, `serve`) would
      // otherwise keep the busy timeout's 5 s; the WAL is then checkpointed by the next writer.
      db.pragma('busy_timeout = 0');
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    },
  });
}

// flushingFirst writes the queued 304s (polls.ts) before every method but savePoll, which keeps
// its own order: whatever reads or writes the store sees every poll saved before it. A close
// whose flush fails warns that those poll states were not recorded, and closes anyway.
function flushingFirst(flush: () => void, store: Store): Store {
  const wrapped: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(store) as [string, (...args: unknown[]) => unknown][]) {
    wrapped[name] =
      name === 'savePoll'
        ? method
        : name === 'close'
          ? () => {
              try {
                flush();
              } catch (error) {
                process.emitWarning(`store: the poll state of sources that answered 304 since the last write was not recorded (${error instanceof Error ? error.message : String(error)}); those sources are asked again at their next poll, nothing stored is lost`);
              }
              return method();
            }
          : (...args: unknown[]) => {
              flush();
              return method(...args);
            };
  }
  return wrapped as unknown as Store;
}

// backupTo copies in steps of 100 pages so a big file does not stall the event loop. A write by
// another connection (the service, when `regionwire backup` runs beside it) makes SQLite restart
// the copy; after a restart the rest goes in one step, so steady polling cannot starve the backup.
async function backupTo(db: Database.Database, file: string): Promise<void> {
  let remaining = Infinity;
  let restarted = false;
  await db.backup(file, {
    progress: ({ remainingPages }) => {
      if (remainingPages > remaining) restarted = true;
      remaining = remainingPages;
      return restarted ? 0x7fffffff : 100;
    },
  });
}
