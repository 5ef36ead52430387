// Memory of the largest feed the default settings accept: a 10 MB feed of short items (the most
// items per byte) polled once by the built `regionwire poll` (story detection on) under
// /usr/bin/time, the feed served from this process. Prints one JSON line; scripts/bench.ts reports it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startOrigin } from '../tests/helpers/origin.js';
import { REGIONWIRE } from './load-dist.js';

const LIMIT = 10 * 1024 * 1024 - 4096;
const execFileAsync = promisify(execFile);

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
  // The built command, as a user runs it; this process only serves the feed.
  const t0 = performance.now();
  // Not spawnSync: this process's event loop serves the feed meanwhile.
  const run = await execFileAsync('/usr/bin/time', ['-v', ...REGIONWIRE, '--config', dir, '--db', path.join(dir, 'huge.db'), 'poll', '--json'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - t0) / 1000;
  const [outcome] = JSON.parse(run.stdout) as { status: string; new: number }[];
  const peakKb = Number(run.stderr.match(/Maximum resident set size[^:]*: (\d+)/)?.[1] ?? 0);
  console.log(
    JSON.stringify({
      bytes: Buffer.byteLength(feed.xml),
      items: feed.items,
      status: outcome?.status,
      stored: outcome?.new ?? 0,
      seconds,
      peakRssMb: peakKb / 1024,
    }),
  );
} finally {
  await origin.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
