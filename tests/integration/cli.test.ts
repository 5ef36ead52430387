// The `regionwire` command as a user runs it: a real process, a real config folder, a real database.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { withEtag } from '../helpers/conditional.js';
import { serveBody, startOrigin, type Origin } from '../helpers/origin.js';
import { fixture, removeTempDirs, tempDir, writeConfig } from '../helpers/temp.js';



const regionwire = runCli;

let origin: Origin;
let config: string;
let db: string;

beforeAll(async () => {
  origin = await startOrigin({
    '/rss2.xml': withEtag(fixture('feeds/gangwon-ndsoft-rss2.xml'), '"v1"'),
    '/euckr.xml': serveBody(fixture('feeds/gangwon-euckr-declared.xml'), { 'content-type': 'text/xml' }),
    '/gone.xml': (_req, res) => res.writeHead(404).end(),
  });
  config = writeConfig({
    'sources.yaml': [
      '# test sources',
      'sources:',
      `  - { id: rss2, name: 강원뉴스, url: "${origin.at('/rss2.xml')}" }`,
      `  - { id: euckr, name: EUC-KR 신문, url: "${origin.at('/euckr.xml')}" }`,
      `  - { id: gone, name: 없어진 피드, url: "${origin.at('/gone.xml')}" }`,
      '',
    ].join('\n'),
  });
  db = path.join(tempDir(), 'cli.db');
});

afterAll(async () => {
  await origin?.close();
  removeTempDirs();
});

describe('regionwire CLI', () => {
  it('poll --json reports every source and exits 0 even when one fails', async () => {
    const run = await regionwire(['--config', config, '--db', db, 'poll', '--json']);
    expect(run.code).toBe(0);
    const outcomes = JSON.parse(run.stdout) as { source: string; status: string; new: number; error: unknown }[];
    expect(outcomes.map((o) => [o.source, o.status, o.new])).toEqual([
      ['rss2', 'updated', 3],
      ['euckr', 'updated', 1],
      ['gone', 'failed', 0],
    ]);
    expect(outcomes[2]?.error).toMatchObject({ kind: 'http-status', status: 404 });
  });

  it('poll into a pipe its reader has closed still stores every item and exits 0 without a stack trace', async () => {
    const own = path.join(tempDir(), 'closed-pipe.db');
    const run = await regionwire(['--config', config, '--db', own, 'poll'], { closeStdout: true });
    expect(run.stderr).not.toMatch(/EPIPE|Error/);
    expect(run.code).toBe(0);
    const items = await regionwire(['--config', config, '--db', own, 'items', '--json']);
    expect((JSON.parse(items.stdout) as unknown[]).length).toBe(4);
  });

  it('items --search finds a two-syllable Korean word inside a longer one', async () => {
    const run = await regionwire(['--config', config, '--db', db, 'items', '--search', '일자리', '--jsonl']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { title: string; source: string; fetched: string });
    expect(lines.map((l) => l.title)).toEqual(['삼척 수소산업 일자리 500개 창출 기대']);
    expect(lines[0]?.source).toBe('euckr');
  });

  it('items --json carries the documented fields', async () => {
    const run = await regionwire(['--config', config, '--db', db, 'items', '--source', 'rss2', '--json']);
    const items = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(items).toHaveLength(3);
    for (const key of ['id', 'source', 'guid', 'url', 'title', 'summary', 'author', 'categories', 'published', 'fetched']) {
      expect(items[0]).toHaveProperty(key);
    }
  });

  it('sources list --json shows poll state and the last error', async () => {
    const run = await regionwire(['--config', config, '--db', db, 'sources', 'list', '--json']);
    const sources = JSON.parse(run.stdout) as { id: string; items: number; consecutive_failures: number; last_error: { kind: string } | null }[];
    expect(sources.find((s) => s.id === 'rss2')).toMatchObject({ items: 3, consecutive_failures: 0, last_error: null });
    expect(sources.find((s) => s.id === 'gone')).toMatchObject({ consecutive_failures: 1, last_error: { kind: 'http-status' } });
  });

  it('inspect --json shows a feed without storing it', async () => {
    const file = path.join(ROOT, 'tests/fixtures/feeds/gangwon-euckr-undeclared.xml');
    const run = await regionwire(['inspect', file, '--json']);
    expect(run.code).toBe(0);
    const [result] = JSON.parse(run.stdout) as { encoding: string; format: string; items: { title: string; published: string }[]; error: unknown }[];
    expect(result).toMatchObject({ format: 'rss20', error: null });
    expect(result?.encoding).toMatch(/euc-kr|cp949/);
    expect(result?.items[0]).toMatchObject({ title: '삼척 수소산업 일자리 500개 창출 기대', published: '2024-12-01T02:20:00.000Z' });
  });

  it('inspect --jsonl gives one line per input, failures included', async () => {
    const run = await regionwire(['inspect', '--jsonl', origin.at('/rss2.xml'), origin.at('/gone.xml')]);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { error: { kind: string } | null; items: unknown[] });
    expect(lines).toHaveLength(2);
    expect(lines[0]?.items).toHaveLength(3);
    expect(lines[1]?.error?.kind).toBe('http-status');
  });

  it('a broken config line exits 2 naming file:line:column, and nothing is polled', async () => {
    const bad = writeConfig({ 'sources.yaml': `sources:\n  - id: a\n    name: A\n    url: ${origin.at('/rss2.xml')}\n    intervall: 15m\n` });
    const before = origin.requests.length;
    const run = await regionwire(['--config', bad, '--db', path.join(tempDir(), 'x.db'), 'poll']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/sources\.yaml:5:5/);
    expect(run.stderr).toContain('intervall');
    expect(origin.requests.length).toBe(before);
  });

  it('stats --json counts items per source', async () => {
    const run = await regionwire(['--config', config, '--db', db, 'stats', '--json']);
    expect(run.code).toBe(0);
    const stats = JSON.parse(run.stdout) as { items: number };
    expect(stats.items).toBe(4);
  });

  it('run polls on start and stops cleanly on SIGTERM, closing the database', async () => {
    const runDb = path.join(tempDir(), 'run.db');
    const run = await regionwire(['--config', config, '--db', runDb, 'run', '--port', '0'], {
      signalWhen: [/serving topic feeds at/, /poll rss2: /, /poll euckr: /, /poll gone: /],
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('stopped, database closed');
    expect(fs.existsSync(`${runDb}-wal`) ? fs.statSync(`${runDb}-wal`).size : 0).toBe(0);
    const items = await regionwire(['--config', config, '--db', runDb, 'items', '--json']);
    expect((JSON.parse(items.stdout) as unknown[]).length).toBe(4);
  });
});
