// The HTTP app: a node:http request handler over the store. It never listens (see cli/serve.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { Config } from '../model.js';
import type { Store } from '../store/open-store.js';
import { createChangeToken } from './change-token.js';
import type { RenderContext } from './content.js';
import { checkHealth } from './health.js';
import { createMetrics, type Metrics } from './metrics.js';
import { HttpError } from './params.js';
import { RenderCache } from './render-cache.js';
import { prepareRendered, sendJson, sendRendered, sendText, type Prepared } from './respond.js';
import { cacheKey, cacheSeconds, matchRoute, renderRoute } from './routes.js';

export interface AppDeps {
  readonly store: Store;
  /** Called on every request, so a config reload can swap the config under a running server. */
  readonly getConfig: () => Config;
  readonly clock?: () => Date;
  readonly logger?: Pick<Logger, 'error'>;
  /** Public URL of the site (e.g. behind a proxy); default http://<Host header>. */
  readonly baseUrl?: string;
  /** Shared with the scheduler in `regionwire run`, which records polls into it. */
  readonly metrics?: Metrics;
}

// A Host header is echoed into feed links, so only a plain host[:port] is believed.
const HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

// createApp builds the request handler: routing, rendering cached by change token, conditional GET, metrics.
export function createApp(deps: AppDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const cache = new RenderCache<Prepared>();
  const changeToken = createChangeToken(deps.store);
  const metrics = deps.metrics ?? createMetrics();
  const clock = deps.clock ?? (() => new Date());
  const hostUrl = createHostUrl();

  return (req, res) => {
    const started = performance.now();
    let label = 'unknown';
    res.on('finish', () => metrics.recordRequest(label, res.statusCode, (performance.now() - started) / 1000));
    try {
      const raw = req.url ?? '/';
      const q = raw.indexOf('?');
      const path = q < 0 ? raw : raw.slice(0, q);
      const query = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
      const route = matchRoute(path);
      if (route === null) throw new HttpError(404, `nothing at ${path}; the topics are listed at /`);
      label = route.label;
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        throw new HttpError(405, `${req.method} is not allowed here; use GET or HEAD`, { allow: 'GET, HEAD' });
      }
      const config = deps.getConfig();
      const now = clock();
      const ctx: RenderContext = { store: deps.store, config, baseUrl: deps.baseUrl ?? hostUrl(req, config), now };
      if (route.kind === 'health') {
        const health = checkHealth(deps.store, config);
        return sendJson(req, res, health.status, health.body);
      }
      if (route.kind === 'metrics') return sendText(req, res, 200, 'text/plain; version=0.0.4; charset=utf-8', metrics.render(deps.store));
      // filter_time moves with the clock: its entries also expire with the minute.
      const minute = query.has('filter_time') ? `|${Math.floor(now.getTime() / 60_000)}` : '';
      const token = changeToken(config, route.kind === 'sources') + minute;
      // The token names the config, so a reload renders again and max-age follows the new intervals.
      const result = cache.get(cacheKey(route, query, ctx.baseUrl), token, () => prepareRendered(renderRoute(route, ctx, query), cacheSeconds(config)));
      sendRendered(req, res, result);
    } catch (error) {
      if (error instanceof HttpError) return sendJson(req, res, error.status, { error: error.message }, error.headers);
      deps.logger?.error({ err: error, url: req.url }, 'serve: request failed');
      sendJson(req, res, 500, { error: 'internal error; see the server log' });
    }
  };
}

// hostUrl is the base URL a request's Host header names, else the configured listening address.
// Readers send the same Host again and again, so the last one checked is remembered.
function createHostUrl(): (req: IncomingMessage, config: Config) => string {
  let lastHost: string | undefined;
  let lastUrl = '';
  return (req, config) => {
    const host = req.headers.host;
    if (host !== undefined && host === lastHost) return lastUrl;
    if (host === undefined || !HOST.test(host)) return `http://${config.settings.http.host}:${config.settings.http.port}`;
    lastHost = host;
    lastUrl = `http://${host}`;
    return lastUrl;
  };
}
