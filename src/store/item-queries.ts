// The items table's read side: listing and searching stored items, and reading them back from rows.
import type Database from 'better-sqlite3';
import type { ItemQuery, StoredItem } from '../model.js';
import { ftsQuery } from './search.js';
import { dateOrNull, iso } from './time.js';

export interface ItemQueries {
  queryItems(q: ItemQuery): StoredItem[];
  /** Every item, newest first, read lazily (for previews over the whole database). */
  scanItems(): IterableIterator<StoredItem>;
}

export interface ItemRow {
  id: number;
  source_id: string;
  guid: string | null;
  url: string | null;
  title: string | null;
  summary: string | null;
  content: string | null;
  author: string | null;
  categories: string;
  image: string | null;
  published_at: string;
  updated_at: string | null;
  fetched_at: string;
  story_id: number | null;
  /** JSON array of topic ids. */
  topics: string;
}

export const COLUMNS = `
  i.id, i.source_id, i.guid, i.url, i.title, i.summary, i.content, i.author, i.categories, i.image,
  i.published_at, i.updated_at, i.fetched_at, i.story_id,
  (SELECT json_group_array(t.topic_id) FROM item_topics t WHERE t.item_id = i.id) AS topics`;

const DEFAULT_LIMIT = 50;

// itemQueries prepares the scan once; each query's shape is prepared the first time it is asked.
export function itemQueries(db: Database.Database): ItemQueries {
  const queries = new Map<string, Database.Statement>();
  const scan = db.prepare(`SELECT ${COLUMNS} FROM items i ORDER BY i.published_at DESC, i.id DESC`);

  return {
    // Newest first (published, then id); an empty or punctuation-only search matches nothing.
    queryItems(q) {
      const where: string[] = [];
      const params: (string | number)[] = [];
      // A topic is a join through item_topics_by_topic, so a small topic never scans all items.
      const from = q.topic === undefined ? 'items i' : 'item_topics tt JOIN items i ON i.id = tt.item_id';
      if (q.topic !== undefined) {
        where.push('tt.topic_id = ?');
        params.push(q.topic);
      }
      if (q.sources !== undefined) {
        where.push('i.source_id IN (SELECT value FROM json_each(?))');
        params.push(JSON.stringify(q.sources));
      }
      if (q.since !== undefined) {
        where.push('i.published_at >= ?');
        params.push(iso(q.since));
      }
      if (q.search !== undefined) {
        const match = ftsQuery(q.search);
        if (match === null) return [];
        where.push('i.id IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?)');
        params.push(match);
      }
      const sql = `
        SELECT ${COLUMNS}
        FROM ${from} ${where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`}
        ORDER BY i.published_at DESC, i.id DESC LIMIT ?`;
      let stmt = queries.get(sql);
      if (stmt === undefined) {
        stmt = db.prepare(sql);
        queries.set(sql, stmt);
      }
      const rows = stmt.all(...params, Math.max(0, Math.trunc(q.limit ?? DEFAULT_LIMIT))) as ItemRow[];
      return rows.map(toItem);
    },

    *scanItems() {
      for (const row of scan.iterate() as IterableIterator<ItemRow>) yield toItem(row);
    },
  };
}

// toItem reads one row selected with COLUMNS.
export function toItem(row: ItemRow): StoredItem {
  return {
    id: row.id,
    source: row.source_id,
    guid: row.guid,
    url: row.url,
    title: row.title,
    summary: row.summary,
    content: row.content,
    author: row.author,
    categories: JSON.parse(row.categories) as string[],
    image: row.image,
    published: new Date(row.published_at),
    updated: dateOrNull(row.updated_at),
    topics: (JSON.parse(row.topics) as string[]).sort(),
    fetched: new Date(row.fetched_at),
    story: row.story_id,
  };
}
