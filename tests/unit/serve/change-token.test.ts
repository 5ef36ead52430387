// The change token: one store read per event-loop turn, and still every write seen, from any connection.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { createChangeToken } from '../../../src/serve/change-token.js';
import { openStore, type Store } from '../../../src/store/open-store.js';
import { NOW, config, item, save, serve } from './serve-helpers.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regionwire-token-'));
const file = path.join(dir, 'regionwire.db');
const cfg = config();
// Two connections to one file, as `regionwire serve` and a `regionwire poll` process have.
const server = openStore(file);
server.syncSources(cfg.sources, NOW);
const poller = openStore(file);

afterAll(() => {
  server.close();
  poller.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('createChangeToken', () => {
  it('reads the store once per event-loop turn, however many requests that turn answers', async () => {
    let reads = 0;
    const counted: Store = { ...server, lastChange: () => (reads++, server.lastChange()) };
    const token = createChangeToken(counted);
    const first = token(cfg);
    expect([token(cfg), token(cfg), token(cfg)]).toEqual([first, first, first]);
    expect(reads).toBe(1);
    await nextTurn();
    token(cfg);
    expect(reads).toBe(2);
  });

  it('moves in the next turn after another connection writes an item', async () => {
    const token = createChangeToken(server);
    const before = token(cfg);
    save(poller, 'kado', [item(1, 2)]);
    await nextTurn();
    expect(token(cfg)).not.toBe(before);
  });

  it('names the config, so a reloaded config gives another token over the same store', () => {
    const token = createChangeToken(server);
    expect(token(config())).not.toBe(token(cfg));
  });
});

describe('a cached feed', () => {
  it('shows an item another connection stored, in the next request', async () => {
    const app = await serve({ store: server, getConfig: () => cfg, clock: () => NOW });
    const first = await app.get('/topics/economy.json');
    expect(first.status).toBe(200);
    save(poller, 'kado', [item(2, 1, { title: '다른 연결의 기사' })], new Date(NOW.getTime() + 60_000));
    const next = await app.get('/topics/economy.json');
    expect(next.headers.get('etag')).not.toBe(first.headers.get('etag'));
    expect(await next.text()).toContain('다른 연결의 기사');
  });
});
