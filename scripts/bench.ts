// `npm run bench`: prints speed and memory figures for parsing, storing, searching and polling.
// Figures only: no assertion here and no timing in the tests (the machines differ).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { keyItems } from '../src/dedupe/item-key.js';
import type { SourceConfig } from '../src/model.js';
import { parseFeed } from '../src/parse/parse-feed.js';
import { openStore } from '../src/store/open-store.js';
import { rssFeed, sentence } from './bench-data.js';
import { benchServe } from './bench-serve.js';
import { benchIngest } from './bench-ingest.js';
import { benchStories } from './bench-stories.js';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const rate = (n: number, ms: number) => `${Math.round((n / ms) * 1000).toLocaleString('en')}/s`;

async function benchParse(): Promise<void> {
  const xml = rssFeed('parse', 1000);
  const opts = { url: 'https://news.example.kr/rss', timezone: 'Asia/Seoul', now: new Date() };
  await parseFeed(xml, opts);
  const rounds = 5;
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) await parseFeed(xml, opts);
  const ms = performance.now() - t0;
  console.log(`parse     1,000-item RSS (${mb(Buffer.byteLength(xml))}) x${rounds}: ${rate(rounds * 1000, ms)} items, ${(ms / rounds).toFixed(0)} ms a feed`);
}

async function benchStore(dir: string): Promise<void> {
  const store = openStore(path.join(dir, 'store.db'));
  const sources: SourceConfig[] = Array.from({ length: 100 }, (_, i) => ({
    id: `s${i}`, name: `source ${i}`, url: `https://news.example.kr/${i}.xml`, region: null, tags: [],
    intervalMs: 900_000, encoding: null, timezone: 'Asia/Seoul', enabled: true, priority: 0, type: 'feed', page: null,
  }));
  store.syncSources(sources);
  const perSource = 1000;
  const parsed = await parseFeed(rssFeed('store', perSource), { url: 'https://news.example.kr/rss', timezone: 'Asia/Seoul', now: new Date() });
  if (!parsed.ok) throw new Error(parsed.error.message);
  let total = 0;
  const t0 = performance.now();
  for (const source of sources) {
    const items = keyItems(parsed.feed.items.map((item) => ({ ...item, url: item.url?.replace('/store/', `/${source.id}/`) ?? null })));
    const now = new Date();
    store.savePoll({
      source: source.id, startedAt: now, finishedAt: now, nextPollAt: now, permanentRedirect: null,
      result: { status: 'updated', items, etag: null, lastModified: null, httpStatus: 200, encoding: 'utf-8', warning: null },
    });
    total += items.length;
  }
  const insertMs = performance.now() - t0;
  console.log(`store     insert ${total.toLocaleString('en')} new items in 100 polls: ${rate(total, insertMs)}`);

  const t1 = performance.now();
  for (const source of sources.slice(0, 20)) {
    const items = keyItems(parsed.feed.items.map((item) => ({ ...item, url: item.url?.replace('/store/', `/${source.id}/`) ?? null })));
    const now = new Date();
    store.savePoll({
      source: source.id, startedAt: now, finishedAt: now, nextPollAt: now, permanentRedirect: null,
      result: { status: 'updated', items, etag: null, lastModified: null, httpStatus: 200, encoding: 'utf-8', warning: null },
    });
  }
  console.log(`store     re-poll 20,000 unchanged items: ${rate(20_000, performance.now() - t1)}`);

  for (const query of ['경제', '지역경제 활성화', 'AI 반도체', '축']) {
    store.queryItems({ search: query, limit: 50 });
    const t2 = performance.now();
    const runs = 20;
    let hits = 0;
    for (let r = 0; r < runs; r++) hits = store.queryItems({ search: query, limit: 50 }).length;
    console.log(`search    "${query}" over ${total.toLocaleString('en')} items: ${((performance.now() - t2) / runs).toFixed(1)} ms a query (${hits} shown)`);
  }
  store.close();
  console.log(`store     database size: ${mb(fs.statSync(path.join(dir, 'store.db')).size)}`);
}

// benchPollPasses runs scripts/bench-poll-pass.ts for feeds, then for page sources, each in a process
// of its own (its peak RSS is its own), and prints the two lines side by side.
function benchPollPasses(): void {
  for (const mode of ['feed', 'page']) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'bench-poll-pass.ts'), mode], { encoding: 'utf8' });
    const r = JSON.parse(out.trim().split('\n').pop() ?? '{}') as { sources: number; stored: number; failed: number; seconds: number; peakRssMb: number };
    const shape = mode === 'feed' ? 'feed sources x 50 items' : 'page sources x 2 pages x 15 items';
    console.log(
      `poll      pass over ${r.sources} local ${shape}: ${r.seconds.toFixed(2)} s, ${rate(r.stored, r.seconds * 1000)} items, ` +
        `${r.failed} failed, peak rss ${Math.round(r.peakRssMb)} MB`,
    );
  }
}

// benchDetail runs scripts/bench-detail.ts (full text: detail pages and attachments) in a process of its own.
function benchDetail(): void {
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'bench-detail.ts')], { encoding: 'utf8' });
  const r = JSON.parse(out.trim().split('\n').pop() ?? '{}') as {
    pages: number; files: number; fileMb: number; textMb: number; errors: number; failed: number; seconds: number;
    formats: Record<string, number>; peakRssMb: number;
  };
  const each = Object.entries(r.formats).map(([format, mbs]) => `${format} ${mbs.toFixed(2)}`).join(', ');
  console.log(
    `detail    ${r.pages} detail pages, ${r.files} attachments (${r.fileMb.toFixed(1)} MB, ${r.textMb.toFixed(1)} MB of text) in ${r.seconds.toFixed(2)} s: ` +
      `${rate(r.pages, r.seconds * 1000)} pages, ${(r.textMb / r.seconds).toFixed(2)} MB/s attachment text, ${r.errors} errors, ${r.failed} failed, ` +
      `peak rss ${Math.round(r.peakRssMb)} MB; each reader alone, MB/s of text: ${each}`,
  );
}

// benchHugeFeed runs scripts/bench-huge-feed.ts, which times `regionwire poll` of one 10 MB feed.
function benchHugeFeed(): void {
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'bench-huge-feed.ts')], { encoding: 'utf8' });
  const r = JSON.parse(out.trim().split('\n').pop() ?? '{}') as Record<string, number | string>;
  const n = (v: number | string | undefined) => Math.round(Number(v)).toLocaleString('en');
  console.log(
    `memory    ${mb(Number(r.bytes))} feed of ${n(r.items)} items, stories on: ${r.status}, ${n(r.stored)} stored in ${Number(r.seconds).toFixed(1)} s; ` +
      `regionwire poll peak rss ${n(r.peakRssMb)} MB`,
  );
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regionwire-bench-'));
try {
  console.log(`regionwire bench: node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}`);
  // BENCH_ONLY=ingest,memory runs only those sections (names below), to keep a run short.
  const only = new Set((process.env.BENCH_ONLY ?? '').split(',').filter((x) => x !== ''));
  const run = (name: string) => only.size === 0 || only.has(name);
  if (run('ingest')) await benchIngest();
  if (run('memory')) benchHugeFeed();
  if (run('parse')) await benchParse();
  if (run('store')) await benchStore(dir);
  if (run('poll')) benchPollPasses();
  if (run('detail')) benchDetail();
  if (run('serve')) {
    await benchServe(dir, (source, i) => ({
      guid: null, url: `https://news.example.kr/${source}/articleView.html?idxno=${i}`, title: `${sentence(i, 6)} ${i}`,
      summary: sentence(i + 1, 30), content: null, author: null, categories: [], image: null,
      published: new Date(Date.UTC(2024, 0, 1) + i * 60_000 + source), updated: null,
    }));
  }
  if (run('stories')) await benchStories(dir);
  const mem = process.memoryUsage();
  console.log(`memory    rss ${mb(mem.rss)}, heap used ${mb(mem.heapUsed)}`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
