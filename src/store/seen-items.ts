// Which of a poll's item keys the store already knows: page sources stop paging at a page of known
// items, and keep a date-only item's time as first stored.
import type Database from 'better-sqlite3';
import type { SeenItem } from '../model.js';
import { dateOrNull } from './time.js';

export interface SeenItemsReader {
  seenItems(source: string, keys: readonly string[]): Map<string, SeenItem>;
}

// seenItemsReader prepares the lookup once; it reads one json_each list, however many keys.
export function seenItemsReader(db: Database.Database): SeenItemsReader {
  // A pruned (tombstoned) item is known too: the list still shows it, but it is old news.
  const lookup = db.prepare(`
    SELECT k.value AS key, i.published_at, i.fetched_at
    FROM json_each(?) k
    LEFT JOIN items i ON i.source_id = ? AND i.item_key = k.value
    WHERE i.id IS NOT NULL
       OR EXISTS (SELECT 1 FROM tombstones t WHERE t.source_id = ? AND t.item_key = k.value)`);
  return {
    seenItems(source, keys) {
      const rows = lookup.all(JSON.stringify(keys), source, source) as { key: string; published_at: string | null; fetched_at: string | null }[];
      return new Map(rows.map((row) => [row.key, { published: dateOrNull(row.published_at), fetched: dateOrNull(row.fetched_at) }]));
    },
  };
}
