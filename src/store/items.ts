// The items table and its search index: upserts from a poll (listing is in item-queries.ts).
import type Database from 'better-sqlite3';
import type { ClassifiedItem, DetailedItem, ItemDetail, KeyedItem, SaveCounts, StoryAssigner } from '../model.js';
import type { DetailRepo } from './details.js';
import { generationBump } from './generation.js';
import { itemQueries, type ItemQueries } from './item-queries.js';
import { searchDocument } from './search-index.js';
import { iso, isoOrNull } from './time.js';
import type { StoryRepo } from './stories.js';
import type { TopicRepo } from './topics.js';

export interface ItemRepo extends ItemQueries {
  /**
   * Must run inside the caller's transaction (see polls.ts). A new or edited item that carries
   * `topics` gets exactly those; one without keeps what it had (an unchanged item is not touched).
   * A tombstoned (pruned) item is not stored again and counts as unchanged. With `assign`, each
   * new item is put into a story; an edited item keeps its story. An item with nothing in it (no
   * title, link, text or guid) is not stored and counts as skipped.
   */
  saveItems(source: string, items: readonly (KeyedItem | ClassifiedItem)[], now: Date, assign?: StoryAssigner): SaveCounts;
}

interface KeyRow {
  key: string;
  /** NULL: not stored. */
  id: number | null;
  content_hash: string | null;
  pruned: 0 | 1;
}

// itemRepo prepares the statements for items and items_fts once; topics are written through `topics`.
export function itemRepo(
  db: Database.Database,
  topics: Pick<TopicRepo, 'writeTopics'>,
  stories: Pick<StoryRepo, 'transactionAssigner'>,
  details: Pick<DetailRepo, 'writeDetail'>,
): ItemRepo {
  // What the store holds of a save's keys, in one query rather than two per item.
  const lookup = db.prepare(`
    SELECT k.value AS key, i.id, i.content_hash,
           EXISTS (SELECT 1 FROM tombstones t WHERE t.source_id = @source AND t.item_key = k.value) AS pruned
    FROM json_each(@keys) k LEFT JOIN items i ON i.source_id = @source AND i.item_key = k.value`);
  // A new item comes with its id and story: the story is chosen before the insert, so the row is
  // written once (no UPDATE of story_id, its index and the change trigger afterwards).
  const insert = db.prepare(`
    INSERT INTO items (id, source_id, item_key, guid, url, canonical_url, title, summary, content, author,
                       categories, image, published_at, updated_at, fetched_at, content_hash, story_id)
    VALUES (@id, @source, @key, @guid, @url, @canonicalUrl, @title, @summary, @content, @author,
            @categories, @image, coalesce(@published, @now), @updated, @now, @contentHash, @story)`);
  // The highest id an item or a story has; the next item takes the one after, which the write
  // transaction keeps free. A story is named after an item and may outlive it (the rest of its
  // versions stay): SQLite's own next id, after the highest item, could then be that story's.
  const lastId = db.prepare('SELECT max(coalesce((SELECT max(id) FROM items), 0), coalesce((SELECT max(id) FROM stories), 0))').pluck();
  // fetched_at is never touched, and published_at only when the feed now gives a real date.
  const update = db.prepare(`
    UPDATE items SET guid = @guid, url = @url, canonical_url = @canonicalUrl, title = @title,
      summary = @summary, content = @content, author = @author, categories = @categories,
      image = @image, published_at = coalesce(@published, published_at), updated_at = @updated,
      changed_at = @now, content_hash = @contentHash
    WHERE id = @id`);
  const ftsInsert = db.prepare('INSERT INTO items_fts (rowid, text) VALUES (?, ?)');
  const ftsDelete = db.prepare('DELETE FROM items_fts WHERE rowid = ?');
  const changed = generationBump(db);

  const index = (id: number | bigint, item: KeyedItem): void => {
    const { title, summary, author, categories } = item;
    ftsInsert.run(id, searchDocument({ title, summary, content: fullContent(item), author, categories }));
  };

  return {
    ...itemQueries(db),
    saveItems(source, items, now, assign) {
      let created = 0;
      let updated = 0;
      let unchanged = 0;
      let skipped = 0;
      const assignItem = assign === undefined ? null : stories.transactionAssigner(assign);
      let nextId: number | null = null;
      const rows = lookup.all({ source, keys: JSON.stringify(items.map((item) => item.key)) }) as KeyRow[];
      const known = new Map(rows.map((row) => [row.key, row]));
      for (const item of items) {
        if (isEmpty(item)) {
          skipped++;
          continue;
        }
        const seen = known.get(item.key);
        const found = seen !== undefined && seen.id !== null ? { id: seen.id, contentHash: seen.content_hash } : undefined;
        // A pruned item the feed still lists stays pruned (see retention.ts): for the poll it is old news.
        const skip = found === undefined ? seen?.pruned === 1 : found.contentHash === item.contentHash;
        // A retried or pending item whose page was read now is stored again with its full text.
        const detail = detailOf(item);
        if (skip && !(found !== undefined && detail?.status === 'ok')) {
          if (found !== undefined && detail !== null) details.writeDetail(found.id, detail, now);
          unchanged++;
          continue;
        }
        // id and story are set below, not spread in (see dedupe/item-key.ts on spreads).
        const row = {
          id: 0,
          story: null as number | null,
          source,
          key: item.key,
          guid: item.guid,
          url: item.url,
          canonicalUrl: item.canonicalUrl,
          title: item.title,
          summary: item.summary,
          content: item.content,
          author: item.author,
          categories: JSON.stringify(item.categories),
          image: item.image,
          published: isoOrNull(item.published),
          updated: isoOrNull(item.updated),
          now: iso(now),
          contentHash: item.contentHash,
        };
        let id: number;
        if (found === undefined) {
          id = nextId ?? (lastId.get() as number) + 1;
          nextId = id + 1;
          const published = item.published ?? now;
          const story =
            assignItem === null ? null : assignItem({ id, source, title: item.title, summary: item.summary, content: fullContent(item), published });
          row.id = id;
          row.story = story;
          insert.run(row);
          index(id, item);
          created++;
        } else {
          id = found.id;
          row.id = id;
          update.run(row);
          ftsDelete.run(id);
          index(id, item);
          updated++;
        }
        // A key listed twice in one save is stored once, then compared like any stored item.
        known.set(item.key, { key: item.key, id, content_hash: item.contentHash, pruned: 0 });
        if ('topics' in item) topics.writeTopics(id, item.topics);
        if (detail !== null) details.writeDetail(id, detail, now);
      }
      if (created + updated > 0) changed();
      return { new: created, updated, unchanged, skipped };
    },
  };
}

// An <item></item> says nothing a reader could use: stored, it would be an untitled entry that links
// nowhere in every topic it falls into. Author, categories, image and dates alone do not count.
function isEmpty(item: KeyedItem): boolean {
  return [item.title, item.url, item.summary, item.content, item.guid].every((v) => v === null || v.trim() === '');
}

// fullContent is what search and stories read: the body and attachments when the page was read.
function fullContent(item: KeyedItem): string | null {
  return detailOf(item)?.fullContent ?? item.content;
}

function detailOf(item: KeyedItem): ItemDetail | null {
  return (item as Partial<DetailedItem>).detail ?? null;
}
