// Readers and writers at once: a `regionwire poll` process writes many sources while this process
// holds a long read transaction open (as a `sqlite3` shell user does), checks consistency over and
// over from another connection, and hammers the HTTP server with feed requests.
import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../src/cli/context.js';
import { startServer, type Listening } from '../../src/cli/serve.js';
import { startOrigin, type Handler, type Origin } from '../helpers/origin.js';
import { removeTempDirs, tempDir, writeConfig } from '../helpers/temp.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const FEEDS = 40;
const ITEMS = 25;
const PATHS = ['/', '/topics/all.rss', '/topics/all.atom', '/topics/all.json', '/api/items?limit=20', '/sources', '/healthz'];

function feed(i: number): Handler {
  const items = Array.from(
    { length: ITEMS },
    (_, j) => `<item><guid>f${i}-${j}</guid><title>기사 ${i}-${j}</title><description>강원 소식 ${j}</description></item>`,
  ).join('');
  const body = `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>피드 ${i}</title>${items}</channel></rss>`;
  return (_req, res) => {
    setTimeout(() => res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(body), 50 + ((i * 53) % 6) * 50);
  };
}

// A poll is one transaction: at every instant, each source's items are exactly what its poll_log rows counted.
const CONSISTENCY = `
  SELECT count(*) FROM sources s
  WHERE (SELECT count(*) FROM items i WHERE i.source_id = s.id)
     != (SELECT coalesce(sum(new_count), 0) FROM poll_log p WHERE p.source_id = s.id)`;

let origin: Origin;
let app: App;
let server: Listening;
let config: string;
let db: string;

beforeAll(async () => {
  const routes: Record<string, Handler> = {};
  for (let i = 0; i < FEEDS; i += 1) routes[`/f${i}.xml`] = feed(i);
  origin = await startOrigin(routes);
  const sources = Array.from({ length: FEEDS }, (_, i) => `  - { id: f${i}, name: 피드 ${i}, url: "${origin.at(`/f${i}.xml`)}" }\n`);
  config = writeConfig({
    'sources.yaml': `sources:\n${sources.join('')}`,
    'settings.yaml': 'settings:\n  concurrency: 8\n  per_host_concurrency: 8\n',
    'topics.yaml': 'topics:\n  - { id: all, title: 전체, any: [기사] }\n',
  });
  db = path.join(tempDir(), 'regionwire.db');
  app = openApp({ config, db });
  server = await startServer(app, { port: '0' }, pino({ level: 'silent' }));
});

afterAll(async () => {
  await server?.close();
  app?.store.close();
  await origin?.close();
  removeTempDirs();
});

describe('a poll process writing while readers read', () => {
  it('fails no poll and no request, and shows every write once the long read ends', async () => {
    const longReader = new Database(db);
    longReader.exec('BEGIN');
    const countItems = longReader.prepare('SELECT count(*) FROM items').pluck();
    expect(countItems.get()).toBe(0);

    const checker = new Database(db, { readonly: true });
    const check = checker.prepare(CONSISTENCY).pluck();
    let checks = 0;
    let inconsistent = 0;
    const checking = setInterval(() => {
      checks += 1;
      if ((check.get() as number) !== 0) inconsistent += 1;
    }, 2);

    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/main.ts'), '--config', config, '--db', db, 'poll'], {
      cwd: ROOT,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    let running = true;
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    void exit.then(() => (running = false));

    const statuses = new Map<number, number>();
    let requests = 0;
    while (running) {
      const batch = Array.from({ length: 24 }, (_, k) => fetch(server.url + PATHS[k % PATHS.length]).then(async (res) => {
        await res.arrayBuffer();
        return res.status;
      }));
      for (const status of await Promise.all(batch)) statuses.set(status, (statuses.get(status) ?? 0) + 1);
      requests += batch.length;
    }
    clearInterval(checking);

    expect(await exit, stderr).toBe(0);
    expect(stdout).toContain(`${FEEDS} sources polled, ${FEEDS * ITEMS} new items, 0 failed`);
    expect([...statuses.keys()]).toEqual([200]);
    expect(requests).toBeGreaterThan(PATHS.length);
    expect(checks).toBeGreaterThan(10);
    expect(inconsistent).toBe(0);
    expect(check.get()).toBe(0);

    // The long transaction still sees its snapshot from before the poll, then everything after it.
    expect(countItems.get()).toBe(0);
    longReader.exec('COMMIT');
    expect(countItems.get()).toBe(FEEDS * ITEMS);
    const json = (await (await fetch(`${server.url}/api/items?limit=5`)).json()) as { items?: unknown[] } | unknown[];
    expect(Array.isArray(json) ? json.length : json.items?.length).toBe(5);
    longReader.close();
    checker.close();
  }, 30_000);
});
