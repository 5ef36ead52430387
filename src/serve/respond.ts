// Writing answers: conditional GET (RFC 9110 §13), HEAD without a body, JSON errors.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Rendered } from './render-cache.js';

// isNotModified applies If-None-Match first and If-Modified-Since only without it (RFC 9110 §13.2.2);
// If-None-Match compares weakly, so a W/ prefix a proxy added still matches.
export function isNotModified(req: IncomingMessage, r: Rendered): boolean {
  const inm = req.headers['if-none-match'];
  if (inm !== undefined) {
    // A reader sends back the one ETag it was given: that answer needs no parsing.
    if (inm === r.etag) return true;
    return inm.trim() === '*' || inm.split(',').some((tag) => tag.trim().replace(/^W\//, '') === r.etag);
  }
  const ims = req.headers['if-modified-since'];
  if (ims === undefined) return false;
  const since = Date.parse(ims);
  // HTTP dates have whole seconds: compare the Last-Modified we sent, not the millisecond time.
  return !Number.isNaN(since) && Math.floor(r.lastModified.getTime() / 1000) * 1000 <= since;
}

/** A rendered response with its header blocks, built once when it is rendered and cached with it. */
export interface Prepared {
  readonly rendered: Rendered;
  readonly ok: Readonly<Record<string, string>>;
  readonly notModified: Readonly<Record<string, string>>;
}

// prepareRendered builds the 200 and 304 headers (validators and cache policy) of a rendered
// response, so that answering it again only writes them.
export function prepareRendered(r: Rendered, maxAgeSeconds: number): Prepared {
  const notModified = { etag: r.etag, 'last-modified': r.lastModified.toUTCString(), 'cache-control': `public, max-age=${maxAgeSeconds}` };
  return { rendered: r, notModified, ok: { ...notModified, 'content-type': r.contentType, 'content-length': String(r.body.length) } };
}

// sendRendered answers 200 or 304 with the prepared headers.
export function sendRendered(req: IncomingMessage, res: ServerResponse, p: Prepared): void {
  if (isNotModified(req, p.rendered)) {
    res.writeHead(304, p.notModified).end();
    return;
  }
  res.writeHead(200, p.ok);
  res.end(req.method === 'HEAD' ? undefined : p.rendered.body);
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
