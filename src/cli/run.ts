// `regionwire run`: the long-running service (scheduler; the HTTP server joins it later).
import type { PollOutcome } from '../model.js';
import { Scheduler } from '../worker/scheduler.js';
import { reclassifyIfChanged } from '../worker/sync-topics.js';
import { openApp, type GlobalOptions } from './context.js';
import { createLogger } from './logger.js';
import { outcomeJson } from './outcome-json.js';

// runService polls every enabled source on schedule until SIGINT or SIGTERM.
export async function runService(global: GlobalOptions): Promise<void> {
  const log = createLogger();
  const app = openApp(global);
  const enabled = app.config.sources.filter((s) => s.enabled);
  log.info({ database: app.dbPath, sources: enabled.length }, `regionwire: polling ${enabled.length} sources`);
  const redone = reclassifyIfChanged(app.store, app.config);
  if (redone) log.info(redone, `regionwire: topics changed; ${redone.items} stored items re-sorted, ${redone.changed} changed`);
  const scheduler = new Scheduler({
    ctx: app.ctx,
    sources: app.config.sources,
    onOutcome: (o) => logOutcome(log, o),
  });
  scheduler.start();

  await new Promise<void>((resolve) => {
    const shutdown = (signal: string) => {
      log.info(`regionwire: ${signal} received, stopping (in-flight polls get 10 s to finish)`);
      process.off('SIGINT', shutdown);
      process.off('SIGTERM', shutdown);
      void scheduler
        .stop(10_000)
        .then(() => app.store.close())
        .then(() => {
          log.info('regionwire: stopped, database closed');
          resolve();
        });
    };
    process.on('SIGINT', shutdown);
    process.on('SIGTERM', shutdown);
  });
}

function logOutcome(log: ReturnType<typeof createLogger>, o: PollOutcome): void {
  const data = outcomeJson(o);
  if (o.status === 'failed') log.warn(data, `poll ${o.source}: failed (${o.error.kind}) ${o.error.message}`);
  else if (o.status === 'updated') log.info(data, `poll ${o.source}: ${o.counts.new} new, ${o.counts.updated} updated`);
  else log.debug(data, `poll ${o.source}: not modified`);
}
