// A local HTTP origin on 127.0.0.1 (port 0) that serves scripted responses to the code under test.
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface Origin {
  readonly url: string;
  /** Absolute URL of a path on this origin. */
  at(path: string): string;
  /** Replace or add the handler for a path (exact match on the path without query). */
  route(path: string, handler: Handler): void;
  /** Requests seen so far, in order. */
  readonly requests: { method: string; path: string; headers: http.IncomingHttpHeaders }[];
  close(): Promise<void>;
}

/** Serve HTTPS with this key and certificate chain (PEM) instead of plain HTTP. */
export interface OriginTls {
  readonly key: string | Buffer;
  readonly cert: string | Buffer;
}

// startOrigin listens on a free loopback port; close it in afterEach/afterAll.
export async function startOrigin(routes: Record<string, Handler> = {}, tls?: OriginTls): Promise<Origin> {
  const table = new Map(Object.entries(routes));
  const requests: Origin['requests'] = [];
  const listener: http.RequestListener = (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push({ method: req.method ?? 'GET', path, headers: req.headers });
    const handler = table.get(path) ?? table.get(decodeURIComponent(path));
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    handler(req, res);
  };
  const server = tls ? https.createServer(tls, listener) : http.createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `${tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  return {
    url,
    at: (path) => url + path,
    route: (path, handler) => void table.set(path, handler),
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// serveBody answers every request with the given bytes and headers.
export function serveBody(body: string | Buffer, headers: Record<string, string> = {}, status = 200): Handler {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/rss+xml; charset=utf-8', ...headers });
    res.end(body);
  };
}
