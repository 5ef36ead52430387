// Issue 9, point 3: an HTTPS site that leaves out its intermediate certificate, as many .go.kr sites do,
// polled through the whole pipeline into a real SQLite file, with and without a per-source `tls:` setting.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../src/cli/context.js';
import { inspectInput } from '../../src/cli/inspect.js';
import type { PollOutcome } from '../../src/model.js';
import { pollPass } from '../../src/worker/poll-pass.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { withEtag } from '../helpers/conditional.js';
import { serveBody, startOrigin, type Origin } from '../helpers/origin.js';
import { fixture, removeTempDirs, tempDir, writeConfig } from '../helpers/temp.js';
import { pem, startTlsOrigin } from '../helpers/tls-origin.js';

let secure: Origin;
let plain: Origin;
let config: string;
let app: App;
let first: Map<string, PollOutcome>;

const byId = (outcomes: readonly PollOutcome[]) => new Map(outcomes.map((o) => [o.source, o]));
const source = (id: string, url: string, ...more: string[]) => [`  - id: ${id}`, `    name: ${id} 보도자료`, `    url: ${url}`, ...more].join('\n');

beforeAll(async () => {
  // The server sends its own certificate only: the intermediate that links it to the root is missing.
  secure = await startTlsOrigin(['leaf.crt'], { '/rss.xml': withEtag(fixture('feeds/gangwon-ndsoft-rss2.xml'), '"v1"') });
  plain = await startOrigin({ '/rss.xml': serveBody(fixture('feeds/gangwon-rdf.xml')) });
  config = writeConfig({
    'sources.yaml': [
      'sources:',
      source('incomplete', secure.at('/rss.xml')),
      source('with-ca', secure.at('/rss.xml'), '    tls: { ca: gwd-chain.pem }'),
      source('insecure', secure.at('/rss.xml'), '    tls: { insecure: true }'),
      source('plain', plain.at('/rss.xml')),
      '',
    ].join('\n'),
    // What a user saves: the intermediate from `openssl s_client -showcerts`, and here its private root too.
    'gwd-chain.pem': pem('intermediate-ca.crt') + pem('root-ca.crt'),
  });
  app = openApp({ config, db: path.join(tempDir(), 'regionwire.db') });
  first = byId(await pollPass(app.config.sources, app.ctx));
});

afterAll(async () => {
  app?.store.close();
  await Promise.all([secure?.close(), plain?.close()]);
  removeTempDirs();
});

describe('polling an HTTPS site with an incomplete certificate chain', () => {
  it('fails as tls with advice naming the source, and records it on the source', () => {
    const outcome = first.get('incomplete');
    expect(outcome).toMatchObject({ status: 'failed', error: { kind: 'tls' }, warning: null });
    const message = outcome?.status === 'failed' ? outcome.error.message : '';
    expect(message).toMatch(/\(UNABLE_TO_VERIFY_LEAF_SIGNATURE\) — many \.go\.kr sites omit the intermediate certificate/);
    expect(message).toContain('set `tls: { ca: FILE }` on source incomplete in sources.yaml');
    expect(app.store.sourceState('incomplete')).toMatchObject({ consecutiveFailures: 1, lastError: { kind: 'tls', message } });
    expect(app.store.pollLog('incomplete', 1)[0]).toMatchObject({ status: 'failed', errorKind: 'tls' });
  });

  it('stores the items once tls.ca (relative to the config folder) adds the intermediate', () => {
    expect(first.get('with-ca')).toMatchObject({ status: 'updated', counts: { new: 3 }, warning: null });
    expect(app.store.sourceState('with-ca')).toMatchObject({ itemCount: 3, lastError: null });
  });

  it('stores the items with insecure: true, and records a warning with the poll', () => {
    const outcome = first.get('insecure');
    expect(outcome).toMatchObject({ status: 'updated', counts: { new: 3 } });
    expect(outcome?.warning).toMatch(/^fetch: certificate checks are off for source insecure \(`tls: \{ insecure: true \}`\), so anyone on the network path could pose as 127\.0\.0\.1:\d+/);
    expect(app.store.pollLog('insecure', 1)[0]?.warning).toBe(outcome?.warning);
  });

  it('keeps the other sources of the pass working', () => {
    expect(first.get('plain')).toMatchObject({ status: 'updated', warning: null });
    expect(app.store.sourceState('plain')?.itemCount).toBeGreaterThan(0);
  });

  it('warns again at the next poll of the insecure source, even when nothing changed', async () => {
    const insecure = app.config.sources.filter((s) => s.id === 'insecure');
    const [again] = await pollPass(insecure, app.ctx);
    expect(again).toMatchObject({ status: 'not-modified', warning: first.get('insecure')?.warning });
    expect(app.store.pollLog('insecure', 1)[0]).toMatchObject({ status: 'not-modified', warning: first.get('insecure')?.warning });
  });
});

describe('the regionwire command', () => {
  it('inspectInput, behind sources check, fetches a source with its own tls setting', async () => {
    const check = (id: string) => {
      const s = app.config.sources.find((c) => c.id === id)!;
      return inspectInput(s.url, app.ctx.fetchOptions, { encoding: null, timezone: s.timezone, sourceId: s.id, ...(s.tls ? { tls: s.tls } : {}) });
    };
    expect(await check('with-ca')).toMatchObject({ error: null, format: 'rss20' });
    expect((await check('incomplete')).error?.message).toContain('on source incomplete in sources.yaml');
  });

  it('sources list shows which source skips certificate checks, with a warning', async () => {
    const db = path.join(tempDir(), 'list.db');
    const table = await runCli(['--config', config, '--db', db, 'sources', 'list']);
    expect(table.code).toBe(0);
    const row = (id: string) => table.stdout.split('\n').find((line) => line.startsWith(`${id} `)) ?? '';
    expect(row('insecure')).toMatch(/^insecure\s+yes\s+INSECURE\s/);
    expect(row('with-ca')).toMatch(/^with-ca\s+yes\s+ca gwd-chain\.pem\s/);
    expect(table.stdout).toMatch(/\nwarning: fetch: certificate checks are off for source insecure /);
    const json = JSON.parse((await runCli(['--config', config, '--db', db, 'sources', 'list', '--json'])).stdout) as Record<string, unknown>[];
    expect(json.find((s) => s['id'] === 'insecure')).toMatchObject({ tls: { ca: null, insecure: true }, warning: expect.stringMatching(/certificate checks are off/) });
    expect(json.find((s) => s['id'] === 'with-ca')).toMatchObject({ tls: { ca: path.join(config, 'gwd-chain.pem'), insecure: false }, warning: null });
  });

  it('poll trusts an intermediate alone when the system trusts its root (NODE_EXTRA_CA_CERTS), as for a public CA', async () => {
    const dir = writeConfig({
      'sources.yaml': ['sources:', source('gwd-press', secure.at('/rss.xml'), '    tls: { ca: intermediate.pem }'), source('no-ca', secure.at('/rss.xml')), ''].join('\n'),
      'intermediate.pem': pem('intermediate-ca.crt'),
    });
    const env = { NODE_EXTRA_CA_CERTS: path.join(ROOT, 'tests/fixtures/tls/root-ca.crt') };
    const run = await runCli(['--config', dir, '--db', path.join(tempDir(), 'poll.db'), 'poll', '--json'], { env });
    expect(run.code).toBe(0);
    const outcomes = JSON.parse(run.stdout) as { source: string; status: string; new: number; error: { kind: string; message: string } | null }[];
    expect(outcomes.map((o) => [o.source, o.status, o.new])).toEqual([
      ['gwd-press', 'updated', 3],
      ['no-ca', 'failed', 0],
    ]);
    expect(outcomes[1]?.error).toMatchObject({ kind: 'tls', message: expect.stringContaining('(UNABLE_TO_VERIFY_LEAF_SIGNATURE)') });
  });
});
