// Story detection speed: clustering synthetic press-release versions with the detector the worker
// uses, and ingest (parse → key → savePoll) with story detection on and off. It measures the built
// code in dist/ (what `regionwire` runs; `npm run bench` builds it first): the same code loaded
// through tsx runs detection about 40% slower.

const { keyItems } = await loadDist<typeof import('../src/dedupe/item-key.js')>('dedupe/item-key.js');
const { parseFeed } = await loadDist<typeof import('../src/parse/parse-feed.js')>('parse/parse-feed.js');
const { openStore } = await loadDist<typeof import('../src/store/open-store.js')>('store/open-store.js');
const { createStoryDetector } = await loadDist<typeof import('../src/stories/detector.js')>('stories/detector.js');
const { MemoryStoryStore } = await loadDist<typeof import('../src/stories/memory-store.js')>('stories/memory-store.js');
const { storyAssigner } = await loadDist<typeof import('../src/worker/assign-stories.js')>('worker/assign-stories.js');
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { ParsedItem, StoryItem } from '../src/model.js';
import { scoreClusters } from './eval-stories-metrics.js';
import { loadDist } from './load-dist.js';

/** Synthetic items per day: several times what the Gangwon sources publish, so windows are full. */
const PER_DAY = 2000;
const BOILERPLATE = ['강원특별자치도는', '밝혔다', '개최했다고', '이날 행사에는', '관계자', '참석했다', '계획이다', '말했다', '지원한다', '추진한다'];

// rng is mulberry32: the same synthetic data on every run.
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// syntheticItems yields n items in time order: stories of 1–5 versions, each version a trimmed,
// reordered copy with its own headline and byline, mixed with agency boilerplate. A story has 5–10
// sentences (about 400 characters), or `sentences` times that many.
export function* syntheticItems(n: number, seed = 1, sentences = 1): Generator<StoryItem & { label: number }> {
  const rand = rng(seed);
  const syllables = Array.from({ length: 900 }, (_, i) => String.fromCharCode(0xac00 + ((i * 37) % 11172)));
  const words = Array.from({ length: 20_000 }, () => Array.from({ length: 2 + Math.floor(rand() * 3) }, () => syllables[Math.floor(rand() * 900)]).join(''));
  const word = () => (rand() < 0.25 ? BOILERPLATE[Math.floor(rand() * BOILERPLATE.length)] : words[Math.floor(rand() * words.length)]) as string;
  const start = Date.UTC(2024, 0, 1);
  let id = 0;
  let story = 0;
  while (id < n) {
    story++;
    const lines = Array.from({ length: (5 + Math.floor(rand() * 6)) * sentences }, () => `${Array.from({ length: 8 + Math.floor(rand() * 8) }, word).join(' ')} ${Math.floor(rand() * 5000)}명.`);
    const versions = 1 + Math.floor(rand() * rand() * 5);
    const t = start + (id / PER_DAY) * 86_400_000;
    for (let v = 0; v < versions && id < n; v++) {
      const kept = lines.filter((_, i) => i < 2 || rand() > 0.3);
      if (v > 0 && rand() < 0.5) kept.reverse();
      const title = Array.from({ length: 5 }, () => (lines[0] as string).split(' ')[Math.floor(rand() * 8)]).join(' ');
      id++;
      yield { id, label: story, source: `s${v}`, title, summary: null, content: `[뉴스${v}] ${kept.join(' ')} 기자${v} 기자`, published: new Date(t + v * 1_800_000) };
    }
  }
}

// clusterSynthetic runs n synthetic items through the detector and an in-memory band index.
function clusterSynthetic(n: number): { ms: number; precision: number; recall: number } {
  const detector = createStoryDetector();
  const store = new MemoryStoryStore();
  const gold = new Map<string, string>();
  const predicted = new Map<string, string>();
  let ms = 0;
  for (const item of syntheticItems(n)) {
    const t0 = performance.now();
    const story = store.record(item, detector.assign(item, store));
    ms += performance.now() - t0;
    gold.set(String(item.id), String(item.label));
    predicted.set(String(item.id), String(story));
  }
  const s = scoreClusters(gold, predicted);
  return { ms, precision: s.precision, recall: s.recall };
}

// heldBytes is the heap and array buffers live after a full collection.
function heldBytes(gc: () => void): number {
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

// detectorMemory is what a detector holds once it has seen n items of the given length: its band
// index is full at 20,000. Full text (a release with its attachments' text) makes items 10–30×
// longer; the detector reads the first StoryParams.bodyChars characters of each.
function detectorMemory(n: number, sentences: number, gc: () => void): { bytes: number; chars: number; ms: number; held: readonly unknown[] } {
  const before = heldBytes(gc);
  const detector = createStoryDetector();
  const store = new MemoryStoryStore();
  let chars = 0;
  let ms = 0;
  for (const item of syntheticItems(n, 3, sentences)) {
    chars += item.content?.length ?? 0;
    const t0 = performance.now();
    store.record(item, detector.assign(item, store));
    ms += performance.now() - t0;
  }
  const bytes = heldBytes(gc) - before;
  // Returned, so both are live through the collection above: it cannot free what it measures.
  return { bytes, chars: chars / n, ms, held: [detector, store] };
}

interface IngestTimes {
  /** Parsing the polls' RSS and keying the items: the same with detection on or off. */
  readonly parseMs: number;
  readonly saveMs: number;
}

// syntheticPolls groups n synthetic items into polls of 50 per source, each also as RSS text.
function syntheticPolls(n: number): { source: string; xml: string; items: ParsedItem[] }[] {
  const polls: { source: string; xml: string; items: ParsedItem[] }[] = [];
  const open = new Map<string, ParsedItem[]>();
  const close = (source: string, items: ParsedItem[]) => {
    const entries = items.map((i) => `<item><guid>${i.guid}</guid><title>${i.title}</title><description><![CDATA[${i.content}]]></description><pubDate>${i.published?.toUTCString()}</pubDate></item>`);
    polls.push({ source, items, xml: `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${source}</title><link>https://${source}.example.kr/</link>${entries.join('')}</channel></rss>` });
  };
  for (const it of syntheticItems(n, 2)) {
    const list = open.get(it.source) ?? [];
    list.push({ guid: `g${it.id}`, url: null, title: it.title, summary: null, content: it.content, author: null, categories: [], image: null, published: it.published, updated: null });
    open.set(it.source, list);
    if (list.length === 50) {
      close(it.source, list);
      open.set(it.source, []);
    }
  }
  for (const [source, list] of open) if (list.length > 0) close(source, list);
  return polls;
}

// ingest parses and stores the polls, with or without story detection, timing the two apart.
async function ingest(dir: string, polls: ReturnType<typeof syntheticPolls>, stories: boolean): Promise<IngestTimes> {
  const store = openStore(path.join(dir, `ingest-${stories ? 'on' : 'off'}.db`));
  const sources = Array.from({ length: 5 }, (_, i) => ({ id: `s${i}`, name: `s${i}`, url: `https://s${i}.example.kr/rss`, region: null, tags: [], intervalMs: 600_000, encoding: null, timezone: 'Asia/Seoul', enabled: true, priority: 0, type: 'feed' as const, page: null }));
  store.syncSources(sources);
  const assign = stories ? storyAssigner(store, sources) : undefined;
  let parseMs = 0;
  let saveMs = 0;
  for (const poll of polls) {
    const t0 = performance.now();
    const parsed = await parseFeed(poll.xml, { url: `https://${poll.source}.example.kr/rss`, timezone: 'Asia/Seoul', now: new Date() });
    if (!parsed.ok) throw new Error(parsed.error.message);
    const keyed = keyItems(parsed.feed.items);
    const t1 = performance.now();
    store.savePoll({
      source: poll.source, startedAt: new Date(), finishedAt: new Date(), nextPollAt: new Date(), permanentRedirect: null,
      result: { status: 'updated', items: keyed, ...(assign ? { assignStory: assign } : {}), etag: null, lastModified: null, httpStatus: 200, encoding: 'utf-8', warning: null },
    });
    const t2 = performance.now();
    parseMs += t1 - t0;
    saveMs += t2 - t1;
  }
  store.close();
  return { parseMs, saveMs };
}

// benchStories prints clustering items/s at 10k, 100k and 1M items (and the per-item cost ratios
// of 1M to the smaller sizes), and ingest throughput with story detection on and off.
export async function benchStories(dir: string, sizes: readonly number[] = [10_000, 100_000, 1_000_000]): Promise<void> {
  const perItem: number[] = [];
  for (const n of sizes) {
    const r = clusterSynthetic(n);
    perItem.push(r.ms / n);
    console.log(`stories   cluster ${n.toLocaleString('en')} synthetic items: ${Math.round((n / r.ms) * 1000).toLocaleString('en')} items/s, ${(r.ms / 1000).toFixed(1)} s (pairwise P ${r.precision.toFixed(3)}, R ${r.recall.toFixed(3)})`);
  }
  // Each size against the largest: the cost stays level once the band index is full (20,000 items).
  const last = perItem.length - 1;
  for (let i = 0; i < last; i++) {
    console.log(`stories   per-item cost ${sizes[last]?.toLocaleString('en')} vs ${sizes[i]?.toLocaleString('en')}: ${((perItem[last] as number) / (perItem[i] as number)).toFixed(2)}x`);
  }
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  const held = [1, 25].map((sentences) => detectorMemory(20_000, sentences, gc));
  console.log(
    `stories   held by the detector after 20,000 items: ${held.map((h) => `${(h.bytes / 1e6).toFixed(1)} MB for items of ${Math.round(h.chars).toLocaleString('en')} characters (${Math.round((20_000 / h.ms) * 1000).toLocaleString('en')} items/s)`).join(', ')}`,
  );
  const n = 20_000;
  const polls = syntheticPolls(n);
  await ingest(dir, polls.slice(0, 40), true);
  const off = await ingest(dir, polls, false);
  const on = await ingest(dir, polls, true);
  const perS = (ms: number) => Math.round((n / ms) * 1000).toLocaleString('en');
  const share = (a: number, b: number) => `${((a / b) * 100).toFixed(0)}%`;
  console.log(`stories   ingest ${n.toLocaleString('en')} items (parse, key, savePoll; polls of 50): off ${perS(off.parseMs + off.saveMs)} items/s, on ${perS(on.parseMs + on.saveMs)} items/s (on = ${share(off.parseMs + off.saveMs, on.parseMs + on.saveMs)} of off)`);
  console.log(`stories   savePoll alone: off ${perS(off.saveMs)} items/s, on ${perS(on.saveMs)} items/s (on = ${share(off.saveMs, on.saveMs)} of off)`);
}
