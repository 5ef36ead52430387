// `regionwire serve`: the only place that listens; the app itself is built by serve/app.ts.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { Config } from '../model.js';
import { createApp } from '../serve/app.js';
import type { Metrics } from '../serve/metrics.js';
import { reclassifyIfChanged } from '../worker/sync-topics.js';
import { CliError, EXIT_USAGE, openApp, type App, type GlobalOptions } from './context.js';
import { createLogger } from './logger.js';
import { MAX_CONNECTIONS, refuseBodies, SERVER_OPTIONS } from './server-limits.js';

export interface ServeOptions {
  readonly host?: string;
  readonly port?: string;
  readonly baseUrl?: string;
}

export interface Listening {
  readonly url: string;
  close(): Promise<void>;
}

// startServer listens on --host/--port (default settings.http) and serves the app over `app.store`.
export async function startServer(
  app: App,
  opts: ServeOptions,
  log: Logger,
  metrics?: Metrics,
  getConfig: () => Config = () => app.config,
): Promise<Listening> {
  const host = opts.host ?? app.config.settings.http.host;
  const port = opts.port === undefined ? app.config.settings.http.port : parsePort(opts.port);
  const baseUrl = opts.baseUrl === undefined ? undefined : parseBaseUrl(opts.baseUrl);
  const handler = createApp({ store: app.store, getConfig, logger: log, ...(baseUrl ? { baseUrl } : {}), ...(metrics ? { metrics } : {}) });
  const server = http.createServer(SERVER_OPTIONS, refuseBodies(handler));
  server.maxConnections = MAX_CONNECTIONS;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new CliError(`serve: cannot listen on ${host}:${port} (${error.code ?? error.message}); choose another --port or --host`, EXIT_USAGE)),
    );
    server.listen(port, host, resolve);
  });
  const address = server.address() as AddressInfo;
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        // Feed readers do not hold long requests; whatever is still open after 5 s is cut.
        setTimeout(() => server.closeAllConnections(), 5000).unref();
      }),
  };
}

// openServiceApp opens the app for `serve` and `run`, first re-sorting stored items if topics.yaml
// changed since they were classified: otherwise feeds would be served with the old rules.
export function openServiceApp(global: GlobalOptions, log: Logger): App {
  const app = openApp(global);
  const redone = reclassifyIfChanged(app.store, app.config);
  if (redone) log.info(redone, `regionwire: topics changed; ${redone.items} stored items re-sorted, ${redone.changed} changed`);
  return app;
}

// runServe serves the stored items until SIGINT or SIGTERM, without polling.
export async function runServe(global: GlobalOptions, opts: ServeOptions): Promise<void> {
  const log = createLogger();
  const app = openServiceApp(global, log);
  let listening: Listening;
  try {
    listening = await startServer(app, opts, log);
  } catch (error) {
    app.store.close();
    throw error;
  }
  log.info({ url: listening.url }, `regionwire: serving topic feeds at ${listening.url}/`);
  const signal = await untilSignal();
  log.info(`regionwire: ${signal} received, stopping`);
  await listening.close();
  app.store.close();
  log.info('regionwire: stopped, database closed');
}

// untilSignal resolves with the name of the first SIGINT or SIGTERM.
export function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    const once = (signal: string) => {
      process.off('SIGINT', once);
      process.off('SIGTERM', once);
      resolve(signal);
    };
    process.on('SIGINT', once);
    process.on('SIGTERM', once);
  });
}

function parsePort(text: string): number {
  const n = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!(n >= 0 && n <= 65535)) throw new CliError(`--port: "${text}" is not a port number (0 to 65535)`, EXIT_USAGE);
  return n;
}

// parseBaseUrl checks --base-url is an absolute http(s) URL; it is written into every feed link.
export function parseBaseUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new CliError(`--base-url: "${text}" is not an absolute URL; write e.g. https://news.example.kr/regionwire`, EXIT_USAGE);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new CliError(`--base-url: "${text}" must be http:// or https://`, EXIT_USAGE);
  return url.toString().replace(/\/+$/, '');
}
