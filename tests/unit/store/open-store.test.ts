import fs from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../../src/store/migrations.js';
import { openStore } from '../../../src/store/open-store.js';
import { at, parsed, source, tempDbPath, tempStore, updated } from './store-helpers.js';

function inspect<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

describe('openStore', () => {
  it('creates the parent folder and migrates an empty file', () => {
    const file = tempDbPath();
    tempStore(file).close();
    expect(fs.existsSync(file)).toBe(true);
    const tables = inspect(file, (db) =>
      (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'items_fts_%' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name),
    );
    expect(tables).toEqual(['attachments', 'item_details', 'item_topics', 'items', 'items_fts', 'meta', 'poll_log', 'sources', 'stories', 'tombstones']);
    expect(inspect(file, (db) => db.pragma('user_version', { simple: true }))).toBe(SCHEMA_VERSION);
  });

  it('leaves the file in WAL journal mode', () => {
    const file = tempDbPath();
    tempStore(file);
    expect(inspect(file, (db) => db.pragma('journal_mode', { simple: true }))).toBe('wal');
  });

  it('reopens an existing file without migrating again, keeping everything', () => {
    const file = tempDbPath();
    const first = openStore(file);
    first.syncSources([source('kado')]);
    first.savePoll(updated('kado', [parsed({ url: 'https://kado.net/a/1', title: '강원경제 회복' })], at(0)));
    first.close();

    const again = tempStore(file);
    expect(inspect(file, (db) => db.pragma('user_version', { simple: true }))).toBe(SCHEMA_VERSION);
    expect(again.sourceState('kado')).toMatchObject({ etag: '"v1"', itemCount: 1, lastSuccessAt: at(0) });
    expect(again.queryItems({ search: '경제' }).map((i) => i.title)).toEqual(['강원경제 회복']);
    expect(again.pollLog('kado')).toHaveLength(1);
  });

  it('refuses a database made by a newer regionwire', () => {
    const file = tempDbPath();
    tempStore(file).close();
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => openStore(file)).toThrow(/newer than this regionwire/);
  });

  it('works in memory', () => {
    const store = openStore(':memory:');
    store.syncSources([source('kado')]);
    expect(store.sourceStates().map((s) => s.id)).toEqual(['kado']);
    expect(store.stats().databaseBytes).toBeGreaterThan(0);
    store.close();
  });

  it('close checkpoints the WAL into the main file', () => {
    const file = tempDbPath();
    const store = openStore(file);
    store.syncSources([source('kado')]);
    store.close();
    expect(fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0).toBe(0);
  });
});
