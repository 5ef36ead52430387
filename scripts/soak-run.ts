// The soak itself (see scripts/soak.ts, which bundles and starts it): the real scheduler and store
// of dist/ polling the origin of scripts/soak-origin.ts with a fake clock.
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadDist } from './load-dist.js';

// As bin/regionwire.js does: the young generation is bounded before the service's modules load.
await loadDist('cli/young-generation.js');
const { openApp } = await loadDist<typeof import('../src/cli/context.js')>('cli/context.js');
const { Scheduler } = await loadDist<typeof import('../src/worker/scheduler.js')>('worker/scheduler.js');

const SOURCES = Number(process.env.SOAK_SOURCES ?? 1000);
const HOURS = Number(process.env.SOAK_HOURS ?? 24);
const TICK_MS = 5 * 60_000;
// Story detection keeps a 3-day window of items in memory: a run past 72 h shows its plateau.
const WARM_UP_HOURS = Number(process.env.SOAK_WARM_UP_HOURS ?? 3);
const INTERVALS = ['30m', '1h', '2h'];

interface Report {
  readonly served: number;
  readonly gaps: number;
  readonly responses: number;
}

// startOrigin forks scripts/soak-origin.ts and gives its port and the two things the soak asks it.
async function startOrigin(): Promise<{ port: number; start: number; setSim: (t: number) => Promise<void>; report: () => Promise<Report>; close: () => void }> {
  const child = fork(path.join(import.meta.dirname, 'soak-origin.ts'), { execArgv: ['--import', 'tsx'], env: { ...process.env, SOAK_SOURCES: String(SOURCES) } });
  const next = <T>(): Promise<T> => new Promise((resolve) => child.once('message', (m) => resolve(m as T)));
  const { port, start } = await next<{ port: number; start: number }>();
  return {
    port,
    start,
    setSim: async (t) => {
      const acked = next<{ sim: number }>();
      child.send({ sim: t });
      await acked;
    },
    report: async () => {
      const answer = next<Report>();
      child.send({ report: true });
      return answer;
    },
    close: () => child.disconnect(),
  };
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const fileSize = (f: string) => (fs.existsSync(f) ? fs.statSync(f).size : 0);
// peakRss is the most resident memory the process has had so far (Linux's high-water mark), or
// null where /proc is not there.
const peakRss = (): number | null => {
  const kb = /^VmHWM:\s*(\d+) kB/m.exec(fs.existsSync('/proc/self/status') ? fs.readFileSync('/proc/self/status', 'utf8') : '')?.[1];
  return kb === undefined ? null : Number(kb) * 1024;
};

async function main(): Promise<void> {
  const origin = await startOrigin();
  const { port, start } = origin;
  let sim = start;
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
  console.log('hour  polls  failed  items stored  items served  rss MB  peak rss MB  heap MB  db MB  wall s');
  const wallStart = Date.now();
  const heaps: number[] = [];
  const rsss: number[] = [];
  let polls = 0;
  let failed = 0;
  for (let tick = 1; sim < start + HOURS * 3_600_000; tick += 1) {
    for (const outcome of await scheduler.dispatch()) {
      polls += 1;
      if (outcome.status === 'failed') {
        failed += 1;
        if (failed <= 5) console.log(`  failed ${outcome.source}: ${outcome.error.kind} ${outcome.error.message}`);
      }
    }
    sim = start + tick * TICK_MS;
    await origin.setSim(sim);
    if (tick % (3_600_000 / TICK_MS) !== 0) continue;
    globalThis.gc?.();
    const mem = process.memoryUsage();
    const hour = (sim - start) / 3_600_000;
    if (hour > WARM_UP_HOURS) {
      heaps.push(mem.heapUsed);
      rsss.push(mem.rss);
    }
    const { served } = await origin.report();
    const peak = peakRss();
    const size = fileSize(db) + fileSize(`${db}-wal`);
    console.log(
      [hour, polls, failed, count(), served, mb(mem.rss), peak === null ? 'n/a' : mb(peak), mb(mem.heapUsed), mb(size), ((Date.now() - wallStart) / 1000).toFixed(0)]
        .map(String)
        .join('\t'),
    );
  }

  const stored = count();
  const { served: servedTotal, gaps, responses } = await origin.report();
  const spread = (xs: number[]) => (xs.length === 0 ? 'n/a' : `${mb(Math.min(...xs))}–${mb(Math.max(...xs))} MB`);
  console.log(`\npolls ${polls}, failed ${failed}, 200 responses ${responses}, items served ${servedTotal} (never shown: ${gaps}), stored ${stored}`);
  const peak = peakRss();
  console.log(`after warm-up (hour ${WARM_UP_HOURS}+): heap ${spread(heaps)}, rss ${spread(rsss)}${globalThis.gc ? ' (after GC)' : ' (no --expose-gc)'}`);
  console.log(`peak rss over the whole run: ${peak === null ? 'n/a (no /proc/self/status)' : `${mb(peak)} MB`}`);
  console.log(`database ${mb(fileSize(db) + fileSize(`${db}-wal`))} MB; wall ${((Date.now() - wallStart) / 1000).toFixed(0)} s`);
  app.store.close();
  origin.close();
  fs.rmSync(dir, { recursive: true, force: true });
  const ok = stored === servedTotal && failed === 0 && gaps === 0;
  console.log(ok ? 'soak: OK' : 'soak: MISMATCH');
  process.exitCode = ok ? 0 : 1;
}

await main();
