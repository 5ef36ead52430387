// Stories: recording where story detection put a new item, the band index it looks candidates up
// in, re-clustering the whole database, and reading stories with their versions.
import type Database from 'better-sqlite3';
import type { StoryAssigner, StoryAssignment, StoryCandidate, StoryIndexReader, StoryItem } from '../model.js';
import { iso } from './time.js';

export interface StoryRepo {
  /** The band index as story detection reads it, inside the current transaction. */
  readonly index: StoryIndexReader;
  /** Assigns a just-inserted item to a story; must run inside the caller's transaction. */
  assignItem(item: StoryItem, assign: StoryAssigner): number;
  /** Items published at or after `since`, oldest first: what a fresh detector counts into its IDF window. */
  recentStoryItems(since: Date): IterableIterator<StoryItem>;
  /** Forgets every story, then assigns every item again, oldest first, in transactions of a few thousand. */
  rebuildStories(assign: StoryAssigner, onProgress?: (done: number, total: number) => void): { items: number; stories: number };
}

interface TextRow {
  id: number;
  source_id: string;
  title: string | null;
  summary: string | null;
  content: string | null;
  published_at: string;
}

interface CandidateRow extends Omit<StoryCandidate, 'published'> {
  published: number;
}

const BATCH = 2000;

// storyRepo prepares the story statements once.
export function storyRepo(db: Database.Database): StoryRepo {
  // Counting runs on story_bands alone; only the few best candidates are joined to items.
  const candidates = db.prepare(`
    SELECT c.item_id AS itemId, coalesce(i.story_id, c.item_id) AS storyId, c.published, c.hits
    FROM (SELECT item_id, max(published) AS published, count(*) AS hits FROM story_bands
          WHERE band_key IN (SELECT value FROM json_each(?)) AND published BETWEEN ? AND ?
          GROUP BY item_id HAVING count(*) >= ? ORDER BY hits DESC, item_id LIMIT ?) c
    JOIN items i ON i.id = c.item_id
    ORDER BY c.hits DESC, c.item_id`);
  const text = db.prepare('SELECT id, source_id, title, summary, content, published_at FROM items WHERE id = ?');
  const setStory = db.prepare('UPDATE items SET story_id = ? WHERE id = ?');
  const band = db.prepare('INSERT OR IGNORE INTO story_bands (band_key, published, item_id) VALUES (?, ?, ?)');
  const signature = db.prepare('INSERT OR REPLACE INTO story_signatures (item_id, signature) VALUES (?, ?)');
  const create = db.prepare(`
    INSERT INTO stories (id, representative_id, representative_rank, first_seen, last_seen, item_count)
    VALUES (@story, @item, @rank, @published, @published, 1)`);
  // A higher rank takes over as representative; on a tie the earlier version stays.
  const join = db.prepare(`
    UPDATE stories SET item_count = item_count + 1,
      representative_id = iif(@rank > representative_rank, @item, representative_id),
      representative_rank = max(representative_rank, @rank),
      first_seen = min(first_seen, @published), last_seen = max(last_seen, @published)
    WHERE id = @story`);
  const recent = db.prepare('SELECT id, source_id, title, summary, content, published_at FROM items WHERE published_at >= ? ORDER BY published_at, id');
  const count = db.prepare('SELECT count(*) FROM items').pluck();
  const page = db.prepare(`
    SELECT id, source_id, title, summary, content, published_at FROM items
    WHERE (published_at, id) > (?, ?) ORDER BY published_at, id LIMIT ?`);
  const storyCount = db.prepare('SELECT count(*) FROM stories').pluck();

  const index: StoryIndexReader = {
    candidates: (keys, from, to, limit, minHits) =>
      (candidates.all(JSON.stringify(keys), seconds(from), seconds(to), minHits, limit) as CandidateRow[]).map((r) => ({
        ...r,
        published: new Date(r.published * 1000),
      })),
    itemText: (id) => {
      const row = text.get(id) as TextRow | undefined;
      return row === undefined ? null : toStoryItem(row);
    },
  };

  const record = (item: StoryItem, a: StoryAssignment): number => {
    const params = { story: a.storyId ?? item.id, item: item.id, rank: a.rank, published: iso(item.published) };
    // A story whose items were all pruned meanwhile is gone: the item starts a new one.
    const joined = a.storyId !== null && join.run(params).changes > 0;
    if (!joined) create.run({ ...params, story: item.id });
    const story = joined ? params.story : item.id;
    setStory.run(story, item.id);
    const published = seconds(item.published);
    for (const key of a.keys) band.run(key, published, item.id);
    signature.run(item.id, Buffer.from(a.signature.buffer, a.signature.byteOffset, a.signature.byteLength));
    return story;
  };

  const rebuildBatch = db.transaction((after: [string, number], assign: StoryAssigner) => {
    const rows = page.all(after[0], after[1], BATCH) as TextRow[];
    for (const row of rows) record(toStoryItem(row), assign(toStoryItem(row), index));
    const last = rows[rows.length - 1];
    return { count: rows.length, after: last === undefined ? null : ([last.published_at, last.id] as [string, number]) };
  });

  return {
    index,
    assignItem: (item, assign) => record(item, assign(item, index)),
    *recentStoryItems(since) {
      for (const row of recent.iterate(iso(since)) as IterableIterator<TextRow>) yield toStoryItem(row);
    },
    rebuildStories(assign, onProgress) {
      db.transaction(() => {
        db.exec('DELETE FROM story_bands; DELETE FROM story_signatures; DELETE FROM stories; UPDATE items SET story_id = NULL WHERE story_id IS NOT NULL;');
      }).immediate();
      const total = count.get() as number;
      let done = 0;
      let after: [string, number] | null = ['', 0];
      onProgress?.(0, total);
      while (after !== null) {
        const result = rebuildBatch.immediate(after, assign);
        done += result.count;
        after = result.after;
        onProgress?.(Math.min(done, total), total);
      }
      return { items: done, stories: storyCount.get() as number };
    },
  };
}

function seconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

function toStoryItem(row: TextRow): StoryItem {
  return { id: row.id, source: row.source_id, title: row.title, summary: row.summary, content: row.content, published: new Date(row.published_at) };
}
