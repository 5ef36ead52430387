// Full text (issue 10) in a process of its own, so its peak RSS is its own: 20 page sources x 10
// items, each item's detail page holding a stub body and one attachment (HWP, HWPX and PDF in
// turn, about 40 paragraphs of a press release each), served by a local origin and polled once
// through the real pass. Prints one JSON line; scripts/bench.ts reports it.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { readAttachmentText } from '../src/detail/attachment-text.js';
import { createLimiter } from '../src/fetch/limiter.js';
import type { DetailConfig, PageConfig, SourceConfig } from '../src/model.js';
import { openStore } from '../src/store/open-store.js';
import { pollPass } from '../src/worker/poll-pass.js';
import { buildHwp } from '../tests/helpers/hwp.js';
import { buildHwpx } from '../tests/helpers/hwpx.js';
import { releaseParagraphs } from '../tests/helpers/korean-text.js';
import { startOrigin } from '../tests/helpers/origin.js';
import { buildPdf } from '../tests/helpers/pdf.js';

const SOURCES = 20;
const ITEMS = 10;
const PARAGRAPHS = 40;

const paragraphs = releaseParagraphs(PARAGRAPHS);
const files = [
  { ext: 'hwp', type: 'application/x-hwp', bytes: buildHwp({ sections: [paragraphs] }) },
  { ext: 'hwpx', type: 'application/hwp+zip', bytes: buildHwpx({ sections: [paragraphs] }) },
  { ext: 'pdf', type: 'application/pdf', bytes: buildPdf({ pages: [paragraphs] }) },
];

const field = (selector: string, extra: Partial<PageConfig['fields']['title']> = {}) =>
  ({ selector, attr: null, pattern: null, template: null, format: null, all: false, ...extra });
const PAGE: PageConfig = {
  items: 'tbody tr',
  fields: { title: field('td.subject a'), link: field('td.subject a', { attr: 'href' }), published: field('td.date') },
  pages: 1,
  request: { method: 'GET', form: {}, headers: {} },
};
const DETAIL: DetailConfig = {
  content: 'div.view-con', remove: [], published: null, author: null,
  attachments: '.attach a', maxPerPoll: ITEMS,
};

const list = (s: number) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><table><tbody>${Array.from({ length: ITEMS }, (_, i) =>
    `<tr><td class="subject"><a href="/b${s}/view/${i}">${s}번 게시판 보도자료 ${i}: 강원 중소기업 지원 ${s * ITEMS + i}호</a></td><td class="date">2026.12.0${1 + (i % 4)}</td></tr>`,
  ).join('')}</tbody></table></body></html>`;
const view = (s: number, i: number) => {
  const file = files[(s * ITEMS + i) % files.length]!;
  return `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><div class="view-con">첨부파일을 확인하세요.</div>` +
    `<div class="attach"><a href="/b${s}/file/${i}.${file.ext}">보도자료 ${i}.${file.ext}</a></div></body></html>`;
};
const html = (res: ServerResponse, body: string) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
const routes = Object.fromEntries(
  Array.from({ length: SOURCES }, (_, s) => [
    [`/b${s}/list`, (_req: IncomingMessage, res: ServerResponse) => html(res, list(s))],
    ...Array.from({ length: ITEMS }, (_, i) => [
      [`/b${s}/view/${i}`, (_req: IncomingMessage, res: ServerResponse) => html(res, view(s, i))],
      ...files.map((f) => [`/b${s}/file/${i}.${f.ext}`, (_req: IncomingMessage, res: ServerResponse) => res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(f.bytes)]),
    ]).flat(),
  ]).flat(),
);

// Each format's reader alone, for the share of the pass each one takes.
const formats: Record<string, number> = {};
for (const f of files) {
  const rounds = 20;
  const t0 = performance.now();
  let chars = 0;
  for (let r = 0; r < rounds; r++) {
    const read = await readAttachmentText(f.bytes, `bench.${f.ext}`);
    if (read.ok) chars += Buffer.byteLength(read.text);
  }
  formats[f.ext] = chars / 1024 / 1024 / ((performance.now() - t0) / 1000);
}

const origin = await startOrigin(routes);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regionwire-detail-'));
try {
  const store = openStore(path.join(dir, 'detail.db'));
  const sources: SourceConfig[] = Array.from({ length: SOURCES }, (_, s) => ({
    id: `b${s}`, name: `board ${s}`, url: origin.at(`/b${s}/list`), region: null, tags: ['government'],
    intervalMs: 900_000, encoding: null, timezone: 'Asia/Seoul', enabled: true, priority: 0,
    type: 'page', page: PAGE, detail: DETAIL,
  }));
  store.syncSources(sources);
  const ctx = {
    store,
    fetchOptions: { userAgent: 'regionwire-bench', timeoutMs: 30_000, maxBodyBytes: 10 * 1024 * 1024, maxRedirects: 5 },
    limiter: createLimiter({ concurrency: 8, perHost: 8 }),
    maxBackoffMs: 3_600_000,
  };
  const t0 = performance.now();
  const outcomes = await pollPass(sources, ctx);
  const seconds = (performance.now() - t0) / 1000;
  store.close();
  const db = new Database(path.join(dir, 'detail.db'), { readonly: true });
  const row = db.prepare('SELECT count(*) AS files, sum(size) AS bytes, sum(length(CAST(text AS BLOB))) AS textBytes, sum(error IS NOT NULL) AS errors FROM attachments').get() as
    { files: number; bytes: number; textBytes: number; errors: number };
  const pages = (db.prepare("SELECT count(*) AS n FROM item_details WHERE status = 'ok'").get() as { n: number }).n;
  db.close();
  console.log(JSON.stringify({
    sources: SOURCES,
    pages,
    files: row.files,
    fileMb: row.bytes / 1024 / 1024,
    textMb: row.textBytes / 1024 / 1024,
    errors: row.errors,
    failed: outcomes.filter((o) => o.status === 'failed').length,
    seconds,
    formats,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }));
} finally {
  await origin.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
