// A poll of more than CHUNK_ITEMS items is stored in chunks, against a real origin and database file.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../../src/cli/context.js';
import type { Store } from '../../../src/store/open-store.js';
import { CHUNK_ITEMS, pollSource, type PollContext } from '../../../src/worker/poll-source.js';
import { serveBody, startOrigin, type Origin } from '../../helpers/origin.js';
import { removeTempDirs, tempDir, writeConfig } from '../../helpers/temp.js';

let origin: Origin | null = null;
let app: App | null = null;

afterEach(async () => {
  app?.store.close();
  await origin?.close();
  origin = app = null;
  removeTempDirs();
});

function feedOf(count: number): string {
  const items = Array.from({ length: count }, (_, i) => `<item><guid>item-${i}</guid><title>춘천시 공고 제${i}호</title></item>`);
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>큰 피드</title>${items.join('')}</channel></rss>`;
}

// setup serves `count` items with an ETag; the context counts the chunks written through saveItems
// and leaves stories out (they are not what is tested here).
async function setup(count: number): Promise<{ app: App; ctx: PollContext; chunks: number[] }> {
  origin = await startOrigin({ '/big.xml': serveBody(feedOf(count), { etag: '"v1"' }) });
  const config = writeConfig({ 'sources.yaml': `sources:\n  - { id: big, name: 큰 피드, url: "${origin.at('/big.xml')}" }\n` });
  const opened = openApp({ config, db: path.join(tempDir(), 'chunks.db') });
  app = opened;
  const { assignStory: _stories, ...base } = opened.ctx;
  const chunks: number[] = [];
  const store: Store = {
    ...opened.store,
    saveItems: (source, items, now, assign) => (chunks.push(items.length), opened.store.saveItems(source, items, now, assign)),
  };
  return { app: opened, ctx: { ...base, store }, chunks };
}

function storedKeys(store: Store): string[] {
  return store.queryItems({ sources: ['big'], limit: 100_000 }).map((item) => item.guid ?? '');
}

describe('pollSource with a large feed', () => {
  it('keeps a poll of CHUNK_ITEMS items in one transaction', async () => {
    const { app, ctx, chunks } = await setup(CHUNK_ITEMS);
    const outcome = await pollSource(app.config.sources[0]!, ctx);
    expect(outcome).toMatchObject({ status: 'updated', counts: { new: CHUNK_ITEMS } });
    expect(chunks).toEqual([]);
  });

  it('stores a larger poll in chunks, and logs one row counting every item', async () => {
    const { app, ctx, chunks } = await setup(2 * CHUNK_ITEMS + 500);
    const outcome = await pollSource(app.config.sources[0]!, ctx);
    expect(outcome).toMatchObject({ status: 'updated', counts: { new: 2_500, updated: 0, unchanged: 0 } });
    expect(chunks).toEqual([CHUNK_ITEMS, CHUNK_ITEMS]);
    const log = app.store.pollLog('big');
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ status: 'updated', counts: { new: 2_500, updated: 0, unchanged: 0 } });
    expect(storedKeys(app.store)).toHaveLength(2_500);
    expect(app.store.sourceState('big')?.etag).toBe('"v1"');
  });

  it('stops between chunks at shutdown without recording the poll; the next poll stores the rest once', async () => {
    const { app, ctx } = await setup(2 * CHUNK_ITEMS + 500);
    const shutdown = new AbortController();
    // Shutdown arrives while the first chunk is written.
    const store: Store = { ...ctx.store, saveItems: (...args) => (shutdown.abort(), ctx.store.saveItems(...args)) };
    const stopped = await pollSource(app.config.sources[0]!, { ...ctx, store, signal: shutdown.signal });
    expect(stopped).toMatchObject({ status: 'failed', error: { kind: 'internal' } });
    expect(stopped.status === 'failed' && stopped.error.message).toBe(
      'worker: poll stopped at shutdown after storing 1000 of 2500 items; the poll was not recorded, so the next one fetches the feed again and stores the rest',
    );
    expect(storedKeys(app.store)).toHaveLength(CHUNK_ITEMS);
    expect(app.store.pollLog('big')).toEqual([]);
    expect(app.store.sourceState('big')).toMatchObject({ etag: null, lastSuccessAt: null });

    const next = await pollSource(app.config.sources[0]!, ctx);
    expect(next).toMatchObject({ status: 'updated', counts: { new: 1_500, updated: 0, unchanged: CHUNK_ITEMS } });
    const keys = storedKeys(app.store);
    expect(keys).toHaveLength(2_500);
    expect(new Set(keys).size).toBe(2_500);
  });
});
