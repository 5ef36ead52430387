// `regionwire run`: the long-running service: the scheduler and the HTTP server in one process.
import type { PollOutcome } from '../model.js';
import { watchConfig } from '../config/watch-config.js';
import { createMetrics } from '../serve/metrics.js';
import { Scheduler } from '../worker/scheduler.js';
import type { GlobalOptions } from './context.js';
import { createLogger } from './logger.js';
import { countsText, outcomeJson } from './outcome-json.js';
import { applyConfig, type LiveService } from './reload.js';
import { openServiceApp, startServer, untilSignal, type ServeOptions } from './serve.js';

// runService polls every enabled source on schedule and serves the topic feeds until SIGINT or SIGTERM.
export async function runService(global: GlobalOptions, opts: ServeOptions = {}): Promise<void> {
  const log = createLogger();
  const app = openServiceApp(global, log);
  const enabled = app.config.sources.filter((s) => s.enabled);
  log.info({ database: app.dbPath, sources: enabled.length }, `regionwire: polling ${enabled.length} sources`);
  const metrics = createMetrics();
  let live: LiveService | null = null;
  let listening;
  try {
    listening = await startServer(app, opts, log, metrics, () => live?.config ?? app.config);
  } catch (error) {
    app.store.close();
    throw error;
  }
  log.info({ url: listening.url }, `regionwire: serving topic feeds at ${listening.url}/`);
  const ctx = { ...app.ctx };
  const scheduler = new Scheduler({
    ctx,
    sources: app.config.sources,
    onOutcome: (o) => {
      metrics.recordPoll(o);
      logOutcome(log, o);
    },
    onPrune: (result) => {
      if (result instanceof Error) log.warn(`regionwire: retention prune failed, will retry next hour: ${result.message}`);
      else if (result.pruned > 0) log.info(result, `regionwire: retention pruned ${result.pruned} items`);
    },
  });
  scheduler.start();
  live = { config: app.config, store: app.store, scheduler, ctx, log };
  const service = live;
  // An invalid edit is reported with file:line:column; the last good config stays in force.
  const watcher = watchConfig(
    app.config.dir,
    (next) => applyConfig(service, next),
    (error) => log.error(`regionwire: config not reloaded, the last good config stays in force:\n${error.message}`),
  );

  const signal = await untilSignal();
  watcher.close();
  log.info(`regionwire: ${signal} received, stopping (in-flight polls get 10 s to finish)`);
  // The server stops first, so no request meets a closed database; polls then get their grace time.
  await listening.close();
  await scheduler.stop(10_000);
  app.store.close();
  log.info('regionwire: stopped, database closed');
}

function logOutcome(log: ReturnType<typeof createLogger>, o: PollOutcome): void {
  const data = outcomeJson(o);
  const warning = o.warning === null ? '' : `; warning: ${o.warning}`;
  if (o.status === 'failed') log.warn(data, `poll ${o.source}: failed (${o.error.kind}) ${o.error.message}${warning}`);
  else {
    const summary = o.status === 'updated' ? countsText(o.counts) : 'not modified';
    // A warning (e.g. tls.insecure) is worth a warn line at every poll, not only when something changed.
    if (warning !== '') log.warn(data, `poll ${o.source}: ${summary}${warning}`);
    else if (o.status === 'updated') log.info(data, `poll ${o.source}: ${summary}`);
    else log.debug(data, `poll ${o.source}: ${summary}`);
  }
}
