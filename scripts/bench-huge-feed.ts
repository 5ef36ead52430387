// Memory of the largest feed the default settings accept: a 10 MB feed of short items (the most
// items per byte) polled once through the real pipeline, story detection on, in a process of its
// own so its peak is not another bench's. Prints one JSON line; scripts/bench.ts reports it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openApp } from '../src/cli/context.js';
import { boundHeapGrowth } from '../src/cli/heap.js';
import { pollSource } from '../src/worker/poll-source.js';
import { startOrigin } from '../tests/helpers/origin.js';

// The heap is bounded as bin/regionwire.js bounds it, so memory figures are the service's.
boundHeapGrowth();

const LIMIT = 10 * 1024 * 1024 - 4096;

function hugeFeed(): { xml: string; items: number } {
  const head = '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>대용량 피드</title><link>http://127.0.0.1/</link>';
  const tail = '</channel></rss>';
  const items: string[] = [];
  let bytes = Buffer.byteLength(head + tail);
  for (let i = 0; ; i++) {
    const item = `<item><guid>big-${i}</guid><title>강원특별자치도 ${i % 18}군 지원사업 공고 제${i}호</title><description>공고 ${i}: 신청 기간과 대상은 붙임 문서를 참고하시기 바랍니다.</description><pubDate>Mon, 02 Dec 2024 09:00:00 +0900</pubDate></item>`;
    bytes += Buffer.byteLength(item);
    if (bytes > LIMIT) break;
    items.push(item);
  }
  return { xml: head + items.join('') + tail, items: items.length };
}

const feed = hugeFeed();
const origin = await startOrigin({ '/huge.xml': (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed.xml) });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regionwire-huge-'));
fs.writeFileSync(path.join(dir, 'sources.yaml'), `sources:\n  - { id: huge, name: 대용량, url: "${origin.at('/huge.xml')}" }\n`);
try {
  const app = openApp({ config: dir, db: path.join(dir, 'huge.db') });
  const [source] = app.config.sources;
  if (source === undefined) throw new Error('bench-huge-feed: no source');
  globalThis.gc?.();
  const before = process.memoryUsage();
  const t0 = performance.now();
  const outcome = await pollSource(source, app.ctx);
  const ms = performance.now() - t0;
  globalThis.gc?.();
  const after = process.memoryUsage();
  app.store.close();
  console.log(
    JSON.stringify({
      bytes: Buffer.byteLength(feed.xml),
      items: feed.items,
      status: outcome.status,
      stored: outcome.status === 'updated' ? outcome.counts.new : 0,
      seconds: ms / 1000,
      rssBeforeMb: before.rss / 1048576,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      heapBeforeMb: before.heapUsed / 1048576,
      heapAfterMb: after.heapUsed / 1048576,
    }),
  );
} finally {
  await origin.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
