// Reading stories: listing them with their versions, and the versions of given stories (feeds).
import type Database from 'better-sqlite3';
import type { StoredItem, StoredStory, StoryQuery } from '../model.js';
import { COLUMNS, toItem, type ItemRow } from './item-queries.js';
import { iso } from './time.js';

export interface StoryReader {
  /** Stories, newest version first, each with every version (oldest first). */
  queryStories(q: StoryQuery): StoredStory[];
  /** The versions of each given story, oldest first; also those outside any topic. */
  storyVersions(storyIds: readonly number[]): Map<number, StoredItem[]>;
  /** The representative item id of each given story. */
  storyRepresentatives(storyIds: readonly number[]): Map<number, number>;
}

interface StoryRow {
  id: number;
  representative_id: number;
  first_seen: string;
  last_seen: string;
  item_count: number;
}

const DEFAULT_LIMIT = 50;

// storyReader prepares the story queries once.
export function storyReader(db: Database.Database): StoryReader {
  const all = db.prepare('SELECT * FROM stories WHERE last_seen >= ? ORDER BY last_seen DESC, id DESC LIMIT ?');
  const byTopic = db.prepare(`
    SELECT * FROM stories WHERE last_seen >= ? AND id IN (
      SELECT i.story_id FROM item_topics t JOIN items i ON i.id = t.item_id WHERE t.topic_id = ?)
    ORDER BY last_seen DESC, id DESC LIMIT ?`);
  const versions = db.prepare(`
    SELECT ${COLUMNS} FROM items i WHERE i.story_id IN (SELECT value FROM json_each(?))
    ORDER BY i.published_at, i.id`);
  const reps = db.prepare('SELECT id, representative_id FROM stories WHERE id IN (SELECT value FROM json_each(?))');

  const storyVersions = (ids: readonly number[]): Map<number, StoredItem[]> => {
    const out = new Map<number, StoredItem[]>();
    for (const row of versions.all(JSON.stringify(ids)) as ItemRow[]) {
      const item = toItem(row);
      const list = out.get(item.story ?? item.id);
      if (list === undefined) out.set(item.story ?? item.id, [item]);
      else list.push(item);
    }
    return out;
  };

  return {
    queryStories(q) {
      const since = q.since === undefined ? '' : iso(q.since);
      const limit = Math.max(0, Math.trunc(q.limit ?? DEFAULT_LIMIT));
      const rows = (q.topic === undefined ? all.all(since, limit) : byTopic.all(since, q.topic, limit)) as StoryRow[];
      const items = storyVersions(rows.map((r) => r.id));
      return rows.map((r) => ({
        id: r.id,
        representative: r.representative_id,
        firstSeen: new Date(r.first_seen),
        lastSeen: new Date(r.last_seen),
        itemCount: r.item_count,
        versions: items.get(r.id) ?? [],
      }));
    },
    storyVersions,
    storyRepresentatives: (ids) =>
      new Map((reps.all(JSON.stringify(ids)) as { id: number; representative_id: number }[]).map((r) => [r.id, r.representative_id])),
  };
}
