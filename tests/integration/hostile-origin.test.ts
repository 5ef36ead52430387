// Sources that misbehave in every way we know of, served next to two healthy ones: each poll ends
// with a recorded, readable reason (or stores what is valid), and nothing stored earlier is lost.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../src/cli/context.js';
import type { PollOutcome } from '../../src/model.js';
import { pollPass } from '../../src/worker/poll-pass.js';
import { trickle } from '../helpers/bodies.js';
import { serveBody, startOrigin, type Handler, type Origin } from '../helpers/origin.js';
import { fixture, removeTempDirs, tempDir, writeConfig } from '../helpers/temp.js';

const SECRET = 'regionwire-xxe-canary-7f3a9c';

// rss wraps items (and an optional DOCTYPE) into an RSS 2.0 document.
function rss(items: string, doctype = ''): string {
  return `<?xml version="1.0" encoding="utf-8"?>${doctype}<rss version="2.0"><channel><title>적대적 피드</title><link>http://127.0.0.1/</link>${items}</channel></rss>`;
}

function feedOf(id: string): Handler {
  return serveBody(rss(`<item><guid>${id}-before</guid><title>${id} 이전 기사</title><link>http://127.0.0.1/${id}/1</link></item>`));
}

const status = (code: number, headers: Record<string, string> = {}): Handler => (_req, res) => res.writeHead(code, headers).end(`status ${code}`);
const redirect = (location: string): Handler => (_req, res) => res.writeHead(302, { location }).end();
const LAUGHS =
  '<!DOCTYPE rss [<!ENTITY lol "lol">' +
  Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('') +
  ']>';

function hostile(secretFile: string): Record<string, Handler> {
  return {
    malformed: serveBody('<?xml version="1.0"?><rss version="2.0"><channel><item><title>닫히지 않은</title></channel'),
    html: serveBody('<!doctype html><html><head><title>뉴스</title></head><body><p>피드가 아닙니다</p></body></html>', { 'content-type': 'text/html; charset=utf-8' }),
    empty: serveBody(''),
    'not-found': status(404),
    gone: status(410),
    broken: status(500),
    'rate-limited': status(429, { 'retry-after': new Date(Date.now() + 3 * 3_600_000).toUTCString() }),
    endless: trickle(50),
    'gzip-bomb': serveBody(zlib.gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20)), { 'content-encoding': 'gzip' }),
    'redirect-loop': redirect('/redirect-loop-b'),
    'redirect-file': redirect('file:///etc/passwd'),
    'billion-laughs': serveBody(rss('<item><guid>laughs</guid><title>&lol9;</title></item>', LAUGHS)),
    xxe: serveBody(rss('<item><guid>xxe</guid><title>외부 개체 &xxe;</title><description>&xxe;</description></item>', `<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://${secretFile}">]>`)),
    'duplicate-guids': serveBody(rss('<item><guid>same</guid><title>첫째</title></item><item><guid>same</guid><title>둘째</title></item>')),
    'bare-items': serveBody(rss('<item><description>제목도 링크도 없는 기사</description></item><item></item>')),
    'bad-dates': serveBody(rss('<item><guid>d1</guid><title>날짜 이상</title><pubDate>2024-13-45 99:99</pubDate></item><item><guid>d2</guid><title>날짜 없음</title><pubDate>어제</pubDate></item>')),
  };
}

const HEALTHY = ['rss2', 'atom'];
let origin: Origin;
let app: App;
let secretFile: string;
let hostileIds: string[];
let before: Map<string, string[]>;
let outcomes: Map<string, PollOutcome>;

function titlesBySource(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const item of app.store.queryItems({ limit: 10_000 })) out.set(item.source, [...(out.get(item.source) ?? []), item.title ?? '']);
  return out;
}

beforeAll(async () => {
  secretFile = path.join(tempDir(), 'secret.txt');
  fs.writeFileSync(secretFile, SECRET);
  const routes = hostile(secretFile);
  hostileIds = Object.keys(routes);
  origin = await startOrigin({
    '/rss2.xml': serveBody(fixture('feeds/gangwon-ndsoft-rss2.xml')),
    '/atom.xml': serveBody(fixture('feeds/gangwon-atom.xml'), { 'content-type': 'application/atom+xml' }),
    ...Object.fromEntries(Object.keys(routes).map((id) => [`/${id}`, feedOf(id)])),
  });
  const ids = [...HEALTHY.map((id) => [id, `/${id}.xml`]), ...Object.keys(routes).map((id) => [id, `/${id}`])];
  const config = writeConfig({
    'sources.yaml': 'sources:\n' + ids.map(([id, p]) => `  - { id: ${id}, name: 테스트 ${id}, url: "${origin.at(p ?? '')}" }\n`).join(''),
    'settings.yaml': 'settings:\n  timeout: 2s\n  max_body_size: 1MB\n',
  });
  app = openApp({ config, db: path.join(tempDir(), 'regionwire.db') });
  // First pass: every source serves a valid feed. Then each hostile source turns hostile.
  await pollPass(app.config.sources, app.ctx);
  before = titlesBySource();
  for (const [id, handler] of Object.entries(routes)) origin.route(`/${id}`, handler);
  origin.route('/redirect-loop-b', redirect('/redirect-loop'));
  outcomes = new Map((await pollPass(app.config.sources, app.ctx)).map((o) => [o.source, o]));
}, 60_000);

afterAll(async () => {
  app?.store.close();
  await origin?.close();
  removeTempDirs();
});

const FAILS: Record<string, { kind: string; says: RegExp }> = {
  html: { kind: 'not-a-feed', says: /HTML page, not a feed/ },
  empty: { kind: 'not-a-feed', says: /empty response/ },
  'not-found': { kind: 'http-status', says: /HTTP 404 Not Found/ },
  gone: { kind: 'http-status', says: /HTTP 410 Gone/ },
  broken: { kind: 'http-status', says: /HTTP 500/ },
  'rate-limited': { kind: 'http-status', says: /HTTP 429 .*the next try waits until/ },
  endless: { kind: 'timeout', says: /no complete response .* within 2000 ms/ },
  'gzip-bomb': { kind: 'too-large', says: /larger than maxBodyBytes/ },
  'redirect-loop': { kind: 'redirect', says: /redirect loop/ },
  'redirect-file': { kind: 'redirect', says: /file: address .* refused/ },
};

describe('a poll pass against a hostile origin', () => {
  it('records a readable reason for each failing source, in its state and in the poll log', () => {
    for (const [id, { kind, says }] of Object.entries(FAILS)) {
      const outcome = outcomes.get(id);
      expect(outcome?.status, id).toBe('failed');
      expect(outcome?.status === 'failed' && outcome.error, id).toMatchObject({ kind, message: expect.stringMatching(says) });
      expect(app.store.sourceState(id)?.lastError, id).toMatchObject({ kind, message: expect.stringMatching(says) });
      expect(app.store.pollLog(id, 1)[0], id).toMatchObject({ status: 'failed', errorKind: kind });
    }
  });

  it('waits out a Retry-After given as an HTTP date', () => {
    const outcome = outcomes.get('rate-limited');
    const retryAfter = outcome?.status === 'failed' ? outcome.error.retryAfter : null;
    expect(retryAfter?.getTime()).toBeGreaterThan(Date.now() + 2 * 3_600_000);
    expect(app.store.sourceState('rate-limited')?.nextPollAt?.getTime()).toBeGreaterThanOrEqual(retryAfter?.getTime() ?? Infinity);
  });

  it('still gets every item of the healthy sources', () => {
    for (const id of HEALTHY) expect(outcomes.get(id), id).toMatchObject({ status: 'updated', counts: { new: 0, updated: 0 } });
    expect(titlesBySource().get('rss2')).toHaveLength(3);
    expect(titlesBySource().get('atom')).toHaveLength(2);
  });

  it('loses nothing stored before the sources turned hostile', () => {
    const now = titlesBySource();
    for (const [id, titles] of before) expect(now.get(id), id).toEqual(expect.arrayContaining(titles));
    expect(before.size).toBe(HEALTHY.length + hostileIds.length);
  });

  it('expands no entity: neither a billion laughs nor a local file reaches the database', () => {
    expect(outcomes.get('billion-laughs')?.status).toBe('updated');
    expect(outcomes.get('xxe')?.status).toBe('updated');
    for (const item of app.store.queryItems({ limit: 10_000 })) {
      const text = JSON.stringify(item);
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain('lollollol');
    }
    expect(titlesBySource().get('xxe')).toContain('외부 개체 &xxe;');
  });

  it('stores what is valid from a malformed feed, duplicate guids once, bare items and bad dates', () => {
    expect(titlesBySource().get('malformed')).toContain('닫히지 않은');
    expect(outcomes.get('duplicate-guids')).toMatchObject({ status: 'updated', counts: { new: 1 } });
    expect(titlesBySource().get('duplicate-guids')).toEqual(['첫째', 'duplicate-guids 이전 기사']);
    const bare = app.store.queryItems({ sources: ['bare-items'], limit: 10 });
    expect(bare.map((i) => i.summary)).toContain('제목도 링크도 없는 기사');
    const dated = app.store.queryItems({ sources: ['bad-dates'], limit: 10 }).filter((i) => i.title?.startsWith('날짜'));
    expect(dated).toHaveLength(2);
    // An unreadable date is no date: the item is dated when it was first seen.
    for (const item of dated) expect(item.published).toEqual(item.fetched);
  });
});
