// The scheduler against a real origin and a real database file.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../../src/cli/context.js';
import { Scheduler } from '../../../src/worker/scheduler.js';
import { startOrigin, type Origin } from '../../helpers/origin.js';
import { fixture, removeTempDirs, tempDir, writeConfig } from '../../helpers/temp.js';

let origin: Origin | null = null;
let app: App | null = null;

afterEach(async () => {
  app?.store.close();
  await origin?.close();
  origin = app = null;
  removeTempDirs();
});

async function setup(delayMs: number): Promise<App> {
  const body = fixture('feeds/gangwon-rdf.xml');
  origin = await startOrigin({
    '/slowish.xml': (_req, res) => setTimeout(() => res.writeHead(200, { 'content-type': 'text/xml' }).end(body), delayMs),
  });
  const config = writeConfig({
    'sources.yaml': `sources:\n  - { id: one, name: 하나, url: "${origin.at('/slowish.xml')}", interval: 1m }\n  - { id: off, name: 꺼짐, url: "${origin.at('/off.xml')}", enabled: false }\n`,
  });
  app = openApp({ config, db: path.join(tempDir(), 'sched.db') });
  return app;
}

describe('Scheduler', () => {
  it('never runs two polls of one source at once', async () => {
    const { ctx, config } = await setup(300);
    const scheduler = new Scheduler({ ctx, sources: config.sources });
    const [a, b] = await Promise.all([scheduler.dispatch(), scheduler.dispatch()]);
    expect(a.length + b.length).toBe(1);
    expect(origin?.requests.filter((r) => r.path === '/slowish.xml')).toHaveLength(1);
    await scheduler.stop(0);
  });

  it('skips disabled sources and sources not yet due', async () => {
    const { ctx, config } = await setup(0);
    const scheduler = new Scheduler({ ctx, sources: config.sources });
    expect((await scheduler.dispatch()).map((o) => o.source)).toEqual(['one']);
    expect(await scheduler.dispatch()).toEqual([]);
    expect(origin?.requests.some((r) => r.path === '/off.xml')).toBe(false);
    await scheduler.stop(0);
  });

  it('stop waits for a poll in flight, which then completes its write', async () => {
    const { ctx, config, store } = await setup(400);
    const scheduler = new Scheduler({ ctx, sources: config.sources });
    const running = scheduler.dispatch();
    await new Promise((r) => setTimeout(r, 100));
    await scheduler.stop(5_000);
    const [outcome] = await running;
    expect(outcome?.status).toBe('updated');
    expect(store.queryItems({ sources: ['one'] })).toHaveLength(1);
  });

  it('stop abandons a poll that outlives the grace period without writing anything', async () => {
    const { ctx, config, store } = await setup(800);
    const scheduler = new Scheduler({ ctx, sources: config.sources });
    const running = scheduler.dispatch();
    await new Promise((r) => setTimeout(r, 100));
    await scheduler.stop(50);
    const [outcome] = await running;
    expect(outcome?.status).toBe('failed');
    expect(store.queryItems({ sources: ['one'] })).toHaveLength(0);
    expect(store.sourceState('one')?.lastPollAt).toBeNull();
  });
});

describe('Scheduler prune', () => {
  it('prunes by settings.retention on its own cron task, and stop ends that task too', async () => {
    const { ctx, config, store } = await setup(0);
    const results: unknown[] = [];
    const scheduler = new Scheduler({
      ctx: { ...ctx, retention: { days: 30, itemsPerSource: null } },
      sources: config.sources,
      pruneSchedule: '* * * * * *',
      onPrune: (result) => results.push(result),
    });
    await scheduler.dispatch();
    expect(store.queryItems({ sources: ['one'] })).toHaveLength(1);
    scheduler.start();
    // The fixture's one item is dated 2024-11-30, long past 30 days.
    await expect.poll(() => results.length, { timeout: 3_000 }).toBeGreaterThan(0);
    expect(results[0]).toEqual({ pruned: 1 });
    expect(store.queryItems({ sources: ['one'] })).toEqual([]);
    await scheduler.stop(0);
    const count = results.length;
    await new Promise((r) => setTimeout(r, 1_200));
    expect(results).toHaveLength(count);
  });
});
