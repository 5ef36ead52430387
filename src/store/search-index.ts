// What the search index (items_fts, migration 9) holds for an item: one column of the words
// store/search.ts makes of its fields, so a search reads one position list per word.
import type Database from 'better-sqlite3';
import { FULL_CONTENT_SQL } from './details.js';
import { htmlToText, searchText } from './search.js';

export interface SearchFields {
  readonly title: string | null;
  readonly summary: string | null;
  /** Sanitised HTML: the full content (page body and attachments) when the item's page was read. */
  readonly content: string | null;
  readonly author: string | null;
  readonly categories: readonly string[];
}

interface ItemRow {
  id: number;
  title: string | null;
  summary: string | null;
  content: string | null;
  author: string | null;
  categories: string;
}

const BATCH = 500;

// searchDocument is the text indexed for an item. The fields follow one another in one column:
// a search never names a field, and no phrase of bigrams can span two fields, because every
// Hangul run ends with its last syllable alone. A summary whose words are the first words of the
// content (parse/ derives one when a feed gives none, and many feeds cut theirs from the body)
// is left out: every phrase in it is found in the content already.
export function searchDocument(fields: SearchFields): string {
  const content = searchText(htmlToText(fields.content));
  const summary = searchText(fields.summary);
  const repeated = summary !== '' && (content === summary || content.startsWith(`${summary} `));
  return [searchText(fields.title), repeated ? '' : summary, content, searchText(fields.author), searchText(fields.categories.join(' '))]
    .filter((part) => part !== '')
    .join(' ');
}

// reindexItems indexes every stored item into an empty items_fts, from its full content as stored
// (details.ts), a few hundred items at a time; it runs inside the caller's transaction.
export function reindexItems(db: Database.Database): void {
  const page = db.prepare(`
    SELECT id, title, summary, ${FULL_CONTENT_SQL} AS content, author, categories FROM items
    WHERE id > ? ORDER BY id LIMIT ?`);
  const insert = db.prepare('INSERT INTO items_fts (rowid, text) VALUES (?, ?)');
  for (let after = 0; ; ) {
    const rows = page.all(after, BATCH) as ItemRow[];
    const last = rows[rows.length - 1];
    if (last === undefined) return;
    for (const row of rows) {
      const { title, summary, content, author } = row;
      insert.run(row.id, searchDocument({ title, summary, content, author, categories: JSON.parse(row.categories) as string[] }));
    }
    after = last.id;
  }
}
