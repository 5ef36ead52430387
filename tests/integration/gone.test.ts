// A source answering 410 Gone is marked gone and no longer polled, until its url changes in sources.yaml.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { openApp, type App } from '../../src/cli/context.js';
import { pollPass } from '../../src/worker/poll-pass.js';
import { Scheduler } from '../../src/worker/scheduler.js';
import { serveBody, startOrigin, type Origin } from '../helpers/origin.js';
import { fixture, removeTempDirs, tempDir, writeConfig } from '../helpers/temp.js';

const DAY = 24 * 3_600_000;

let origin: Origin;
let config: string;
let db: string;
let app: App;

function sourcesYaml(gonePath: string): string {
  return `sources:\n  - { id: live, name: 살아있는, url: "${origin.at('/live.xml')}" }\n  - { id: closed, name: 폐간, url: "${origin.at(gonePath)}" }\n`;
}

// regionwire runs the CLI as a user does and returns its stdout.
const regionwire = async (...args: string[]): Promise<string> => (await runCli(['--config', config, '--db', db, ...args])).stdout;

const goneRequests = () => origin.requests.filter((r) => r.path === '/closed.xml').length;

beforeAll(async () => {
  origin = await startOrigin({
    '/live.xml': serveBody(fixture('feeds/gangwon-ndsoft-rss2.xml')),
    '/closed.xml': (_req, res) => res.writeHead(410).end('gone'),
    '/reopened.xml': serveBody(fixture('feeds/gangwon-atom.xml'), { 'content-type': 'application/atom+xml' }),
  });
  config = writeConfig({ 'sources.yaml': sourcesYaml('/closed.xml') });
  db = path.join(tempDir(), 'regionwire.db');
  app = openApp({ config, db });
});

afterAll(async () => {
  app?.store.close();
  await origin?.close();
  removeTempDirs();
});

describe('410 Gone', () => {
  it('marks the source gone and the scheduler stops polling it', async () => {
    const [, closed] = await pollPass(app.config.sources, app.ctx);
    expect(closed).toMatchObject({ source: 'closed', status: 'failed', error: { kind: 'http-status', status: 410 } });
    expect(app.store.sourceState('closed')?.goneAt).toBeInstanceOf(Date);
    expect(app.store.sourceState('live')?.goneAt).toBeNull();

    const later = new Date(Date.now() + DAY);
    expect(app.store.dueSources(later)).toEqual(['live']);
    const scheduler = new Scheduler({ ctx: { ...app.ctx, now: () => later }, sources: app.config.sources });
    const outcomes = await scheduler.dispatch();
    expect(outcomes.map((o) => o.source)).toEqual(['live']);
    expect(goneRequests()).toBe(1);
  });

  it('says so in `sources list`, with what to do', async () => {
    const since = app.store.sourceState('closed')?.goneAt;
    expect(since).toBeInstanceOf(Date);
    const line = (await regionwire('sources', 'list')).split('\n').find((l) => l.startsWith('closed'));
    expect(line).toMatch(/gone \(410\) since \d{4}-\d\d-\d\d \d\d:\d\d/);
    expect(line).toContain('remove it from sources.yaml or change its url');
  });

  it('is skipped by `poll` unless named with --source', async () => {
    const output = await regionwire('poll');
    expect(output).toContain('closed: skipped, gone (410)');
    expect(output).toContain('1 sources polled, 0 new items, 0 failed');
    expect(goneRequests()).toBe(1);
    expect(await regionwire('poll', '--source', 'closed')).toContain('closed: FAILED (http-status)');
    expect(goneRequests()).toBe(2);
  });

  it('polls it again once its url changes in sources.yaml', async () => {
    fs.writeFileSync(path.join(config, 'sources.yaml'), sourcesYaml('/reopened.xml'));
    app.store.close();
    app = openApp({ config, db });
    expect(app.store.sourceState('closed')?.goneAt).toBeNull();
    expect(app.store.dueSources(new Date())).toContain('closed');
    const [, reopened] = await pollPass(app.config.sources, app.ctx);
    expect(reopened).toMatchObject({ source: 'closed', status: 'updated' });
    expect(app.store.sourceState('closed')).toMatchObject({ goneAt: null, consecutiveFailures: 0 });
  });
});
