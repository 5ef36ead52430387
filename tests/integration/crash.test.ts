// Crash safety: `regionwire poll` killed with SIGKILL in the middle of a pass leaves a sound
// database holding whole polls only, and the next `poll` finishes the job without duplicates.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrigin, type Handler, type Origin } from '../helpers/origin.js';
import { removeTempDirs, tempDir, writeConfig } from '../helpers/temp.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const FEEDS = 60;
const ITEMS = 12;

// slowFeed answers after 100–800 ms with ITEMS items, and counts the answers it finished.
function slowFeed(i: number, answered: { n: number }): Handler {
  const items = Array.from(
    { length: ITEMS },
    (_, j) => `<item><guid>f${i}-${j}</guid><title>피드 ${i} 기사 ${j}</title><link>http://127.0.0.1/f${i}/${j}</link></item>`,
  ).join('');
  const body = `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>피드 ${i}</title>${items}</channel></rss>`;
  return (_req, res) => {
    setTimeout(() => {
      res.on('finish', () => (answered.n += 1));
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(body);
    }, 100 + ((i * 37) % 8) * 100);
  };
}

function poll(config: string, db: string): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/main.ts'), '--config', config, '--db', db, 'poll'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

interface SourceRow {
  id: string;
  items: number;
  updated_polls: number;
  logged_new: number;
  last_success_at: string | null;
  consecutive_failures: number;
}

function readSources(db: string): { integrity: string; duplicates: number; rows: SourceRow[] } {
  const conn = new Database(db);
  try {
    const integrity = conn.pragma('integrity_check', { simple: true }) as string;
    const duplicates = conn
      .prepare('SELECT count(*) FROM (SELECT source_id, item_key FROM items GROUP BY source_id, item_key HAVING count(*) > 1)')
      .pluck()
      .get() as number;
    const rows = conn
      .prepare(
        `SELECT s.id, s.last_success_at, s.consecutive_failures,
                (SELECT count(*) FROM items i WHERE i.source_id = s.id) AS items,
                (SELECT count(*) FROM poll_log p WHERE p.source_id = s.id AND p.status = 'updated') AS updated_polls,
                (SELECT coalesce(sum(new_count), 0) FROM poll_log p WHERE p.source_id = s.id) AS logged_new
         FROM sources s ORDER BY s.id`,
      )
      .all() as SourceRow[];
    return { integrity, duplicates, rows };
  } finally {
    conn.close();
  }
}

let origin: Origin;
let config: string;
const answered = { n: 0 };

beforeAll(async () => {
  const routes: Record<string, Handler> = {};
  for (let i = 0; i < FEEDS; i += 1) routes[`/f${i}.xml`] = slowFeed(i, answered);
  origin = await startOrigin(routes);
  const sources = Array.from({ length: FEEDS }, (_, i) => `  - { id: f${String(i).padStart(2, '0')}, name: 피드 ${i}, url: "${origin.at(`/f${i}.xml`)}" }\n`);
  config = writeConfig({
    'sources.yaml': `sources:\n${sources.join('')}`,
    'settings.yaml': 'settings:\n  concurrency: 12\n  per_host_concurrency: 12\n',
  });
});

afterAll(async () => {
  await origin?.close();
  removeTempDirs();
});

describe('poll killed with SIGKILL mid-pass', () => {
  it('keeps whole polls only, and the next poll stores every item exactly once', async () => {
    const writtenAtKill: number[] = [];
    for (const killAfter of [8, 25, 45]) {
      const db = path.join(tempDir(), 'regionwire.db');
      answered.n = 0;
      const child = poll(config, db);
      const exit = exited(child);
      await new Promise<void>((resolve, reject) => {
        const timer = setInterval(() => {
          if (answered.n >= killAfter) {
            clearInterval(timer);
            child.kill('SIGKILL');
            resolve();
          }
        }, 5);
        void exit.then(() => {
          clearInterval(timer);
          reject(new Error(`poll ended before the kill (after ${answered.n} answers)`));
        });
      });
      await exit.catch(() => undefined);

      const crashed = readSources(db);
      expect(crashed.integrity).toBe('ok');
      expect(crashed.duplicates).toBe(0);
      expect(crashed.rows).toHaveLength(FEEDS);
      const polled = crashed.rows.filter((r) => r.updated_polls > 0);
      // Killed before the pass ended: some sources wrote their poll, some did not.
      expect(polled.length).toBeLessThan(FEEDS);
      writtenAtKill.push(polled.length);
      for (const row of crashed.rows) {
        if (row.updated_polls > 0) expect(row).toMatchObject({ items: ITEMS, logged_new: ITEMS, consecutive_failures: 0 });
        else expect(row).toMatchObject({ items: 0, last_success_at: null });
      }

      const again = poll(config, db);
      expect(await exited(again)).toBe(0);
      const after = readSources(db);
      expect(after.integrity).toBe('ok');
      expect(after.duplicates).toBe(0);
      for (const row of after.rows) {
        expect(row).toMatchObject({ items: ITEMS, logged_new: ITEMS, consecutive_failures: 0 });
        expect(row.last_success_at).not.toBeNull();
      }
    }
    // The kills did land between writes: at least one left some sources polled and others not.
    expect(writtenAtKill.some((n) => n > 0)).toBe(true);
  }, 60_000);
});
