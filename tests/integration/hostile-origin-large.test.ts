// More hostile sources, served next to two healthy ones: one item of 5 MB, EUC-KR bytes that swear
// they are UTF-8, and a 503 that asks us to come back in two minutes. Each poll ends
// within its timeout with a recorded, readable outcome, and nothing stored earlier is lost.
// Then a feed of 50,000 items, whose parse and store block the event loop for a long while,
// beside the healthy sources answering meanwhile: all of it is stored, and none of them times out.
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../src/cli/context.js';
import type { PollOutcome } from '../../src/model.js';
import { pollPass } from '../../src/worker/poll-pass.js';
import { serveBody, startOrigin, type Handler, type Origin } from '../helpers/origin.js';
import { fixture, removeTempDirs, tempDir, writeConfig } from '../helpers/temp.js';

const TIMEOUT_MS = 10_000;
const BIG_ITEM_BYTES = 5 * 1024 * 1024;
const TITLE = '강원도 춘천시, 겨울 축제 개막…관광객 몰려';

function rss(items: string, declaration = '<?xml version="1.0" encoding="utf-8"?>'): string {
  return `${declaration}<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>적대적 피드</title><link>http://127.0.0.1/</link>${items}</channel></rss>`;
}

function feedOf(id: string): Handler {
  return serveBody(rss(`<item><guid>${id}-before</guid><title>${id} 이전 기사</title><link>http://127.0.0.1/${id}/1</link></item>`));
}

// One item whose content:encoded is ~5 MB of paragraphs, with a script and an event handler to strip.
function bigItemFeed(): string {
  const paragraph = '<p onclick="steal()">강원 지역 소식 문단입니다. Regional news paragraph.</p>';
  const body = paragraph.repeat(Math.ceil(BIG_ITEM_BYTES / Buffer.byteLength(paragraph)));
  const content = `<script>alert("x")</script>${body}`;
  return rss(`<item><guid>big-1</guid><title>아주 긴 기사</title><link>http://127.0.0.1/big/1</link><content:encoded><![CDATA[${content}]]></content:encoded></item>`);
}

// EUC-KR bytes behind a UTF-8 header and a UTF-8 XML declaration.
function lyingCharset(): Buffer {
  const description = '춘천 닭갈비 축제가 오늘 개막했다. 강원도와 춘천시가 공동 주최하며 열흘 동안 열린다.';
  return iconv.encode(rss(`<item><guid>charset-1</guid><title>${TITLE}</title><description>${description}</description></item>`), 'euc-kr');
}

const HUGE_ITEMS = 50_000;
const COUNTIES = ['춘천시', '원주시', '강릉시', '동해시', '태백시', '속초시', '삼척시', '홍천군', '횡성군', '영월군', '평창군', '정선군', '철원군', '화천군', '양구군', '인제군', '고성군', '양양군'];

// A feed of 50,000 announcements sharing one template (about 12 MB), distinct guids and links.
function hugeFeed(): string {
  const items = Array.from({ length: HUGE_ITEMS }, (_, i) => {
    const county = COUNTIES[i % COUNTIES.length];
    return `<item><guid>huge-${i}</guid><title>강원특별자치도 ${county} 지원사업 공고 제${i}호</title><link>http://127.0.0.1/huge/notice/${i}</link><description>${county} 지원사업 ${i}번 신청 안내</description></item>`;
  });
  return rss(items.join(''));
}

// One new item for each healthy feed, served while the huge feed is being stored.
const NEW_TITLES: Record<string, string> = { rss2: '강원 폭설 대비 제설 대책 점검', atom: '도, 겨울철 취약계층 난방비 지원' };
const NEW_ITEM: Record<string, [string, string]> = {
  rss2: ['</channel>', `<item><title>${NEW_TITLES['rss2']}</title><link>https://www.example.kr/news/articleView.html?idxno=1204</link></item></channel>`],
  atom: ['</feed>', `<entry><title>${NEW_TITLES['atom']}</title><id>tag:state.example.kr,2024:press:503</id><updated>2024-12-03T09:00:00+09:00</updated></entry></feed>`],
};

const HEALTHY = ['rss2', 'atom'];
const HOSTILE: Record<string, Handler> = {
  'big-item': serveBody(bigItemFeed()),
  'wrong-charset': serveBody(lyingCharset(), { 'content-type': 'application/rss+xml; charset=utf-8' }),
  unavailable: (_req, res) => res.writeHead(503, { 'retry-after': '120' }).end('status 503'),
};

let origin: Origin;
let app: App;
let before: Map<string, string[]>;
let outcomes: Map<string, PollOutcome>;
let hostileStartedAt: number;
let hostileMs: number;
let hugeOutcomes: Map<string, PollOutcome>;

function titlesBySource(ids: readonly string[]): Map<string, string[]> {
  return new Map(ids.map((id) => [id, app.store.queryItems({ sources: [id], limit: 100 }).map((i) => i.title ?? '')]));
}

beforeAll(async () => {
  origin = await startOrigin({
    '/rss2.xml': serveBody(fixture('feeds/gangwon-ndsoft-rss2.xml')),
    '/atom.xml': serveBody(fixture('feeds/gangwon-atom.xml'), { 'content-type': 'application/atom+xml' }),
    ...Object.fromEntries([...Object.keys(HOSTILE), 'huge'].map((id) => [`/${id}`, feedOf(id)])),
  });
  const line = (id: string, p: string, extra = '') => `  - { id: ${id}, name: 테스트 ${id}, url: "${origin.at(p)}"${extra} }\n`;
  const config = writeConfig({
    'sources.yaml':
      'sources:\n' +
      HEALTHY.map((id) => line(id, `/${id}.xml`)).join('') +
      // A one-minute interval, so that a two-minute Retry-After is what decides the next poll.
      Object.keys(HOSTILE).map((id) => line(id, `/${id}`, id === 'unavailable' ? ', interval: 1m' : '')).join('') +
      line('huge', '/huge'),
    // Every source lives on 127.0.0.1 here; in life they are separate hosts, fetched at once.
    'settings.yaml': `settings:\n  timeout: ${TIMEOUT_MS / 1000}s\n  max_body_size: 64MB\n  per_host_concurrency: 8\n`,
  });
  app = openApp({ config, db: path.join(tempDir(), 'regionwire.db') });
  // First pass: every source serves a small valid feed. Then each hostile source turns hostile.
  await pollPass(app.config.sources, app.ctx);
  before = titlesBySource([...HEALTHY, ...Object.keys(HOSTILE), 'huge']);
  for (const [id, handler] of Object.entries(HOSTILE)) origin.route(`/${id}`, handler);
  hostileStartedAt = Date.now();
  outcomes = new Map((await pollPass(app.config.sources, app.ctx)).map((o) => [o.source, o]));
  hostileMs = Date.now() - hostileStartedAt;
}, 60_000);

afterAll(async () => {
  app?.store.close();
  await origin?.close();
  removeTempDirs();
});

describe('a poll pass against a huge item and lying sources', () => {
  it('ends every fetch within its timeout with an outcome in the poll log', () => {
    for (const id of [...HEALTHY, ...Object.keys(HOSTILE)]) {
      expect(outcomes.get(id), id).toBeDefined();
      expect(app.store.pollLog(id, 1)[0]?.status, id).toBe(outcomes.get(id)?.status);
    }
    expect(hostileMs).toBeLessThan(TIMEOUT_MS);
  });

  it('stores an item of 5 MB with its content sanitised', () => {
    expect(outcomes.get('big-item')).toMatchObject({ status: 'updated', counts: { new: 1 } });
    const [item] = app.store.queryItems({ sources: ['big-item'], limit: 10 }).filter((i) => i.guid === 'big-1');
    expect(item?.title).toBe('아주 긴 기사');
    expect(item?.content?.length).toBeGreaterThan(BIG_ITEM_BYTES / 4);
    expect(item?.content).toContain('<p>강원 지역 소식 문단입니다.');
    expect(item?.content).not.toMatch(/<script|onclick|alert\(/);
  });

  it('decodes EUC-KR bytes declared as UTF-8 as EUC-KR, and says so in a warning', () => {
    const outcome = outcomes.get('wrong-charset');
    expect(outcome).toMatchObject({ status: 'updated', counts: { new: 1 }, encoding: 'euc-kr' });
    const warning = outcome?.status === 'updated' ? outcome.warning : null;
    expect(warning).toMatch(/declared utf-8 but the bytes are not valid UTF-8; they look like euc-kr .* set encoding: euc-kr/);
    expect(app.store.pollLog('wrong-charset', 1)[0]).toMatchObject({ status: 'updated', encoding: 'euc-kr', warning });
    expect(titlesBySource(['wrong-charset']).get('wrong-charset')).toContain(TITLE);
  });

  it('fails a 503 with Retry-After: 120 and does not poll again before then', () => {
    const outcome = outcomes.get('unavailable');
    expect(outcome).toMatchObject({ status: 'failed', error: { kind: 'http-status', status: 503 } });
    const error = outcome?.status === 'failed' ? outcome.error : null;
    expect(error?.message).toMatch(/HTTP 503 Service Unavailable .* the next try waits until/);
    const retryAfter = error?.retryAfter?.getTime() ?? 0;
    expect(retryAfter).toBeGreaterThanOrEqual(hostileStartedAt + 120_000);
    expect(retryAfter).toBeLessThanOrEqual(Date.now() + 120_000);
    const state = app.store.sourceState('unavailable');
    expect(state?.lastError).toMatchObject({ kind: 'http-status', message: error?.message });
    expect(state?.nextPollAt?.getTime()).toBeGreaterThanOrEqual(retryAfter);
    expect(app.store.pollLog('unavailable', 1)[0]).toMatchObject({ status: 'failed', httpStatus: 503, errorKind: 'http-status' });
  });

  it('still gets every item of the healthy sources and loses nothing stored before', () => {
    for (const id of HEALTHY) expect(outcomes.get(id), id).toMatchObject({ status: 'updated', counts: { new: 0, updated: 0 } });
    const now = titlesBySource(HEALTHY);
    expect(now.get('rss2')).toHaveLength(3);
    expect(now.get('atom')).toHaveLength(2);
    for (const [id, titles] of before) {
      expect(titles.length, id).toBeGreaterThan(0);
      const stored = app.store.queryItems({ sources: [id], limit: 100 }).map((i) => i.title);
      expect(stored, id).toEqual(expect.arrayContaining(titles));
    }
  });
});

describe('a poll pass beside a feed of 50,000 items', () => {
  beforeAll(async () => {
    // The healthy sources answer a second after the huge feed is sent: while it is parsed and
    // stored, with their fetches (and deadlines) running.
    let sent: () => void = () => undefined;
    const hugeSent = new Promise<void>((resolve) => (sent = resolve));
    const huge = serveBody(hugeFeed());
    origin.route('/huge', (req, res) => {
      res.on('finish', sent);
      huge(req, res);
    });
    for (const id of HEALTHY) {
      const [end, withItem] = NEW_ITEM[id] ?? ['', ''];
      const body = fixture(`feeds/${id === 'rss2' ? 'gangwon-ndsoft-rss2' : 'gangwon-atom'}.xml`).toString('utf8').replace(end, withItem);
      const answer = serveBody(body, id === 'atom' ? { 'content-type': 'application/atom+xml' } : {});
      origin.route(`/${id}.xml`, (req, res) => void hugeSent.then(() => setTimeout(() => answer(req, res), 1_000)));
    }
    const sources = app.config.sources.filter((s) => s.id === 'huge' || HEALTHY.includes(s.id));
    hugeOutcomes = new Map((await pollPass(sources, app.ctx)).map((o) => [o.source, o]));
  }, 240_000);

  it('stores all 50,000 items in one recorded poll', () => {
    expect(hugeOutcomes.get('huge')).toMatchObject({ status: 'updated', counts: { new: HUGE_ITEMS, updated: 0, unchanged: 0 } });
    const guids = app.store.queryItems({ sources: ['huge'], limit: 2 * HUGE_ITEMS }).map((i) => i.guid);
    expect(guids).toHaveLength(HUGE_ITEMS + 1);
    expect(new Set(guids).size).toBe(HUGE_ITEMS + 1);
    expect(guids).toContain('huge-before');
    const [log] = app.store.pollLog('huge', 1);
    expect(log).toMatchObject({ status: 'updated', errorKind: null });
    expect((log?.counts.new ?? 0) + (log?.counts.updated ?? 0) + (log?.counts.unchanged ?? 0)).toBe(HUGE_ITEMS);
  });

  it('does not time out the healthy sources that answered meanwhile, and stores their new items', () => {
    for (const id of HEALTHY) {
      expect(hugeOutcomes.get(id), id).toMatchObject({ status: 'updated', counts: { new: 1, updated: 0 } });
      expect(app.store.pollLog(id, 1)[0], id).toMatchObject({ status: 'updated', counts: { new: 1 } });
      expect(app.store.sourceState(id)?.consecutiveFailures, id).toBe(0);
    }
    const now = titlesBySource(HEALTHY);
    expect(now.get('rss2')).toHaveLength(4);
    expect(now.get('rss2')).toContain(NEW_TITLES['rss2']);
    expect(now.get('atom')).toHaveLength(3);
    expect(now.get('atom')).toContain(NEW_TITLES['atom']);
  });

  it('loses nothing stored before', () => {
    for (const [id, titles] of before) {
      const stored = app.store.queryItems({ sources: [id], limit: 2 * HUGE_ITEMS }).map((i) => i.title);
      expect(stored, id).toEqual(expect.arrayContaining(titles));
    }
  });
});
