// What a fetch sends: method, URL with query, headers and body, for feeds and for page sources.
import type { FetchOptions, FetchRequest } from '../model.js';

const ACCEPT = {
  feed: 'application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8',
  page: 'text/html, application/xhtml+xml;q=0.9, */*;q=0.8',
  file: '*/*',
} as const;

export interface RequestParts {
  readonly url: URL;
  readonly method: 'GET' | 'POST';
  readonly headers: Record<string, string>;
  readonly body: string | null;
}

// requestParts builds the first request of a fetch. Validators go only with a GET: on a POST,
// If-None-Match asks for a 412 rather than a 304 (RFC 9110 §13.1.2), which is not what we mean.
export function requestParts(req: FetchRequest, opts: FetchOptions): RequestParts {
  const method = req.method ?? 'GET';
  const url = new URL(req.url);
  const form = new URLSearchParams(Object.entries(req.form ?? {}));
  const headers: Record<string, string> = {
    'user-agent': opts.userAgent,
    accept: ACCEPT[req.expect ?? 'feed'],
    'accept-encoding': 'gzip, deflate, br',
  };
  // A source's own headers (Referer, or a browser-like Accept some boards insist on) come last and win.
  for (const [name, value] of Object.entries(req.headers ?? {})) headers[name.toLowerCase()] = value;
  if (method === 'GET') {
    if (req.etag !== null) headers['if-none-match'] = req.etag;
    if (req.lastModified !== null) headers['if-modified-since'] = req.lastModified;
    // Appended as text: rewriting searchParams would re-encode the query as UTF-8 and mangle an
    // EUC-KR board's %BA%B8 escapes.
    const extra = form.toString();
    if (extra !== '') url.search = url.search === '' ? extra : `${url.search.slice(1)}&${extra}`;
    return { url, method, headers, body: null };
  }
  headers['content-type'] = 'application/x-www-form-urlencoded';
  return { url, method, headers, body: form.toString() };
}

// afterRedirect is the request to send to a redirect's target: 307 and 308 repeat a POST with its
// body; 301, 302 and 303 turn it into a GET without one, as browsers do (RFC 9110 §15.4).
export function afterRedirect(parts: RequestParts, status: number, next: URL): RequestParts {
  if (parts.method === 'GET' || status === 307 || status === 308) return { ...parts, url: next };
  const { 'content-type': _type, ...headers } = parts.headers;
  return { url: next, method: 'GET', headers, body: null };
}
