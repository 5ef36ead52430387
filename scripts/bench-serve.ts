// The serving part of `npm run bench`: one topic feed under concurrent load, 200s and 304s,
// regionwire's app beside a bare node:http server holding the same bytes in memory.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import readline from 'node:readline';
import { Pool } from 'undici';
import { openApp } from '../src/cli/context.js';
import { classifyItem } from '../src/classify/classify-item.js';
import { keyItems } from '../src/dedupe/item-key.js';
import type { ParsedItem } from '../src/model.js';

const ITEMS = 100_000;
const SOURCES = 100;
const CONNECTIONS = 32;
const DURATION_MS = 5_000;
const FEED = '/topics/regional-economy.rss';

// fillDatabase stores ITEMS items, classified, through the store's real write path.
function fillDatabase(configDir: string, db: string, makeItem: (source: number, i: number) => ParsedItem): void {
  const app = openApp({ config: configDir, db });
  for (let s = 0; s < SOURCES; s++) {
    const source = app.config.sources[s]!;
    const items = keyItems(Array.from({ length: ITEMS / SOURCES }, (_, i) => makeItem(s, i))).map((item) => ({
      ...item,
      topics: classifyItem(item, source, app.config.topics),
    }));
    const now = new Date();
    app.store.savePoll({
      source: source.id, startedAt: now, finishedAt: now, nextPollAt: now, permanentRedirect: null,
      result: { status: 'updated', items, etag: null, lastModified: null, httpStatus: 200, encoding: 'utf-8', warning: null },
    });
  }
  app.store.close();
}

interface LoadResult { requests: number; perSecond: number; p50: number; p99: number; statuses: Set<number> }

// load keeps CONNECTIONS requests in flight for DURATION_MS and records each one's latency.
async function load(origin: string, headers: Record<string, string>): Promise<LoadResult> {
  const pool = new Pool(origin, { connections: CONNECTIONS, pipelining: 1 });
  const latencies: number[] = [];
  const statuses = new Set<number>();
  const end = performance.now() + DURATION_MS;
  const worker = async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      const res = await pool.request({ path: FEED, method: 'GET', headers });
      await res.body.dump({ limit: Infinity });
      latencies.push(performance.now() - t0);
      statuses.add(res.statusCode);
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  const elapsed = performance.now() - t0;
  await pool.close();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? NaN;
  return { requests: latencies.length, perSecond: (latencies.length / elapsed) * 1000, p50: pct(0.5), p99: pct(0.99), statuses };
}

// benchServe prints requests/s and latency for regionwire and the bare server, 200 and 304.
export async function benchServe(dir: string, makeItem: (source: number, i: number) => ParsedItem): Promise<void> {
  const configDir = path.join(dir, 'serve-config');
  fs.mkdirSync(configDir);
  const sources = Array.from({ length: SOURCES }, (_, i) => `  - { id: s${i}, name: 출처 ${i}, url: "https://news.example.kr/${i}.xml" }`);
  fs.writeFileSync(path.join(configDir, 'sources.yaml'), `sources:\n${sources.join('\n')}\n`);
  fs.copyFileSync(path.join(import.meta.dirname, '..', 'config', 'topics.yaml'), path.join(configDir, 'topics.yaml'));
  const db = path.join(dir, 'serve.db');
  const t0 = performance.now();
  fillDatabase(configDir, db, makeItem);
  console.log(`serve     filled ${ITEMS.toLocaleString('en')} classified items in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'bench-serve-server.ts'), configDir, db, FEED], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const line = await new Promise<string>((resolve) => readline.createInterface({ input: child.stdout! }).once('line', resolve));
    const { regionwire, bare, etag, bytes } = JSON.parse(line) as { regionwire: string; bare: string; etag: string; bytes: number };
    console.log(`serve     ${FEED}: ${bytes.toLocaleString('en')} bytes, ${CONNECTIONS} connections, ${DURATION_MS / 1000} s a run`);
    for (const [label, headers] of [['200', {}], ['304', { 'if-none-match': etag }]] as const) {
      const ours = await load(regionwire, headers);
      const theirs = await load(bare, headers);
      const share = ((ours.perSecond / theirs.perSecond) * 100).toFixed(0);
      const fmt = (r: LoadResult) => `${Math.round(r.perSecond).toLocaleString('en')} req/s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms [${[...r.statuses].join(',')}]`;
      console.log(`serve     ${label} regionwire: ${fmt(ours)}`);
      console.log(`serve     ${label} bare http:  ${fmt(theirs)}  → regionwire at ${share}% of bare`);
    }
  } finally {
    child.kill();
  }
}
