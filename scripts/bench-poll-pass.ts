// One poll pass over 200 local sources, feeds or pages, in a process of its own so its peak RSS is
// its own. `feed`: 200 feeds x 50 items; `page`: 200 page sources x 2 list pages x 15 items. Prints
// one JSON line; scripts/bench.ts reports it.
import fs from 'node:fs';
import type { ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createLimiter } from '../src/fetch/limiter.js';
import type { PageConfig, SourceConfig } from '../src/model.js';
import { openStore } from '../src/store/open-store.js';
import { pollPass } from '../src/worker/poll-pass.js';
import { startOrigin } from '../tests/helpers/origin.js';
import { boardPage, rssFeed } from './bench-data.js';

const SOURCES = 200;
const mode = process.argv[2] === 'page' ? 'page' : 'feed';

const field = (selector: string, extra: Partial<PageConfig['fields']['title']> = {}) =>
  ({ selector, attr: null, pattern: null, template: null, format: null, all: false, ...extra });
const PAGE: PageConfig = {
  items: 'tbody tr:has(td.subject a)',
  fields: {
    title: field('td.subject a'),
    link: field('td.subject a', { attr: 'href', pattern: 'nttNo=(\\d+)', template: './selectBbsNttView.do?key=1&bbsNo=2&nttNo={1}' }),
    published: field('td.date'),
    author: field('td:nth-child(3)'),
  },
  pages: 2,
  request: { method: 'GET', form: { pageIndex: '{page}' }, headers: {} },
};

const feedBody = Buffer.from(rssFeed('poll', 50));
const pageBodies = [Buffer.from(boardPage('board', 15, 30)), Buffer.from(boardPage('board', 15, 15))];
const serve = (body: Buffer, type: string) => (_req: unknown, res: ServerResponse) => res.writeHead(200, { 'content-type': type }).end(body);
const routes = Object.fromEntries(
  Array.from({ length: SOURCES }, (_, i) =>
    mode === 'feed'
      ? [`/feed${i}.xml`, serve(feedBody, 'application/rss+xml')]
      : [`/board${i}/list.do`, (req: { url?: string }, res: ServerResponse) => {
          const page = new URL(req.url ?? '/', 'http://x').searchParams.get('pageIndex') === '2' ? 1 : 0;
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(pageBodies[page]);
        }],
  ),
);
const origin = await startOrigin(routes);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regionwire-pass-'));
try {
  const store = openStore(path.join(dir, 'poll.db'));
  const sources: SourceConfig[] = Array.from({ length: SOURCES }, (_, i) => ({
    id: `p${i}`, name: `poll ${i}`, url: origin.at(mode === 'feed' ? `/feed${i}.xml` : `/board${i}/list.do`), region: null, tags: [],
    intervalMs: 900_000, encoding: null, timezone: 'Asia/Seoul', enabled: true, priority: 0,
    type: mode, page: mode === 'page' ? PAGE : null,
  }));
  store.syncSources(sources);
  const ctx = {
    store,
    fetchOptions: { userAgent: 'regionwire-bench', timeoutMs: 10_000, maxBodyBytes: 10 * 1024 * 1024, maxRedirects: 5 },
    limiter: createLimiter({ concurrency: 8, perHost: 8 }),
    maxBackoffMs: 3_600_000,
  };
  const t0 = performance.now();
  const outcomes = await pollPass(sources, ctx);
  const ms = performance.now() - t0;
  const stored = outcomes.reduce((sum, o) => sum + (o.status === 'updated' ? o.counts.new : 0), 0);
  store.close();
  console.log(JSON.stringify({
    mode,
    sources: SOURCES,
    stored,
    failed: outcomes.filter((o) => o.status === 'failed').length,
    seconds: ms / 1000,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }));
} finally {
  await origin.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
