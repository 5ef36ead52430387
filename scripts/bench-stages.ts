// Each stage of the ingest pipeline alone, over the farm's 30,000 items, on the built dist/ code:
// parse, key + classify, store with FTS (no stories), stories (detector with an in-memory index).
// Prints one JSON line of items/s, and the store stage's CPU seconds (the machine is shared: CPU
// time moves less than wall time with the load); scripts/bench-ingest.ts reports it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import iconv from 'iconv-lite';
import type { ClassifiedItem, KeyedItem, ParsedItem, SourceConfig } from '../src/model.js';
import { FARM_FEEDS, farmFeed } from './bench-farm-data.js';
import { loadDist } from './load-dist.js';

const { parseFeed } = await loadDist<typeof import('../src/parse/parse-feed.js')>('parse/parse-feed.js');
const { keyItems } = await loadDist<typeof import('../src/dedupe/item-key.js')>('dedupe/item-key.js');
const { classifyItem } = await loadDist<typeof import('../src/classify/classify-item.js')>('classify/classify-item.js');
const { loadConfig } = await loadDist<typeof import('../src/config/load-config.js')>('config/load-config.js');
const { openStore } = await loadDist<typeof import('../src/store/open-store.js')>('store/open-store.js');
const { createStoryDetector } = await loadDist<typeof import('../src/stories/detector.js')>('stories/detector.js');
const { MemoryStoryStore } = await loadDist<typeof import('../src/stories/memory-store.js')>('stories/memory-store.js');

const configDir = process.argv[2] ?? '';
const config = loadConfig(configDir);
const texts = Array.from({ length: FARM_FEEDS }, (_, i) => {
  const { body, contentType } = farmFeed(i);
  return contentType.includes('euc-kr') ? iconv.decode(body, 'euc-kr') : body.toString('utf8');
});
const sources = config.sources;
const perSecond = (n: number, ms: number) => Math.round((n / ms) * 1000);

let t = performance.now();
const parsed: ParsedItem[][] = [];
for (const [i, text] of texts.entries()) {
  const r = await parseFeed(text, { url: sources[i]!.url, timezone: 'Asia/Seoul', now: new Date() });
  if (!r.ok) throw new Error(r.error.message);
  parsed.push(r.feed.items as ParsedItem[]);
}
const parseMs = performance.now() - t;
const total = parsed.reduce((n, items) => n + items.length, 0);

t = performance.now();
const classified: ClassifiedItem[][] = parsed.map((items, i) =>
  keyItems(items).map((item: KeyedItem) => Object.assign({}, item, { topics: classifyItem(item, sources[i]!, config.topics) })),
);
const classifyMs = performance.now() - t;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regionwire-stages-'));
let storeMs = 0;
let storeCpuS = 0;
try {
  const store = openStore(path.join(dir, 'stages.db'));
  store.syncSources(sources as SourceConfig[]);
  t = performance.now();
  const cpu = process.cpuUsage();
  for (const [i, items] of classified.entries()) {
    const now = new Date();
    store.savePoll({
      source: sources[i]!.id, startedAt: now, finishedAt: now, nextPollAt: now, permanentRedirect: null,
      result: { status: 'updated', items, etag: null, lastModified: null, httpStatus: 200, encoding: 'utf-8', warning: null },
    });
  }
  storeMs = performance.now() - t;
  const used = process.cpuUsage(cpu);
  storeCpuS = (used.user + used.system) / 1e6;
  store.close();
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}

const detector = createStoryDetector();
const memory = new MemoryStoryStore();
let id = 0;
t = performance.now();
for (const [i, items] of parsed.entries()) {
  for (const item of items) {
    const story = { id: ++id, source: sources[i]!.id, title: item.title, summary: item.summary, content: item.content, published: item.published ?? new Date() };
    memory.record(story, detector.assign(story, memory));
  }
}
const storiesMs = performance.now() - t;

console.log(JSON.stringify({
  items: total,
  parse: perSecond(total, parseMs),
  keyClassify: perSecond(total, classifyMs),
  store: perSecond(total, storeMs),
  storeCpuS: Number(storeCpuS.toFixed(2)),
  stories: perSecond(total, storiesMs),
}));
