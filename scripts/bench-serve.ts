// The serving part of `npm run bench`: one topic feed under concurrent load, 200s and 304s, from
// `regionwire serve` and from a bare node:http server holding the same bytes and headers in memory.
// Three processes: each server in its own, the load generator (bench-serve-load.ts) in a third.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import readline from 'node:readline';
import { promisify } from 'node:util';
import { openApp } from '../src/cli/context.js';
import { classifyItem } from '../src/classify/classify-item.js';
import { keyItems } from '../src/dedupe/item-key.js';
import type { ParsedItem } from '../src/model.js';

const ITEMS = 100_000;
const SOURCES = 100;
const CONNECTIONS = 32;
const DURATION_MS = 3_000;
const WARMUP_MS = 2_000;
const PAIRS = 5;
const FEED = '/topics/regional-economy.rss';
const execFileAsync = promisify(execFile);

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

// Node adds these to every response itself; the bare server gets all the others regionwire sent.
const AUTOMATIC = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

interface LoadResult { requests: number; perSecond: number; p50: number; p99: number; statuses: number[]; headerBytes: number; bodyBytes: number }
/** A load run with the CPU time the server process spent in it, per request. */
interface Measured extends LoadResult { cpuMicros: number }

// startChild runs a bench script in a process of its own and waits for the URL it prints.
async function startChild(script: string, args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, script), ...args], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench: ${script} exited with ${code} before listening`)));
    readline.createInterface({ input: child.stdout! }).once('line', resolve);
  });
  return { child, url };
}

// load runs scripts/bench-serve-load.ts against one server for `ms` milliseconds.
async function load(url: string, headers: Record<string, string>, ms: number): Promise<LoadResult> {
  const script = path.join(import.meta.dirname, 'bench-serve-load.ts');
  const args = ['--import', 'tsx', script, new URL(url).port, FEED, JSON.stringify(headers), String(CONNECTIONS), String(ms)];
  const { stdout } = await execFileAsync(process.execPath, args, { encoding: 'utf8' });
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as LoadResult;
}

// cpuTime asks a server child for its process.cpuUsage() (user + system, µs) over the IPC channel.
function cpuTime(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    child.once('message', (usage: NodeJS.CpuUsage) => resolve(usage.user + usage.system));
    child.send('cpu');
  });
}

// measure runs the load against one server child and adds the server's CPU time per request: a
// steadier figure than req/s when other work shares the cores.
async function measure(server: { child: ChildProcess; url: string }, headers: Record<string, string>): Promise<Measured> {
  const before = await cpuTime(server.child);
  const result = await load(server.url, headers, DURATION_MS);
  return { ...result, cpuMicros: ((await cpuTime(server.child)) - before) / result.requests };
}

// capture fetches the feed from regionwire (200, then 304) and keeps the body and both header sets.
async function capture(url: string): Promise<{ body: Buffer; headers200: Record<string, string>; headers304: Record<string, string> }> {
  const keep = (res: Response) => Object.fromEntries([...res.headers].filter(([name]) => !AUTOMATIC.has(name)));
  const first = await fetch(url + FEED);
  const body = Buffer.from(await first.arrayBuffer());
  const headers200 = keep(first);
  const again = await fetch(url + FEED, { headers: { 'if-none-match': headers200.etag ?? '' } });
  if (first.status !== 200 || again.status !== 304) throw new Error(`bench: ${FEED} answered ${first.status} then ${again.status}, not 200 then 304`);
  return { body, headers200, headers304: keep(again) };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const fmt = (r: Measured) =>
  `${Math.round(r.perSecond).toLocaleString('en')} req/s, ${r.cpuMicros.toFixed(0)} µs CPU a request, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms [${r.statuses.join(',')}]`;
const pct = (x: number) => `${(x * 100).toFixed(0)}%`;

// benchServe measures regionwire and a bare node:http server holding the same bytes, each in its own
// process, alternately (PAIRS pairs, the order swapped each pair) with the load generator in a third
// process; it prints every pair's share and the median, for 200s and for 304s.
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

  const children: ChildProcess[] = [];
  try {
    const ours = await startChild('bench-serve-server.ts', [configDir, db]);
    children.push(ours.child);
    const captured = await capture(ours.url);
    const file = path.join(dir, 'serve-feed.json');
    fs.writeFileSync(file, JSON.stringify({ ...captured, body: captured.body.toString('base64') }));
    const bare = await startChild('bench-serve-bare.ts', [file]);
    children.push(bare.child);
    const etag = captured.headers200.etag ?? '';
    const servers = { regionwire: ours, bare };
    console.log(
      `serve     ${FEED}: ${captured.body.length.toLocaleString('en')} bytes, ${CONNECTIONS} connections, ${PAIRS} pairs of ${DURATION_MS / 1000} s runs, ` +
        `load average ${os.loadavg()[0]?.toFixed(2)} at start`,
    );
    for (const [label, headers] of [['200', {}], ['304', { 'if-none-match': etag }]] as const) {
      for (const server of Object.values(servers)) await load(server.url, headers, WARMUP_MS);
      const shares: number[] = [];
      const cpuShares: number[] = [];
      for (let pair = 1; pair <= PAIRS; pair++) {
        const order = pair % 2 === 1 ? (['regionwire', 'bare'] as const) : (['bare', 'regionwire'] as const);
        const r: Partial<Record<'regionwire' | 'bare', Measured>> = {};
        for (const name of order) r[name] = await measure(servers[name], headers);
        const { regionwire: a, bare: b } = r as Record<'regionwire' | 'bare', Measured>;
        if (a.bodyBytes !== b.bodyBytes) throw new Error(`bench: regionwire sent ${a.bodyBytes} body bytes, the bare server ${b.bodyBytes}`);
        shares.push(a.perSecond / b.perSecond);
        cpuShares.push(b.cpuMicros / a.cpuMicros);
        console.log(`serve     ${label} pair ${pair}: regionwire ${fmt(a)} | bare ${fmt(b)} | headers ${a.headerBytes}/${b.headerBytes} B → ${pct(a.perSecond / b.perSecond)}`);
      }
      console.log(
        `serve     ${label} regionwire at ${pct(median(shares))} of bare in req/s (median of ${shares.map(pct).join(', ')}); ` +
          `bare's CPU a request is ${pct(median(cpuShares))} of regionwire's (median of ${cpuShares.map(pct).join(', ')})`,
      );
    }
    console.log(`serve     load average ${os.loadavg()[0]?.toFixed(2)} at end`);
  } finally {
    for (const child of children) child.kill();
  }
}
