// Writing answers: conditional GET (RFC 9110 §13), HEAD without a body, JSON errors.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Rendered } from './render-cache.js';

// isNotModified applies If-None-Match first and If-Modified-Since only without it (RFC 9110 §13.2.2);
// If-None-Match compares weakly, so a W/ prefix a proxy added still matches.
export function isNotModified(req: IncomingMessage, r: Rendered): boolean {
  const inm = req.headers['if-none-match'];
  if (inm !== undefined) {
    return inm.trim() === '*' || inm.split(',').some((tag) => tag.trim().replace(/^W\//, '') === r.etag);
  }
  const ims = req.headers['if-modified-since'];
  if (ims === undefined) return false;
  const since = Date.parse(ims);
  // HTTP dates have whole seconds: compare the Last-Modified we sent, not the millisecond time.
  return !Number.isNaN(since) && Math.floor(r.lastModified.getTime() / 1000) * 1000 <= since;
}

// sendRendered answers 200 or 304 with the validators and the cache policy.
export function sendRendered(req: IncomingMessage, res: ServerResponse, r: Rendered, maxAgeSeconds: number): void {
  const headers: Record<string, string> = {
    etag: r.etag,
    'last-modified': r.lastModified.toUTCString(),
    'cache-control': `public, max-age=${maxAgeSeconds}`,
  };
  if (isNotModified(req, r)) {
    res.writeHead(304, headers).end();
    return;
  }
  res.writeHead(200, { ...headers, 'content-type': r.contentType, 'content-length': String(r.body.length) });
  res.end(req.method === 'HEAD' ? undefined : r.body);
}

// sendText answers an uncached response (health, metrics, errors); HEAD gets the headers only.
export function sendText(req: IncomingMessage, res: ServerResponse, status: number, contentType: string, body: string, headers: Record<string, string> = {}): void {
  const bytes = Buffer.from(body, 'utf8');
  res.writeHead(status, { 'content-type': contentType, 'content-length': String(bytes.length), 'cache-control': 'no-store', ...headers });
  res.end(req.method === 'HEAD' ? undefined : bytes);
}

// sendJson answers with a JSON body, e.g. {"error":"limit must be a whole number from 1 to 500"}.
export function sendJson(req: IncomingMessage, res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  sendText(req, res, status, 'application/json; charset=utf-8', JSON.stringify(value, null, 2) + '\n', headers);
}
