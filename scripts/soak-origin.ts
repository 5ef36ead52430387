// The soak's origin, in a process of its own so the soak measures only regionwire's memory. Its
// feeds grow with the simulated clock the soak sends it (IPC); it answers unchanged feeds with 304.
// It first sends { port, start } (the simulated day's start); then it takes { sim } (acknowledged
// with { sim }) and { report } (answered with what it served).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

const START = Date.UTC(2024, 11, 1, 0, 0, 0);
const SOURCES = Number(process.env.SOAK_SOURCES ?? 1000);
const WINDOW_MS = 20 * 60_000;
// A feed shows its newest 30 items; the slowest source (2 h) misses none at 2 items a window.
const SHOWN = 30;
const INITIAL = 10;
const RATES = [0, 1, 1, 2];

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

// The poller's process stalls during each tick's synchronous writes; with Node's 5 s keep-alive
// the origin would close sockets the poller is just reusing (ECONNRESET).
origin.keepAliveTimeout = 120_000;

if (process.send !== undefined) {
  origin.listen(0, '127.0.0.1', () => process.send?.({ port: (origin.address() as AddressInfo).port, start: START }));
  process.on('message', (message: { sim?: number; report?: true }) => {
    if (message.sim !== undefined) {
      sim = message.sim;
      process.send?.({ sim });
    } else if (message.report) {
      process.send?.({ served: served.reduce((a, b) => a + b, 0) - gaps, gaps, responses });
    }
  });
  process.on('disconnect', () => origin.close());
}
