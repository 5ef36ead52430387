// Soak: 1,000 sources on a local origin whose feeds grow over a simulated day, polled through the
// real scheduler and store with a fake clock. Prints memory, items stored against items the origin
// served (they must match exactly), failed polls and the database size.
//   npm run soak                                  # 1,000 sources, 24 simulated hours
//   SOAK_SOURCES=200 SOAK_HOURS=6 npm run soak    # quicker
//   SOAK_SOURCES=100 SOAK_HOURS=120 SOAK_WARM_UP_HOURS=80 npm run soak   # past the story window
//   node --expose-gc --import tsx scripts/soak.ts # heap measured after a full GC each hour
//   SOAK_NO_STORIES=1 npm run soak                # without story detection, for comparison
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { openApp } from '../src/cli/context.js';
import { Scheduler } from '../src/worker/scheduler.js';

const SOURCES = Number(process.env.SOAK_SOURCES ?? 1000);
const HOURS = Number(process.env.SOAK_HOURS ?? 24);
const TICK_MS = 5 * 60_000;
const WINDOW_MS = 20 * 60_000;
// Story detection keeps a 3-day window of items in memory: a run past 72 h shows its plateau.
const WARM_UP_HOURS = Number(process.env.SOAK_WARM_UP_HOURS ?? 3);
// A feed shows its newest 30 items; the slowest source (2 h) misses none at 2 items a window.
const SHOWN = 30;
const INITIAL = 10;
const RATES = [0, 1, 1, 2];
const INTERVALS = ['30m', '1h', '2h'];
const START = Date.UTC(2024, 11, 1, 0, 0, 0);

let sim = START;
// served[i] is one past the highest item number of feed i ever served; gaps count items never shown.
const served = new Array<number>(SOURCES).fill(0);
let gaps = 0;
let responses = 0;

// itemsAt is how many items feed i has published by simulated time t.
function itemsAt(i: number, t: number): number {
  return INITIAL + Math.floor((t - START) / WINDOW_MS) * (RATES[i % RATES.length] ?? 0);
}

// 1,600 made-up two-syllable words: feeds with a realistic vocabulary, not a handful of repeated terms.
const SYLLABLES = '강 원 춘 천 주 릉 속 초 삼 척 동 해 태 백 정 선 평 창 홍 성 영 월 인 제 고 양 철 화 구 경 투 자 업 관 광 축 산 불 폭'.split(' ');
const WORDS = SYLLABLES.flatMap((a) => SYLLABLES.map((b) => a + b));

// words picks a deterministic, item-specific run of words, so no two items read alike.
function words(seed: number, count: number): string {
  let x = seed >>> 0 || 1;
  const out: string[] = [];
  for (let w = 0; w < count; w += 1) {
    x = (Math.imul(x, 1_103_515_245) + 12_345) >>> 0;
    out.push(WORDS[x % WORDS.length]!);
  }
  return out.join(' ');
}

function feedXml(i: number, n: number): string {
  const rate = RATES[i % RATES.length] ?? 0;
  const items: string[] = [];
  for (let k = Math.max(0, n - SHOWN); k < n; k += 1) {
    const at = k < INITIAL ? START - (INITIAL - k) * 3_600_000 : START + (Math.floor((k - INITIAL) / rate) + 1) * WINDOW_MS;
    items.push(
      `<item><guid isPermaLink="false">s${i}-${k}</guid><title>${words(i * 7919 + k, 6)} ${i}-${k}</title>` +
        `<link>http://news.example.kr/${i}/${k}</link><description>${words(i * 104_729 + k * 31 + 1, 40)}</description>` +
        `<pubDate>${new Date(at).toUTCString()}</pubDate></item>`,
    );
  }
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>매체 ${i}</title><link>http://news.example.kr/${i}</link>${items.join('')}</channel></rss>`;
}

// The origin answers from the simulated clock, with an ETag per version so unchanged feeds get 304.
const origin = http.createServer((req, res) => {
  const i = Number(/^\/s(\d+)\.xml$/.exec(req.url ?? '')?.[1] ?? NaN);
  if (!(i >= 0 && i < SOURCES)) return void res.writeHead(404).end();
  const n = itemsAt(i, sim);
  const etag = `"${i}-${n}"`;
  if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
  const lo = Math.max(0, n - SHOWN);
  if (lo > served[i]!) gaps += lo - served[i]!;
  served[i] = Math.max(served[i]!, n);
  responses += 1;
  res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag }).end(feedXml(i, n));
});

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const fileSize = (f: string) => (fs.existsSync(f) ? fs.statSync(f).size : 0);

async function main(): Promise<void> {
  // The origin shares this process's event loop, stalled by every tick's synchronous writes; with
  // Node's 5 s keep-alive it would close sockets the poller is just reusing (ECONNRESET).
  origin.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve));
  const { port } = origin.address() as AddressInfo;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regionwire-soak-'));
  const sources = Array.from(
    { length: SOURCES },
    (_, i) => `  - { id: s${i}, name: 매체 ${i}, url: "http://127.0.0.1:${port}/s${i}.xml", interval: ${INTERVALS[i % INTERVALS.length]} }\n`,
  );
  fs.writeFileSync(path.join(dir, 'sources.yaml'), `sources:\n${sources.join('')}`);
  fs.writeFileSync(path.join(dir, 'settings.yaml'), 'settings:\n  concurrency: 32\n  per_host_concurrency: 32\n  timeout: 20s\n');
  fs.writeFileSync(path.join(dir, 'topics.yaml'), 'topics:\n  - { id: economy, title: 지역경제, any: [일자리] }\n  - { id: festival, title: 축제, any: [축제] }\n');
  const db = path.join(dir, 'soak.db');
  const app = openApp({ config: dir, db });
  // SOAK_NO_STORIES=1 leaves story detection out, to tell its memory from the rest of the pipeline's.
  const { assignStory, ...withoutStories } = app.ctx;
  const ctx = process.env.SOAK_NO_STORIES === '1' ? withoutStories : { ...withoutStories, ...(assignStory ? { assignStory } : {}) };
  const scheduler = new Scheduler({ ctx: { ...ctx, now: () => new Date(sim) }, sources: app.config.sources });
  const count = () => app.store.stats(new Date(sim)).items;

  console.log(`soak: ${SOURCES} sources${ctx === withoutStories ? ' (no story detection)' : ''}, ${HOURS} simulated hours in ${TICK_MS / 60_000}-minute ticks, database ${db}`);
  console.log('hour  polls  failed  items stored  items served  rss MB  heap MB  db MB  wall s');
  const wallStart = Date.now();
  const heaps: number[] = [];
  const rsss: number[] = [];
  let polls = 0;
  let failed = 0;
  for (let tick = 1; sim < START + HOURS * 3_600_000; tick += 1) {
    for (const outcome of await scheduler.dispatch()) {
      polls += 1;
      if (outcome.status === 'failed') {
        failed += 1;
        if (failed <= 5) console.log(`  failed ${outcome.source}: ${outcome.error.kind} ${outcome.error.message}`);
      }
    }
    sim = START + tick * TICK_MS;
    if (tick % (3_600_000 / TICK_MS) !== 0) continue;
    globalThis.gc?.();
    const mem = process.memoryUsage();
    const hour = (sim - START) / 3_600_000;
    if (hour > WARM_UP_HOURS) {
      heaps.push(mem.heapUsed);
      rsss.push(mem.rss);
    }
    const servedTotal = served.reduce((a, b) => a + b, 0) - gaps;
    const size = fileSize(db) + fileSize(`${db}-wal`);
    console.log(
      [hour, polls, failed, count(), servedTotal, mb(mem.rss), mb(mem.heapUsed), mb(size), ((Date.now() - wallStart) / 1000).toFixed(0)]
        .map(String)
        .join('\t'),
    );
  }

  const stored = count();
  const servedTotal = served.reduce((a, b) => a + b, 0) - gaps;
  const spread = (xs: number[]) => (xs.length === 0 ? 'n/a' : `${mb(Math.min(...xs))}–${mb(Math.max(...xs))} MB`);
  console.log(`\npolls ${polls}, failed ${failed}, 200 responses ${responses}, items served ${servedTotal} (never shown: ${gaps}), stored ${stored}`);
  console.log(`after warm-up (hour ${WARM_UP_HOURS}+): heap ${spread(heaps)}, rss ${spread(rsss)}${globalThis.gc ? ' (after GC)' : ' (no --expose-gc)'}`);
  console.log(`database ${mb(fileSize(db) + fileSize(`${db}-wal`))} MB; wall ${((Date.now() - wallStart) / 1000).toFixed(0)} s`);
  app.store.close();
  origin.close();
  fs.rmSync(dir, { recursive: true, force: true });
  const ok = stored === servedTotal && failed === 0 && gaps === 0;
  console.log(ok ? 'soak: OK' : 'soak: MISMATCH');
  process.exitCode = ok ? 0 : 1;
}

await main();
