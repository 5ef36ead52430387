// Retention: pruning old items, with a tombstone each so that the next poll does not bring them back.
import type Database from 'better-sqlite3';
import type { RetentionSettings } from '../model.js';
import { iso } from './time.js';

export interface PruneResult {
  /** Items deleted (with their topics and search index rows). */
  readonly pruned: number;
}

export interface RetentionRepo {
  /** Deletes what `retention` no longer keeps, in one transaction; forgets old tombstones. */
  pruneItems(retention: RetentionSettings, now: Date): PruneResult;
}

const DAY_MS = 86_400_000;
// How long a tombstone lives when only items_per_source is set: feeds list an item for days or
// weeks, rarely for months, and a tombstone only matters while the feed still lists its item.
const TOMBSTONE_DAYS_WITHOUT_AGE_LIMIT = 90;

interface Candidate {
  id: number;
  source_id: string;
  item_key: string;
}

// retentionRepo prepares the pruning statements once.
export function retentionRepo(db: Database.Database): RetentionRepo {
  // Ranked by the same order every listing uses (published, then id), so "the newest N" here are
  // the N a reader sees first.
  const candidates = db.prepare(`
    SELECT id, source_id, item_key FROM (
      SELECT id, source_id, item_key, published_at,
             row_number() OVER (PARTITION BY source_id ORDER BY published_at DESC, id DESC) AS rank
      FROM items)
    WHERE (@cutoff IS NOT NULL AND published_at < @cutoff) OR (@keep IS NOT NULL AND rank > @keep)`);
  const deleteFts = db.prepare('DELETE FROM items_fts WHERE rowid = ?');
  const deleteTopics = db.prepare('DELETE FROM item_topics WHERE item_id = ?');
  const deleteItem = db.prepare('DELETE FROM items WHERE id = ?');
  const bury = db.prepare('INSERT OR REPLACE INTO tombstones (source_id, item_key, pruned_at) VALUES (?, ?, ?)');
  const forget = db.prepare('DELETE FROM tombstones WHERE pruned_at < ?');

  const prune = db.transaction((retention: RetentionSettings, now: Date): PruneResult => {
    const { days, itemsPerSource } = retention;
    const tombstoneDays = days === null ? TOMBSTONE_DAYS_WITHOUT_AGE_LIMIT : 2 * days;
    forget.run(iso(new Date(now.getTime() - tombstoneDays * DAY_MS)));
    if (days === null && itemsPerSource === null) return { pruned: 0 };
    const rows = candidates.all({
      cutoff: days === null ? null : iso(new Date(now.getTime() - days * DAY_MS)),
      keep: itemsPerSource,
    }) as Candidate[];
    const prunedAt = iso(now);
    for (const row of rows) {
      deleteFts.run(row.id);
      deleteTopics.run(row.id);
      deleteItem.run(row.id);
      bury.run(row.source_id, row.item_key, prunedAt);
    }
    return { pruned: rows.length };
  });

  return {
    // IMMEDIATE: the write lock is taken before reading, so a poll cannot slip an item in between.
    pruneItems: (retention, now) => prune.immediate(retention, now),
  };
}
