// Each stage of the ingest pipeline alone, over the farm's 30,000 items, on the built dist/ code:
// parse, key + classify, store with FTS (no stories), stories (detector with an in-memory index).
// Then SQLite's own share of the store stage: the same rows written by bare statements (see
// bareStore). Prints one JSON line of items/s, and the two stores' CPU seconds (the machine is
// shared: CPU time moves less than wall time with the load); scripts/bench-ingest.ts reports it.
import Database from 'better-sqlite3';
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
const { searchDocument } = await loadDist<typeof import('../src/store/search-index.js')>('store/search-index.js');

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
const bare = bareStore(classified);

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
  bareStoreWallS: Number(bare.wallS.toFixed(2)),
  bareStoreCpuS: Number(bare.cpuS.toFixed(2)),
  stories: perSecond(total, storiesMs),
}));

// bareStore is the least SQLite can do for the store stage: the same items' rows, search rows and
// topic rows, one transaction a feed, in the schema and with the settings openStore gives, by bare
// prepared statements, with every value and search text made beforehand (not timed). No lookup of
// stored keys, poll log or stories: what is left is SQLite's own work.
function bareStore(feeds: readonly ClassifiedItem[][]): { wallS: number; cpuS: number } {
  const bareDir = fs.mkdtempSync(path.join(os.tmpdir(), 'regionwire-bare-'));
  try {
    const file = path.join(bareDir, 'bare.db');
    openStore(file).close();
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('cache_size = -4096');
    const source = db.prepare("INSERT INTO sources (id, name, url, region, tags, enabled, interval_ms, created_at) VALUES (?, ?, ?, NULL, '[]', 1, 900000, '2026-01-01T00:00:00Z')");
    sources.forEach((s) => source.run(s.id, s.name, s.url));
    let id = 0;
    const rows = feeds.map((items, i) =>
      items.map((item) => ({
        item: {
          id: ++id, source: sources[i]!.id, key: item.key, guid: item.guid, url: item.url, canonicalUrl: item.canonicalUrl,
          title: item.title, summary: item.summary, content: item.content, author: item.author,
          categories: JSON.stringify(item.categories), image: item.image, published: item.published?.toISOString() ?? null,
          updated: item.updated?.toISOString() ?? null, now: new Date().toISOString(), contentHash: item.contentHash,
        },
        search: searchDocument(item),
        topics: item.topics,
      })),
    );
    const insert = db.prepare(`
      INSERT INTO items (id, source_id, item_key, guid, url, canonical_url, title, summary, content, author,
                         categories, image, published_at, updated_at, fetched_at, content_hash)
      VALUES (@id, @source, @key, @guid, @url, @canonicalUrl, @title, @summary, @content, @author,
              @categories, @image, coalesce(@published, @now), @updated, @now, @contentHash)`);
    const fts = db.prepare('INSERT INTO items_fts (rowid, text) VALUES (?, ?)');
    const topic = db.prepare('INSERT INTO item_topics (item_id, topic_id, reason) VALUES (?, ?, ?)');
    const save = db.transaction((feed: (typeof rows)[number]) => {
      for (const row of feed) {
        insert.run(row.item);
        fts.run(row.item.id, row.search);
        for (const t of row.topics) topic.run(row.item.id, t.topic, t.reason);
      }
    });
    const t0 = performance.now();
    const cpu = process.cpuUsage();
    for (const feed of rows) save(feed);
    const used = process.cpuUsage(cpu);
    const wallS = (performance.now() - t0) / 1000;
    db.close();
    return { wallS, cpuS: (used.user + used.system) / 1e6 };
  } finally {
    fs.rmSync(bareDir, { recursive: true, force: true });
  }
}
