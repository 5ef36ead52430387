// Opens the SQLite database and puts the store's parts together.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { ItemQuery, SaveCounts, SourceConfig, SourceState, StoredItem } from '../model.js';
import { itemRepo } from './items.js';
import { migrate } from './migrations.js';
import { pollRepo, type PollLogEntry, type SavePollInput } from './polls.js';
import { sourceRepo } from './sources.js';
import { statsReader, type StoreStats } from './stats.js';

export type { PollLogEntry, PollResultInput, SavePollInput } from './polls.js';
export type { StoreStats } from './stats.js';

export interface Store {
  /** Upserts config fields, keeps poll state; sources missing from `sources` get removed_at. */
  syncSources(sources: readonly SourceConfig[], now?: Date): void;
  sourceState(id: string): SourceState | null;
  sourceStates(): SourceState[];
  dueSources(now: Date): string[];
  /** Items, poll state and a poll_log row in one transaction. Never deletes an item. */
  savePoll(input: SavePollInput): SaveCounts;
  queryItems(q: ItemQuery): StoredItem[];
  pollLog(source?: string, limit?: number): PollLogEntry[];
  stats(now?: Date): StoreStats;
  /** Checkpoints the WAL into the main file and closes the connection. */
  close(): void;
}

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
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }

  const sources = sourceRepo(db);
  const items = itemRepo(db);
  const polls = pollRepo(db, items);
  const stats = statsReader(db, file);
  return {
    ...sources,
    savePoll: polls.savePoll,
    pollLog: polls.pollLog,
    queryItems: items.queryItems,
    stats,
    close: () => {
      if (!db.open) return;
      db.pragma('optimize');
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    },
  };
}
