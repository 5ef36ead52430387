// Totals for the status page and `regionwire stats`.
import { statSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { dateOrNull, iso } from './time.js';

export interface StoreStats {
  readonly items: number;
  /** Sources still in the config. */
  readonly sources: number;
  readonly polls: number;
  readonly failuresLast24h: number;
  /** Database file plus its WAL, in bytes (the page total for `:memory:`). */
  readonly databaseBytes: number;
  readonly itemsPerSource: readonly { readonly source: string; readonly items: number }[];
  readonly lastPollAt: Date | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

// statsReader prepares the statistics queries once.
export function statsReader(db: Database.Database, file: string): (now?: Date) => StoreStats {
  const totals = db.prepare(`
    SELECT (SELECT count(*) FROM items) AS items,
           (SELECT count(*) FROM sources WHERE removed_at IS NULL) AS sources,
           (SELECT count(*) FROM poll_log) AS polls,
           (SELECT count(*) FROM poll_log WHERE status = 'failed' AND started_at >= ?) AS failures,
           (SELECT max(finished_at) FROM poll_log) AS last_poll_at`);
  const perSource = db.prepare(`
    SELECT s.id AS source, count(i.id) AS items
    FROM sources s LEFT JOIN items i ON i.source_id = s.id
    GROUP BY s.id ORDER BY s.id`);

  return (now = new Date()) => {
    const row = totals.get(iso(new Date(now.getTime() - DAY_MS))) as {
      items: number;
      sources: number;
      polls: number;
      failures: number;
      last_poll_at: string | null;
    };
    return {
      items: row.items,
      sources: row.sources,
      polls: row.polls,
      failuresLast24h: row.failures,
      databaseBytes: databaseBytes(db, file),
      itemsPerSource: perSource.all() as { source: string; items: number }[],
      lastPollAt: dateOrNull(row.last_poll_at),
    };
  };
}

function databaseBytes(db: Database.Database, file: string): number {
  if (file === ':memory:' || file === '') {
    const pages = db.pragma('page_count', { simple: true }) as number;
    return pages * (db.pragma('page_size', { simple: true }) as number);
  }
  return fileSize(file) + fileSize(`${file}-wal`);
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
