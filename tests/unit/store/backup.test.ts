import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../src/store/open-store.js';
import { at, parsed, source, tempDbPath, tempStore, updated } from './store-helpers.js';

// A few megabytes of items, so the backup takes many 100-page steps and writes land between them.
const BULK = Array.from({ length: 3000 }, (_, n) =>
  parsed({ url: `https://kado.net/bulk/${n}`, title: `기사 ${n}`, content: `<p>${'강원 소식 '.repeat(150)}${n}</p>`, published: at(-n) }),
);

describe('backup', () => {
  it('copies every committed item while another connection keeps inserting', async () => {
    const file = tempDbPath();
    const store = tempStore(file);
    store.syncSources([source('kado')]);
    store.savePoll(updated('kado', BULK, at(0)));
    const writer = openStore(file);
    let written = 0;
    let backingUp = true;
    const writing = (async () => {
      while (backingUp) {
        writer.savePoll(updated('kado', [parsed({ url: `https://kado.net/live/${written}`, title: `속보 ${written}` })], at(1 + written)));
        written++;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();

    const target = path.join(path.dirname(file), 'copy.db');
    await new Promise((resolve) => setImmediate(resolve));
    const before = written;
    await store.backup(target);
    backingUp = false;
    await writing;
    writer.close();
    expect(written).toBeGreaterThan(before);

    const copy = new Database(target, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    const titles = new Set((copy.prepare('SELECT title FROM items').all() as { title: string }[]).map((r) => r.title));
    copy.close();
    for (const item of BULK) expect(titles.has(item.title ?? '')).toBe(true);
    for (let n = 0; n < before; n++) expect(titles.has(`속보 ${n}`)).toBe(true);
    expect(titles.size).toBeLessThanOrEqual(BULK.length + written);
  });

  it('gives a copy the store opens and searches like the original', async () => {
    const file = tempDbPath();
    const store = tempStore(file);
    store.syncSources([source('kado')]);
    store.savePoll(updated('kado', BULK.slice(0, 10), at(0)));
    const target = path.join(path.dirname(file), 'copy.db');
    await store.backup(target);
    const copy = tempStore(target);
    expect(copy.queryItems({ search: '강원', limit: 100 })).toHaveLength(10);
    expect(copy.lastChange()).toBe(store.lastChange());
  });
});
