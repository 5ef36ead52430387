// The story evaluation: the labelled items served as one RSS feed per source from a local origin,
// polled through the real pipeline into a temporary database in publication order, then scored.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createLimiter } from '../src/fetch/limiter.js';
import type { SourceConfig } from '../src/model.js';
import { openStore } from '../src/store/open-store.js';
import { storyAssigner } from '../src/worker/assign-stories.js';
import { pollSource, type PollContext } from '../src/worker/poll-source.js';
import { scoreClusters, type ClusterScores } from './eval-stories-metrics.js';

export interface EvalItem {
  readonly id: string;
  readonly story: string;
  readonly source: string;
  readonly title: string;
  readonly summary: string;
  readonly content: string;
  readonly author: string;
  readonly published: string;
  readonly group?: string;
  readonly kind?: string;
  /** The file's split: `tuning` (the default) or `held-out`. */
  readonly split?: string;
}

interface EvalFile {
  /** `held-out` for cases written before tuning and not looked at while tuning; `tuning` when absent. */
  readonly split?: string;
  readonly sources: readonly { id: string; name: string; kind: string }[];
  readonly items: readonly EvalItem[];
}

export interface EvalResult {
  /** Over every file, all items polled in one run. */
  readonly scores: ClusterScores;
  /** The same run scored on each split's items alone (pairs across splits left out). */
  readonly splits: ReadonlyMap<string, ClusterScores>;
  /** Pairs split apart (same gold story, different predicted) and pairs merged wrongly. */
  readonly misses: readonly { readonly kind: 'split' | 'merged'; readonly a: EvalItem; readonly b: EvalItem }[];
  readonly itemsPerSecond: number;
}

export const EVAL_DIR = path.resolve(import.meta.dirname, '../tests/stories/eval');

// runStoryEval ingests every tests/stories/eval/*.json file and scores the stories regionwire found.
export async function runStoryEval(dir = EVAL_DIR): Promise<EvalResult> {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  const data = files.map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as EvalFile);
  // A negatives file labels every item with its own story, so ids are made unique per file.
  const items = data.flatMap((d, i) => d.items.map((it) => ({ ...it, story: `${files[i]}:${it.story}`, split: d.split ?? 'tuning' })));
  items.sort((a, b) => Date.parse(a.published) - Date.parse(b.published) || a.id.localeCompare(b.id));
  const kinds = new Map(data.flatMap((d) => d.sources.map((s) => [s.id, s] as const)));

  const visible = new Set<string>();
  const server = http.createServer((req, res) => {
    const source = decodeURIComponent((req.url ?? '/').slice(1).replace(/\.xml$/, ''));
    const feed = items.filter((it) => it.source === source && visible.has(it.id)).reverse();
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(rss(source, feed));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const dir0 = fs.mkdtempSync(path.join(os.tmpdir(), 'regionwire-eval-'));
  const store = openStore(path.join(dir0, 'eval.db'));
  try {
    const sources: SourceConfig[] = [...kinds.values()].map((s) => ({
      id: s.id, name: s.name, url: `${base}/${encodeURIComponent(s.id)}.xml`, region: 'gangwon', tags: [s.kind],
      intervalMs: 600_000, encoding: null, timezone: 'Asia/Seoul', enabled: true, priority: 0, type: 'feed', page: null,
    }));
    store.syncSources(sources);
    const byId = new Map(sources.map((s) => [s.id, s]));
    const ctx: PollContext = {
      store,
      fetchOptions: { userAgent: 'regionwire-eval', timeoutMs: 10_000, maxBodyBytes: 10_000_000, maxRedirects: 0 },
      limiter: createLimiter({ concurrency: 1, perHost: 1 }),
      maxBackoffMs: 60_000,
      assignStory: storyAssigner(store, sources),
    };
    const started = performance.now();
    // One poll per item, in publication order: each poll of a source shows its items so far.
    for (const it of items) {
      visible.add(it.id);
      const outcome = await pollSource(byId.get(it.source) as SourceConfig, ctx);
      if (outcome.status !== 'updated') throw new Error(`eval: poll of ${it.source} ${outcome.status}`);
    }
    const seconds = (performance.now() - started) / 1000;
    const stored = store.queryItems({ limit: items.length + 10 });
    const predicted = new Map(stored.map((s) => [s.guid ?? '', String(s.story)]));
    const gold = new Map(items.map((it) => [it.id, it.story]));
    const splits = new Map<string, ClusterScores>();
    for (const split of new Set(items.map((it) => it.split))) {
      splits.set(split, scoreClusters(new Map(items.filter((it) => it.split === split).map((it) => [it.id, it.story])), predicted));
    }
    return { scores: scoreClusters(gold, predicted), splits, misses: misses(items, gold, predicted), itemsPerSecond: items.length / seconds };
  } finally {
    store.close();
    server.close();
    fs.rmSync(dir0, { recursive: true, force: true });
  }
}

function misses(items: readonly EvalItem[], gold: Map<string, string>, predicted: Map<string, string>): EvalResult['misses'] {
  const out: { kind: 'split' | 'merged'; a: EvalItem; b: EvalItem }[] = [];
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i] as EvalItem;
      const b = items[j] as EvalItem;
      const sameGold = gold.get(a.id) === gold.get(b.id);
      const samePred = predicted.get(a.id) === predicted.get(b.id);
      if (sameGold !== samePred) out.push({ kind: sameGold ? 'split' : 'merged', a, b });
    }
  }
  return out;
}

function rss(source: string, items: readonly EvalItem[]): string {
  const entries = items.map((it) => {
    const content = it.content.split(/\n+/).filter((p) => p.trim() !== '').map((p) => `<p>${xml(p)}</p>`).join('');
    return `<item><title>${xml(it.title)}</title><link>http://eval.invalid/${encodeURIComponent(it.id)}</link>
<guid isPermaLink="false">${xml(it.id)}</guid><pubDate>${new Date(it.published).toUTCString()}</pubDate>
<description>${xml(it.summary)}</description><dc:creator>${xml(it.author)}</dc:creator>
${content ? `<content:encoded>${xml(content)}</content:encoded>` : ''}</item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>${xml(source)}</title><link>http://eval.invalid/</link><description>eval</description>
${entries.join('\n')}
</channel></rss>`;
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
