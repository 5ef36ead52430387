// Stories: recording where story detection put a new item, what detection reads of stored items,
// and re-clustering the whole database.
import type Database from 'better-sqlite3';
import { STORY_TEXT_CHARS, type StoryAssigner, type StoryAssignment, type StoryItem, type StoryStoreReader } from '../model.js';
import { FULL_CONTENT_SQL } from './details.js';
import { generationBump } from './generation.js';
import { iso } from './time.js';

export interface StoryRepo {
  /**
   * Gives a function that puts a new item into a story and returns the story's id, just before the
   * caller inserts the item (with that id and story_id); use one per transaction, inside it. Its
   * reader looks for items other processes stored (storiedItemsAfter) only once: while the
   * transaction holds the write lock no other connection can commit, so every later storied item
   * is one of this transaction's own, which the detector has already taken in.
   */
  transactionAssigner(assign: StoryAssigner): (item: StoryItem) => number;
  /** The `limit` most recent items published at or after `since`, oldest first: what a detector
   * takes in after a restart. */
  recentStoryItems(since: Date, limit: number): StoryItem[];
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

const BATCH = 2000;

/** An item's full content as story detection reads it: no more than its STORY_TEXT_CHARS. */
const STORY_CONTENT_SQL = `substr(${FULL_CONTENT_SQL}, 1, ${STORY_TEXT_CHARS})`;

// storyRepo prepares the story statements once.
export function storyRepo(db: Database.Database): StoryRepo {
  const setStory = db.prepare('UPDATE items SET story_id = ? WHERE id = ?');
  const storyOf = db.prepare('SELECT story_id FROM items WHERE id = ?').pluck();
  const storiedAfter = db.prepare(`
    SELECT * FROM (SELECT id, source_id, title, summary, ${STORY_CONTENT_SQL} AS content, published_at FROM items
                   WHERE id > ? AND story_id IS NOT NULL ORDER BY id DESC LIMIT ?)
    ORDER BY id`);
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
  const recent = db.prepare(`
    SELECT * FROM (SELECT id, source_id, title, summary, ${STORY_CONTENT_SQL} AS content, published_at FROM items
                   WHERE published_at >= ? ORDER BY published_at DESC, id DESC LIMIT ?)
    ORDER BY published_at, id`);
  const count = db.prepare('SELECT count(*) FROM items').pluck();
  const page = db.prepare(`
    SELECT id, source_id, title, summary, ${STORY_CONTENT_SQL} AS content, published_at FROM items
    WHERE (published_at, id) > (?, ?) ORDER BY published_at, id LIMIT ?`);
  const storyCount = db.prepare('SELECT count(*) FROM stories').pluck();
  const storiesChanged = generationBump(db);

  const reader: StoryStoreReader = {
    storyOf: (id) => (storyOf.get(id) as number | null | undefined) ?? null,
    storiedItemsAfter: (afterId, limit) => (storiedAfter.all(afterId, limit) as TextRow[]).map(toStoryItem),
  };

  // record writes the story side of an assignment and gives the item's story id; items.story_id is the caller's.
  const record = (item: StoryItem, a: StoryAssignment): number => {
    const params = { story: a.storyId ?? item.id, item: item.id, rank: a.rank, published: iso(item.published) };
    // A story whose items were all pruned meanwhile is gone: the item starts a new one.
    const joined = a.storyId !== null && join.run(params).changes > 0;
    if (!joined) create.run(Object.assign({}, params, { story: item.id }));
    return joined ? params.story : item.id;
  };

  const rebuildBatch = db.transaction((after: [string, number], assign: StoryAssigner) => {
    const rows = page.all(after[0], after[1], BATCH) as TextRow[];
    for (const row of rows) {
      const item = toStoryItem(row);
      setStory.run(record(item, assign(item, reader)), item.id);
    }
    if (rows.length > 0) storiesChanged();
    const last = rows[rows.length - 1];
    return { count: rows.length, after: last === undefined ? null : ([last.published_at, last.id] as [string, number]) };
  });

  return {
    transactionAssigner(assign) {
      let caughtUp = false;
      const once: StoryStoreReader = {
        storyOf: reader.storyOf,
        storiedItemsAfter(afterId, limit) {
          if (caughtUp) return [];
          caughtUp = true;
          return reader.storiedItemsAfter(afterId, limit);
        },
      };
      return (item) => record(item, assign(item, once));
    },
    recentStoryItems: (since, limit) => (recent.all(iso(since), limit) as TextRow[]).map(toStoryItem),
    rebuildStories(assign, onProgress) {
      db.transaction(() => {
        db.exec('DELETE FROM stories; UPDATE items SET story_id = NULL WHERE story_id IS NOT NULL;');
        storiesChanged();
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

function toStoryItem(row: TextRow): StoryItem {
  return { id: row.id, source: row.source_id, title: row.title, summary: row.summary, content: row.content, published: new Date(row.published_at) };
}
