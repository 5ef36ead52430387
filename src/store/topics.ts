// Item topics: writing them, re-computing them all, per-topic figures and the change marker.
import type Database from 'better-sqlite3';
import type { ClassifiableItem, ItemClassifier, TopicMatchResult } from '../model.js';
import { generationBump } from './generation.js';
import { dateOrNull } from './time.js';

export interface TopicStats {
  readonly topic: string;
  readonly items: number;
  /** Publication time of the topic's newest item. */
  readonly newest: Date | null;
}

export interface ReclassifyResult {
  readonly items: number;
  /** Items whose set of topics (or a reason) changed. */
  readonly changed: number;
}

export interface TopicRepo {
  /** Replaces an item's topics; must run inside the caller's transaction. */
  writeTopics(itemId: number | bigint, topics: readonly TopicMatchResult[]): void;
  reclassifyAll(classify: ItemClassifier, onProgress?: (done: number, total: number) => void): ReclassifyResult;
  topicStats(): TopicStats[];
  lastChange(): string;
  topicsFingerprint(): string | null;
  setTopicsFingerprint(fingerprint: string): void;
}

interface BatchRow {
  id: number;
  source_id: string;
  title: string | null;
  summary: string | null;
  content: string | null;
  categories: string;
  topics: string;
}

/** Items re-classified per transaction: short enough that a poll waiting on the lock barely notices. */
const BATCH = 2000;

// Topics as stored for comparison: sorted "id\0reason" pairs.
const signature = (topics: readonly TopicMatchResult[]): string =>
  topics.map((t) => `${t.topic}\u0000${t.reason}`).sort().join('\u0001');

// topicRepo prepares the item_topics statements once.
export function topicRepo(db: Database.Database): TopicRepo {
  const remove = db.prepare('DELETE FROM item_topics WHERE item_id = ?');
  const insert = db.prepare('INSERT OR REPLACE INTO item_topics (item_id, topic_id, reason) VALUES (?, ?, ?)');
  const batch = db.prepare(`
    SELECT i.id, i.source_id, i.title, i.summary, i.content, i.categories,
           (SELECT json_group_array(t.topic_id || char(0) || t.reason) FROM item_topics t WHERE t.item_id = i.id) AS topics
    FROM items i WHERE i.id > ? ORDER BY i.id LIMIT ?`);
  const count = db.prepare('SELECT count(*) FROM items').pluck();
  const stats = db.prepare(`
    SELECT t.topic_id AS topic, count(*) AS items, max(i.published_at) AS newest
    FROM item_topics t JOIN items i ON i.id = t.item_id
    GROUP BY t.topic_id ORDER BY t.topic_id`);
  const metaGet = db.prepare('SELECT value FROM meta WHERE key = ?').pluck();
  const metaSet = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  // The instance id never changes for a file (restore refuses while the database is open), so
  // lastChange() — asked on every HTTP request — reads only the generation.
  const instance = String(metaGet.get('instance'));
  const generation = db.prepare("SELECT value FROM meta WHERE key = 'generation'").pluck();
  const topicsChanged = generationBump(db);

  const writeTopics = (itemId: number | bigint, topics: readonly TopicMatchResult[]): void => {
    remove.run(itemId);
    for (const t of topics) insert.run(itemId, t.topic, t.reason);
  };

  // One batch read, classified and written in one transaction, so a concurrent poll's update of
  // an item cannot be overwritten with topics computed from its older text.
  const runBatch = db.transaction((afterId: number, classify: ItemClassifier) => {
    const rows = batch.all(afterId, BATCH) as BatchRow[];
    let changed = 0;
    for (const row of rows) {
      const item: ClassifiableItem = {
        title: row.title,
        summary: row.summary,
        content: row.content,
        categories: JSON.parse(row.categories) as string[],
      };
      const topics = classify(item, row.source_id);
      const stored = (JSON.parse(row.topics) as string[]).sort().join('\u0001');
      if (stored === signature(topics)) continue;
      writeTopics(row.id, topics);
      changed++;
    }
    if (changed > 0) topicsChanged();
    return { last: rows[rows.length - 1]?.id ?? null, count: rows.length, changed };
  });

  return {
    writeTopics,
    // Only rows whose topics really changed are rewritten, so lastChange() moves only when they do.
    reclassifyAll(classify, onProgress) {
      const total = count.get() as number;
      let done = 0;
      let changed = 0;
      let afterId = 0;
      onProgress?.(0, total);
      for (;;) {
        const result = runBatch.immediate(afterId, classify);
        if (result.last === null) break;
        afterId = result.last;
        done += result.count;
        changed += result.changed;
        onProgress?.(Math.min(done, total), total);
      }
      return { items: done, changed };
    },
    // Topics with at least one item; the caller adds configured topics that have none yet.
    topicStats: () =>
      (stats.all() as { topic: string; items: number; newest: string | null }[]).map((r) => ({
        topic: r.topic,
        items: r.items,
        newest: dateOrNull(r.newest),
      })),
    // Changes whenever any item or item topic is written or deleted (generation.ts), and differs
    // between database files, so it can key caches and HTTP ETags.
    lastChange: () => `${instance}-${String(generation.get())}`,
    topicsFingerprint: () => (metaGet.get('topics_fingerprint') as string | undefined) ?? null,
    setTopicsFingerprint: (fingerprint) => void metaSet.run('topics_fingerprint', fingerprint),
  };
}
