// A whole poll pass: real feed bytes from a local origin, through every stage, into a real SQLite file.
import crypto from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../src/cli/context.js';
import type { PollOutcome } from '../../src/model.js';
import { pollPass } from '../../src/worker/poll-pass.js';
import { withEtag, withLastModified } from '../helpers/conditional.js';
import { serveBody, startOrigin, type Origin } from '../helpers/origin.js';
import { fixture, removeTempDirs, tempDir, writeConfig } from '../helpers/temp.js';

const LAST_MODIFIED = 'Mon, 02 Dec 2024 01:00:00 GMT';

let origin: Origin;
let app: App;
let first: Map<string, PollOutcome>;

function byId(outcomes: readonly PollOutcome[]) {
  return new Map(outcomes.map((o) => [o.source, o]));
}

function sourcesYaml(o: Origin): string {
  const entries: [string, string][] = [
    ['rss2', '/rss2.xml'],
    ['atom', '/atom.xml'],
    ['rdf', '/rdf.xml'],
    ['euckr-declared', '/euckr-declared.xml'],
    ['euckr-undeclared', '/euckr-undeclared.xml'],
    ['moved', '/moved.xml'],
    ['busy', '/busy.xml'],
    ['broken', '/broken.xml'],
    ['slow', '/slow.xml'],
    ['huge', '/huge.xml'],
    ['garbage', '/garbage.xml'],
    ['flaky', '/flaky.xml'],
  ];
  return (
    'sources:\n' +
    entries.map(([id, p]) => `  - id: ${id}\n    name: 테스트 ${id}\n    url: ${o.at(p)}\n    interval: 15m\n`).join('')
  );
}

beforeAll(async () => {
  origin = await startOrigin({
    '/rss2.xml': withEtag(fixture('feeds/gangwon-ndsoft-rss2.xml'), '"v1"'),
    '/atom.xml': withLastModified(fixture('feeds/gangwon-atom.xml'), LAST_MODIFIED),
    '/rdf.xml': serveBody(fixture('feeds/gangwon-rdf.xml'), { 'content-type': 'application/rdf+xml' }),
    '/euckr-declared.xml': serveBody(fixture('feeds/gangwon-euckr-declared.xml'), { 'content-type': 'application/rss+xml' }),
    '/euckr-undeclared.xml': serveBody(fixture('feeds/gangwon-euckr-undeclared.xml'), { 'content-type': 'text/xml' }),
    '/moved.xml': (_req, res) => res.writeHead(301, { location: '/moved-here.xml' }).end(),
    '/moved-here.xml': serveBody(fixture('feeds/gangwon-rdf.xml')),
    '/busy.xml': (_req, res) => res.writeHead(429, { 'retry-after': '7200' }).end('slow down'),
    '/broken.xml': (_req, res) => res.writeHead(500).end('internal error'),
    '/slow.xml': () => undefined,
    '/huge.xml': serveBody(Buffer.alloc(3 * 1024 * 1024, 'a')),
    '/garbage.xml': serveBody(crypto.randomBytes(4096)),
    '/flaky.xml': serveBody(fixture('feeds/gangwon-rdf.xml')),
  });
  const config = writeConfig({
    'sources.yaml': sourcesYaml(origin),
    'settings.yaml': 'settings:\n  timeout: 1s\n  max_body_size: 1MB\n',
  });
  app = openApp({ config, db: path.join(tempDir(), 'regionwire.db') });
  first = byId(await pollPass(app.config.sources, app.ctx));
});

afterAll(async () => {
  app?.store.close();
  await origin?.close();
  removeTempDirs();
});

describe('first pass', () => {
  it('stores RSS 2.0 items with absolute links (tracking parameters dropped) and zone-less dates read as Korea time', () => {
    expect(first.get('rss2')).toMatchObject({ status: 'updated', counts: { new: 3, updated: 0, unchanged: 0 } });
    const items = app.store.queryItems({ sources: ['rss2'], limit: 10 });
    const merger = items.find((i) => i.title?.startsWith('강원 중견'));
    // The feed links to …?idxno=1201&utm_source=rss&utm_medium=feed (issue 12 §3).
    expect(merger?.url).toBe(origin.at('/news/articleView.html?idxno=1201'));
    expect(merger?.published.toISOString()).toBe('2024-12-01T08:55:13.000Z');
    expect(merger?.author).toBe('최선경 기자');
    expect(items.find((i) => i.title?.startsWith('춘천'))?.title).toBe('춘천 겨울축제 & 얼음낚시 개막…관광객 몰려');
  });

  it('stores Atom entries, resolving relative links and sanitising content', () => {
    expect(first.get('atom')).toMatchObject({ status: 'updated', counts: { new: 2 } });
    const [fire] = app.store.queryItems({ sources: ['atom'], search: '산불' });
    expect(fire?.url).toBe('https://state.example.kr/press/view?no=501');
    expect(fire?.title).toBe('강릉 산불 대응 <합동 훈련> 실시');
    expect(fire?.content).not.toContain('<script');
    expect(fire?.published.toISOString()).toBe('2024-12-02T00:30:00.000Z');
    expect(fire?.updated?.toISOString()).toBe('2024-12-02T01:00:00.000Z');
  });

  it('stores RSS 1.0 (RDF) items with dc:date', () => {
    const [item] = app.store.queryItems({ sources: ['rdf'] });
    expect(item?.title).toBe('원주시 소상공인 판로 지원 설명회');
    expect(item?.published.toISOString()).toBe('2024-11-30T05:00:00.000Z');
  });

  it('decodes EUC-KR with and without a declaration, CP949-only syllables included', () => {
    for (const id of ['euckr-declared', 'euckr-undeclared']) {
      expect(first.get(id)).toMatchObject({ status: 'updated', counts: { new: 1 } });
      const [item] = app.store.queryItems({ sources: [id] });
      expect(item?.title).toBe('삼척 수소산업 일자리 500개 창출 기대');
      expect(item?.summary).toContain('똠방각하 햏 뷁');
      expect(item?.published.toISOString()).toBe('2024-12-01T02:20:00.000Z');
    }
  });

  it('follows a permanent redirect and records the new URL for the user', () => {
    expect(first.get('moved')).toMatchObject({ status: 'updated', permanentRedirect: origin.at('/moved-here.xml') });
    expect(app.store.sourceState('moved')?.permanentRedirect).toBe(origin.at('/moved-here.xml'));
  });

  it('honours 429 Retry-After when planning the next poll', () => {
    const busy = first.get('busy');
    expect(busy?.status).toBe('failed');
    if (busy?.status !== 'failed') return;
    expect(busy.error).toMatchObject({ kind: 'http-status', status: 429 });
    const next = app.store.sourceState('busy')?.nextPollAt?.getTime() ?? 0;
    // Retry-After (2 h) is longer than the interval (15 min): the server's wish wins.
    expect(busy.error.retryAfter?.getTime()).toBeGreaterThan(Date.now() + 7_000_000);
    expect(next).toBeGreaterThanOrEqual(busy.error.retryAfter?.getTime() ?? Infinity);
  });

  it('classifies every failure and keeps the other sources going', () => {
    expect(first.get('broken')).toMatchObject({ status: 'failed', error: { kind: 'http-status', status: 500 } });
    expect(first.get('slow')).toMatchObject({ status: 'failed', error: { kind: 'timeout' } });
    expect(first.get('huge')).toMatchObject({ status: 'failed', error: { kind: 'too-large' } });
    const garbage = first.get('garbage');
    expect(garbage?.status).toBe('failed');
    if (garbage?.status === 'failed') expect(['not-a-feed', 'parse']).toContain(garbage.error.kind);
    for (const id of ['broken', 'slow', 'huge', 'garbage']) {
      const state = app.store.sourceState(id);
      expect(state?.consecutiveFailures).toBe(1);
      expect(state?.lastError?.message).toMatch(/^(fetch|parse|decode): /);
    }
  });
});

describe('second pass', () => {
  let second: Map<string, PollOutcome>;
  let before: number;

  beforeAll(async () => {
    before = app.store.queryItems({ limit: 1000 }).length;
    origin.route('/flaky.xml', (_req, res) => res.writeHead(503, { 'retry-after': '30' }).end());
    second = byId(await pollPass(app.config.sources, app.ctx));
  });

  it('sends the validators back and gets 304s', () => {
    expect(second.get('rss2')?.status).toBe('not-modified');
    expect(second.get('atom')?.status).toBe('not-modified');
    const conditional = origin.requests.filter((r) => r.path === '/rss2.xml').at(-1);
    expect(conditional?.headers['if-none-match']).toBe('"v1"');
    const atom = origin.requests.filter((r) => r.path === '/atom.xml').at(-1);
    expect(atom?.headers['if-modified-since']).toBe(LAST_MODIFIED);
  });

  it('stores nothing new when nothing changed', () => {
    expect(second.get('rdf')).toMatchObject({ status: 'updated', counts: { new: 0, updated: 0, unchanged: 1 } });
    expect(app.store.queryItems({ limit: 1000 })).toHaveLength(before);
  });

  it('loses no stored item when a source starts failing', () => {
    expect(second.get('flaky')).toMatchObject({ status: 'failed', error: { kind: 'http-status', status: 503 } });
    expect(app.store.queryItems({ sources: ['flaky'] })).toHaveLength(1);
    expect(app.store.sourceState('flaky')).toMatchObject({ consecutiveFailures: 1 });
    expect(app.store.sourceState('broken')).toMatchObject({ consecutiveFailures: 2 });
  });
});
