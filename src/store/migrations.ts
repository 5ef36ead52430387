// Numbered schema migrations, recorded in PRAGMA user_version.
import type Database from 'better-sqlite3';
import { reindexItems } from './search-index.js';

// A migration is SQL, or a function for the steps SQL cannot do (re-indexing through search.ts).
type Migration = string | ((db: Database.Database) => void);

// Append only: a released migration is never edited, because databases that already ran it
// would never see the change. Times are ISO-8601 UTC text with milliseconds
// ('2024-12-01T08:55:13.000Z'): readable in `sqlite3` and correctly ordered by plain text comparison.
// Tables are not STRICT so that a `sqlite3` older than 3.37 (Debian 11) can still read them.
const MIGRATIONS: readonly Migration[] = [
  // 1: sources, items, poll log, search index.
  `
  CREATE TABLE sources (
    id                   TEXT PRIMARY KEY,              -- the id from sources.yaml
    name                 TEXT NOT NULL,                 -- display name
    url                  TEXT NOT NULL,                 -- feed address as configured
    region               TEXT,                          -- e.g. 'gangwon', or NULL
    tags                 TEXT NOT NULL DEFAULT '[]',    -- JSON array of strings
    enabled              INTEGER NOT NULL DEFAULT 1,    -- 1 polled, 0 paused in the config
    interval_ms          INTEGER NOT NULL,              -- polling interval from the config
    removed_at           TEXT,                          -- when it left the config; rows and items are kept
    etag                 TEXT,                          -- validator for the next conditional GET
    last_modified        TEXT,                          -- Last-Modified validator, as the server sent it
    last_poll_at         TEXT,                          -- end of the last poll, whatever its outcome
    last_success_at      TEXT,                          -- end of the last poll that was 'updated' or 'not-modified'
    consecutive_failures INTEGER NOT NULL DEFAULT 0,    -- failed polls in a row (drives back-off)
    last_error_kind      TEXT,                          -- stable kind of the last failure ('timeout', 'parse', …)
    last_error           TEXT,                          -- message of the last failure; NULL after a success
    next_poll_at         TEXT,                          -- when the source is due; NULL = as soon as possible
    permanent_redirect   TEXT,                          -- where a 301/308 moved the feed: update sources.yaml
    created_at           TEXT NOT NULL                  -- first time the source was seen in the config
  );

  CREATE TABLE items (
    id            INTEGER PRIMARY KEY,                  -- stable row id, also the search index rowid
    source_id     TEXT NOT NULL REFERENCES sources(id),
    item_key      TEXT NOT NULL,                        -- identity inside the source: 'u:'/'g:'/'h:' (dedupe/item-key.ts)
    guid          TEXT,                                 -- guid/id as the feed gave it
    url           TEXT,                                 -- link as the feed gave it
    canonical_url TEXT,                                 -- https, no tracking parameters, no m./www. host
    title         TEXT,                                 -- plain text
    summary       TEXT,                                 -- plain text
    content       TEXT,                                 -- sanitised HTML
    author        TEXT,
    categories    TEXT NOT NULL DEFAULT '[]',           -- JSON array of strings
    image         TEXT,                                 -- image URL
    published_at  TEXT NOT NULL,                        -- the feed's date, else when first seen
    updated_at    TEXT,                                 -- the feed's updated date, if any
    fetched_at    TEXT NOT NULL,                        -- when regionwire first saw the item
    changed_at    TEXT,                                 -- when an edit at the source was last stored; NULL if never
    content_hash  TEXT NOT NULL,                        -- sha256 of the edit-relevant fields
    UNIQUE (source_id, item_key)
  );
  CREATE INDEX items_by_published ON items (published_at DESC, id DESC);
  CREATE INDEX items_by_source ON items (source_id, published_at DESC, id DESC);

  CREATE TABLE poll_log (
    id              INTEGER PRIMARY KEY,
    source_id       TEXT NOT NULL REFERENCES sources(id),
    started_at      TEXT NOT NULL,
    finished_at     TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('updated', 'not-modified', 'failed')),
    http_status     INTEGER,                            -- 304 for 'not-modified'; NULL for local files and network failures
    new_count       INTEGER NOT NULL DEFAULT 0,
    updated_count   INTEGER NOT NULL DEFAULT 0,
    unchanged_count INTEGER NOT NULL DEFAULT 0,
    error_kind      TEXT,                               -- stable failure kind, for 'failed'
    error           TEXT,                               -- failure message, for 'failed'
    encoding        TEXT,                               -- charset the body was decoded with, for 'updated'
    warning         TEXT,                               -- e.g. the declared charset was wrong
    duration_ms     INTEGER NOT NULL
  );
  CREATE INDEX poll_log_by_source ON poll_log (source_id, started_at DESC);
  CREATE INDEX poll_log_by_time ON poll_log (started_at DESC);

  -- Search index (store/search.ts): each column is the field rewritten as CJK bigrams, so query it
  -- through regionwire, or join rowid = items.id. Contentless (it keeps no copy of the text: a
  -- fifth of the size of a regular FTS5 table) with contentless_delete, which needs SQLite ≥ 3.43;
  -- an older sqlite3 shell reads every other table but cannot open this one.
  CREATE VIRTUAL TABLE items_fts USING fts5 (
    title, summary, content, author, categories,
    content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
  );
  `,
  // 2: item topics, and a change counter for cheap "has anything changed?" probes.
  `
  CREATE TABLE item_topics (
    item_id  INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    topic_id TEXT NOT NULL,                             -- the id from topics.yaml
    reason   TEXT NOT NULL,                             -- the rule that matched, e.g. 'any: 중소기업 (title)'
    PRIMARY KEY (item_id, topic_id)
  );
  CREATE INDEX item_topics_by_topic ON item_topics (topic_id, item_id);

  -- Small facts about the database as a whole: 'instance' (random, per database file),
  -- 'generation' (bumped by the triggers below on every change to items or their topics) and
  -- 'topics_fingerprint' (what the stored topics were computed with; see store/topics.ts).
  CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value                                               -- no type: no affinity, so '12e4…' text stays text
  );
  INSERT INTO meta (key, value) VALUES ('instance', lower(hex(randomblob(8)))), ('generation', 0);

  CREATE TRIGGER items_inserted AFTER INSERT ON items BEGIN
    UPDATE meta SET value = value + 1 WHERE key = 'generation'; END;
  CREATE TRIGGER items_updated AFTER UPDATE ON items BEGIN
    UPDATE meta SET value = value + 1 WHERE key = 'generation'; END;
  CREATE TRIGGER items_deleted AFTER DELETE ON items BEGIN
    UPDATE meta SET value = value + 1 WHERE key = 'generation'; END;
  CREATE TRIGGER item_topics_inserted AFTER INSERT ON item_topics BEGIN
    UPDATE meta SET value = value + 1 WHERE key = 'generation'; END;
  CREATE TRIGGER item_topics_updated AFTER UPDATE ON item_topics BEGIN
    UPDATE meta SET value = value + 1 WHERE key = 'generation'; END;
  CREATE TRIGGER item_topics_deleted AFTER DELETE ON item_topics BEGIN
    UPDATE meta SET value = value + 1 WHERE key = 'generation'; END;
  `,
  // 3: tombstones of pruned items, so that the next poll of a feed still listing them does not
  // store them again (Miniflux's ErrEntryTombstoned); store/retention.ts drops them after a while.
  `
  CREATE TABLE tombstones (
    source_id TEXT NOT NULL,                            -- sources.id
    item_key  TEXT NOT NULL,                            -- items.item_key of the pruned item
    pruned_at TEXT NOT NULL,
    PRIMARY KEY (source_id, item_key)
  ) WITHOUT ROWID;
  CREATE INDEX tombstones_by_time ON tombstones (pruned_at);
  `,
  // 4: stories — versions of one press release from several outlets (stories/, store/stories.ts).
  `
  CREATE TABLE stories (
    id                  INTEGER PRIMARY KEY,            -- id of the item that started it; feeds use it in the GUID
    representative_id   INTEGER NOT NULL,               -- items.id of the version shown first
    representative_rank REAL NOT NULL DEFAULT 0,        -- its rank (government source, priority, text length)
    first_seen          TEXT NOT NULL,                  -- earliest published_at among its items
    last_seen           TEXT NOT NULL,                  -- latest published_at among its items
    item_count          INTEGER NOT NULL                -- versions (items) in the story
  );
  CREATE INDEX stories_by_last_seen ON stories (last_seen DESC);

  ALTER TABLE items ADD COLUMN story_id INTEGER;        -- stories.id; NULL for items stored before migration 4
  CREATE INDEX items_by_story ON items (story_id, published_at);

  -- LSH band index: an item's MinHash band keys with its publication time (unix seconds), so
  -- "items sharing a key within the window" is one range scan per key.
  CREATE TABLE story_bands (
    band_key  INTEGER NOT NULL,
    published INTEGER NOT NULL,
    item_id   INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    PRIMARY KEY (band_key, published, item_id)
  ) WITHOUT ROWID;
  CREATE INDEX story_bands_by_item ON story_bands (item_id);

  -- MinHash signatures (little-endian uint32 values), kept so keys can be re-banded without re-shingling.
  CREATE TABLE story_signatures (
    item_id   INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
    signature BLOB NOT NULL
  );

  -- A pruned item leaves its story: the count drops, a pruned representative is replaced by the
  -- earliest remaining version, and a story without items goes.
  CREATE TRIGGER items_leave_story AFTER DELETE ON items WHEN old.story_id IS NOT NULL BEGIN
    UPDATE stories SET item_count = item_count - 1,
      representative_rank = iif(representative_id = old.id, 0, representative_rank),
      representative_id = iif(representative_id = old.id,
        coalesce((SELECT id FROM items WHERE story_id = old.story_id ORDER BY published_at, id LIMIT 1), representative_id),
        representative_id)
    WHERE id = old.story_id;
    DELETE FROM stories WHERE id = old.story_id AND item_count <= 0;
  END;
  `,
  // 5: sources that answered 410 Gone: the publisher removed the feed for good, so the scheduler
  // stops asking until the url in sources.yaml changes (store/sources.ts, store/polls.ts).
  `
  ALTER TABLE sources ADD COLUMN gone_at TEXT;          -- first 410 of the current run of them; NULL = polled as usual
  `,
  // 6: story detection keeps its band index in memory for the recent items (stories/band-index.ts),
  // rebuilt from their text after a restart; the tables of migration 4 that held it on disk go.
  `
  DROP TABLE story_bands;
  DROP TABLE story_signatures;
  `,
  // 7: items a poll did not store because they had nothing in them (store/items.ts), so the log
  // says why a feed of 50 items gave 49.
  `
  ALTER TABLE poll_log ADD COLUMN skipped_count INTEGER NOT NULL DEFAULT 0;
  `,
  // 8: full text (issue 10, store/details.ts). Per item, the state of its own page (so a page is
  // fetched once, again only when the item is edited or the last try failed, at most 3 tries) and
  // its attachments. An attachment's text is kept in its row: it is what search, topics and stories
  // read when the item is indexed again (an edit answered 304), and files on disk would be a second
  // thing to back up and prune. Existing items are untouched; they have no row (never fetched).
  `
  CREATE TABLE item_details (
    item_id       INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
    status        TEXT NOT NULL,               -- ok | failed | pending (over max_per_poll, not tried)
    tries         INTEGER NOT NULL DEFAULT 0,  -- failed tries in a row for this version of the item
    error         TEXT,                        -- why the last try failed
    fetched_at    TEXT,                        -- last try
    etag          TEXT,                        -- the page's validators, for a conditional GET
    last_modified TEXT,
    body          TEXT,                        -- the extracted body, sanitised HTML
    body_length   INTEGER NOT NULL DEFAULT 0   -- characters of its text; under 200 a stub, left out of full_content
  );
  CREATE TABLE attachments (
    item_id     INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,              -- order on the page, from 0
    url         TEXT NOT NULL,
    name        TEXT NOT NULL,
    media_type  TEXT,                          -- from the bytes; NULL = unknown or not downloaded
    size        INTEGER,                       -- bytes downloaded; NULL = download failed
    text_length INTEGER,                       -- characters read; NULL = no text
    error       TEXT,                          -- why there is no text
    text        TEXT,
    PRIMARY KEY (item_id, position)
  ) WITHOUT ROWID;
  `,
  // 9: the search index made cheaper to write (issue 11); searches find the same items. One column
  // instead of five (see store/search-index.ts), the `ascii` tokenizer instead of unicode61 (search.ts
  // already splits, lower-cases and drops diacritics), and segments merged 8 at a time instead of 4
  // (each poll's commit writes a small segment; merging them in bigger groups rewrites each less
  // often, for a slightly longer lookup). Every stored item is indexed again, as search.ts does now.
  (db) => {
    db.exec(`
      DROP TABLE items_fts;
      CREATE VIRTUAL TABLE items_fts USING fts5 (text, content = '', contentless_delete = 1, tokenize = 'ascii');
      INSERT INTO items_fts (items_fts, rank) VALUES ('automerge', 8);
    `);
    reindexItems(db);
  },
  // 10: no trigger per inserted or updated row of items and item_topics (issue 11). An AFTER INSERT
  // trigger on items cost about 45 µs an item even when it did nothing (`WHEN 0`): the store stage
  // of 30,000 items took 4.59 s of CPU without the four below and 5.34 s with them (means of five
  // alternating runs). The store raises the generation once per transaction instead
  // (generation.ts); the delete triggers stay.
  `
  DROP TRIGGER IF EXISTS items_inserted;
  DROP TRIGGER IF EXISTS items_updated;
  DROP TRIGGER IF EXISTS item_topics_inserted;
  DROP TRIGGER IF EXISTS item_topics_updated;
  `,
];

// SCHEMA_VERSION is the user_version a fully migrated database has.
export const SCHEMA_VERSION = MIGRATIONS.length;

// migrate brings the database to SCHEMA_VERSION, one transaction per migration.
export function migrate(db: Database.Database): void {
  for (;;) {
    // IMMEDIATE takes the write lock before reading the version, so two processes opening one new
    // file cannot both run the same migration.
    const done = db
      .transaction(() => {
        const version = userVersion(db);
        if (version > SCHEMA_VERSION) {
          throw new Error(
            `store: database schema version ${version} is newer than this regionwire understands (${SCHEMA_VERSION}); upgrade regionwire or use another database file`,
          );
        }
        const step = MIGRATIONS[version];
        if (step === undefined) return true;
        if (typeof step === 'string') db.exec(step);
        else step(db);
        db.pragma(`user_version = ${version + 1}`);
        return false;
      })
      .immediate();
    if (done) return;
  }
}

function userVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}
