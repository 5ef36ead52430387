// Full text (issue 10): each item's detail-page state and its attachments, written with the poll.
import type Database from 'better-sqlite3';
import { STUB_BODY_CHARS, type DetailState, type ItemAttachment, type ItemDetail, type ReadAttachment, type StoredItem } from '../model.js';
import { iso } from './time.js';

/**
 * An item's full content in SQL, for story detection warming up after a restart or rebuilding:
 * as the worker built it (worker/read-details.ts), the body read from the item's page followed by
 * every attachment's text; the stored content for items whose page was not read. Select it from
 * `items` (unaliased).
 */
export const FULL_CONTENT_SQL = `coalesce(
    (SELECT iif(d.body_length >= ${STUB_BODY_CHARS}, coalesce(d.body, ''), '')
            || coalesce(char(10) || (SELECT group_concat(a.text, char(10)) FROM attachments a WHERE a.item_id = d.item_id AND a.text IS NOT NULL), '')
     FROM item_details d WHERE d.item_id = items.id AND d.status = 'ok'),
    items.content)`;

export interface DetailRepo {
  /** Writes an item's detail state and, when it was read, its attachments (replacing the old ones). */
  writeDetail(itemId: number | bigint, detail: ItemDetail, now: Date): void;
  /** What the store knows of these keys of a source, for the keys it has stored. */
  detailStates(source: string, keys: readonly string[]): Map<string, DetailState>;
  /** The attachments of these items, in page order, without their text (API, feeds). */
  attachmentsOf(itemIds: readonly number[]): Map<number, ItemAttachment[]>;
  /** The items with their `attachments` filled in (an empty list for items without any). */
  withAttachments<T extends StoredItem>(items: readonly T[]): T[];
}

interface AttachmentRow {
  item_id: number;
  url: string;
  name: string;
  media_type: string | null;
  size: number | null;
  text_length: number | null;
  error: string | null;
  text?: string | null;
}

interface StateRow {
  key: string;
  id: number;
  content_hash: string;
  status: ItemDetail['status'] | null;
  tries: number | null;
  etag: string | null;
  last_modified: string | null;
  body: string | null;
  body_length: number | null;
}

// detailRepo prepares the statements once.
export function detailRepo(db: Database.Database): DetailRepo {
  const upsert = db.prepare(`
    INSERT INTO item_details (item_id, status, tries, error, fetched_at, etag, last_modified, body, body_length)
    VALUES (@id, @status, @tries, @error, @fetched, @etag, @lastModified, @body, @bodyLength)
    ON CONFLICT (item_id) DO UPDATE SET status = excluded.status, tries = excluded.tries, error = excluded.error,
      fetched_at = coalesce(excluded.fetched_at, fetched_at), etag = excluded.etag,
      last_modified = excluded.last_modified, body = coalesce(excluded.body, body),
      body_length = iif(excluded.body IS NULL, body_length, excluded.body_length)`);
  const clear = db.prepare('DELETE FROM attachments WHERE item_id = ?');
  const insert = db.prepare(`
    INSERT INTO attachments (item_id, position, url, name, media_type, size, text_length, error, text)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const states = db.prepare(`
    SELECT k.value AS key, i.id, i.content_hash, d.status, d.tries, d.etag, d.last_modified, d.body, d.body_length
    FROM json_each(?) k
    JOIN items i ON i.source_id = ? AND i.item_key = k.value
    LEFT JOIN item_details d ON d.item_id = i.id`);
  const withText = db.prepare(`
    SELECT item_id, url, name, media_type, size, text_length, error, text FROM attachments
    WHERE item_id IN (SELECT value FROM json_each(?)) ORDER BY item_id, position`);
  const listed = db.prepare(`
    SELECT item_id, url, name, media_type, size, text_length, error FROM attachments
    WHERE item_id IN (SELECT value FROM json_each(?)) ORDER BY item_id, position`);

  const grouped = (stmt: Database.Statement, ids: readonly number[]): Map<number, ReadAttachment[]> => {
    const out = new Map<number, ReadAttachment[]>();
    for (const row of stmt.all(JSON.stringify(ids)) as AttachmentRow[]) {
      const list = out.get(row.item_id) ?? [];
      list.push(toAttachment(row));
      out.set(row.item_id, list);
    }
    return out;
  };

  const attachmentsOf = (itemIds: readonly number[]): Map<number, ItemAttachment[]> => {
    if (itemIds.length === 0) return new Map();
    const out = new Map<number, ItemAttachment[]>();
    for (const [id, list] of grouped(listed, itemIds)) out.set(id, list.map(({ text: _text, ...rest }) => rest));
    return out;
  };

  return {
    writeDetail(itemId, detail, now) {
      // A failed try keeps the body and attachments an earlier try read; a pending item has none yet.
      const tried = detail.status !== 'pending';
      upsert.run({
        id: itemId,
        status: detail.status,
        tries: detail.tries,
        error: detail.error,
        fetched: tried ? iso(now) : null,
        etag: detail.etag,
        lastModified: detail.lastModified,
        body: detail.body,
        bodyLength: detail.bodyLength,
      });
      if (detail.status !== 'ok') return;
      clear.run(itemId);
      detail.attachments.forEach((a, position) => {
        insert.run(itemId, position, a.url, a.name, a.mediaType, a.size, a.textLength, a.error, a.text);
      });
    },

    detailStates(source, keys) {
      const rows = states.all(JSON.stringify(keys), source) as StateRow[];
      const attachments = grouped(withText, rows.filter((r) => r.status === 'ok').map((r) => r.id));
      return new Map(
        rows.map((r) => [
          r.key,
          {
            itemId: r.id,
            contentHash: r.content_hash,
            status: r.status,
            tries: r.tries ?? 0,
            etag: r.etag,
            lastModified: r.last_modified,
            body: r.body,
            bodyLength: r.body_length ?? 0,
            attachments: attachments.get(r.id) ?? [],
          },
        ]),
      );
    },

    attachmentsOf,
    withAttachments(items) {
      const found = attachmentsOf(items.map((item) => item.id));
      return items.map((item) => ({ ...item, attachments: found.get(item.id) ?? [] }));
    },
  };
}

function toAttachment(row: AttachmentRow): ReadAttachment {
  return {
    url: row.url,
    name: row.name,
    mediaType: row.media_type,
    size: row.size,
    textLength: row.text_length,
    error: row.error,
    text: row.text ?? null,
  };
}
