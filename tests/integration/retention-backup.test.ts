// prune, backup and restore as a user runs them: a real process, a real config folder, a real database.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../helpers/cli.js';
import { serveBody, startOrigin, type Origin } from '../helpers/origin.js';
import { fixture, removeTempDirs, tempDir, writeConfig } from '../helpers/temp.js';



const regionwire = (...args: string[]): Promise<CliRun> => runCli(['--config', config, '--db', db, ...args]);

let origin: Origin;
let config: string;
let db: string;
let dir: string;

beforeAll(async () => {
  // No ETag: every poll gets the whole feed again, pruned items included.
  origin = await startOrigin({ '/rss2.xml': serveBody(fixture('feeds/gangwon-ndsoft-rss2.xml'), { 'content-type': 'text/xml' }) });
  config = writeConfig({
    'sources.yaml': `sources:\n  - { id: rss2, name: 강원뉴스, url: "${origin.at('/rss2.xml')}" }\n`,
    'settings.yaml': 'settings:\n  retention: { items_per_source: 1 }\n',
  });
  dir = tempDir();
  db = path.join(dir, 'regionwire.db');
});

afterAll(async () => {
  await origin?.close();
  removeTempDirs();
});

async function storedTitles(): Promise<string[]> {
  const run = await regionwire('items', '--json');
  return (JSON.parse(run.stdout) as { title: string }[]).map((i) => i.title);
}

describe('regionwire prune, backup, restore', () => {
  it('prune keeps items_per_source, and the next poll does not bring the pruned items back', async () => {
    expect(JSON.parse((await regionwire('poll', '--json')).stdout)).toMatchObject([{ source: 'rss2', new: 3 }]);
    const prune = await regionwire('prune', '--json');
    expect(prune.code).toBe(0);
    expect(JSON.parse(prune.stdout)).toEqual({ pruned: 2, retention: { days: null, items_per_source: 1 } });
    const kept = await storedTitles();
    expect(kept).toHaveLength(1);
    expect(JSON.parse((await regionwire('poll', '--json')).stdout)).toMatchObject([{ status: 'updated', new: 0, unchanged: 3 }]);
    expect(await storedTitles()).toEqual(kept);
    expect((await regionwire('prune')).stdout).toBe('0 items pruned (beyond the newest 1 of their source)\n');
  });

  it('backup writes a copy and refuses to overwrite one without --force', async () => {
    const copy = path.join(dir, 'copy.db');
    expect((await regionwire('backup', copy)).code).toBe(0);
    const again = await regionwire('backup', copy);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--force');
    expect((await regionwire('backup', copy, '--force')).code).toBe(0);
    const raw = new Database(copy, { readonly: true });
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(raw.prepare('SELECT count(*) AS n FROM items').get()).toEqual({ n: 1 });
    raw.close();
  });

  it('restore checks the backup, refuses while the database is open, then puts the copy back', async () => {
    const copy = path.join(dir, 'copy.db');
    const kept = await storedTitles();
    const junk = path.join(dir, 'junk.db');
    fs.writeFileSync(junk, 'not a database at all, just text that is long enough to look like a header');
    expect((await regionwire('restore', junk, '--force')).code).toBe(3);
    expect((await regionwire('restore', copy)).code).toBe(2);

    const holder = new Database(db);
    holder.pragma('journal_mode = WAL');
    const busy = await regionwire('restore', copy, '--force');
    holder.close();
    expect(busy.code).toBe(3);
    expect(busy.stderr).toContain('stop it first');

    fs.rmSync(db);
    expect((await regionwire('restore', copy)).code).toBe(0);
    expect(await storedTitles()).toEqual(kept);
    expect((await regionwire('restore', copy, '--force')).code).toBe(0);
    expect(await storedTitles()).toEqual(kept);
  });
});
