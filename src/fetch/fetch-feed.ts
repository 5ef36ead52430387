// Downloading one feed: conditional GET, decompression, size cap, whole-exchange timeout, redirects.
import type { IncomingHttpHeaders } from 'node:http';
import { request, type Dispatcher } from 'undici';
import type { FetchOptions, FetchRequest, FetchResult, SourceError } from '../model.js';
import { agentFor } from './agent.js';
import { httpStatusError } from './http-status-error.js';
import { hasErrorCode, networkError, timeoutError } from './network-error.js';
import { fetchLocalFile } from './read-file.js';
import { BodyTooLargeError, dropBody, readBody, UnsupportedEncodingError } from './read-body.js';
import { parseUrl, RedirectChain, REDIRECT_STATUSES } from './redirects.js';
import { afterRedirect, requestParts } from './request-parts.js';
import { notAFeedError } from './sniff.js';
import { startDeadline } from './stall-clock.js';

export interface FetchFeedOptions extends FetchOptions {
  /** undici dispatcher to send through, which then also decides TLS trust; default: the Agent for `req.tls`. */
  readonly dispatcher?: Dispatcher;
}

interface Exchange {
  readonly req: FetchRequest;
  readonly opts: FetchFeedOptions;
  readonly signal: AbortSignal;
  readonly timedOut: () => boolean;
}

function failed(error: SourceError, permanentRedirect: string | null = null): FetchResult {
  return { status: 'failed', error, permanentRedirect };
}

function header(headers: IncomingHttpHeaders, name: string): string | null {
  const value = headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

function isHttpUrl(url: string): boolean {
  const protocol = parseUrl(url)?.protocol;
  return protocol === 'http:' || protocol === 'https:';
}

// fetchFeed downloads a feed or a page source's list and never throws: every failure comes back as
// { status: 'failed' }.
export async function fetchFeed(req: FetchRequest, opts: FetchFeedOptions): Promise<FetchResult> {
  if (!isHttpUrl(req.url)) return fetchLocalFile(req, opts);
  const controller = new AbortController();
  let timedOut = false;
  // One deadline for every hop, the headers and the body: per-read timeouts let a trickle live forever.
  // It counts responsive time only, so a stall of our own (a big parse) does not fail other sources.
  const deadline = startDeadline(opts.timeoutMs, () => {
    timedOut = true;
    controller.abort();
  });
  try {
    return await exchange({ req, opts, signal: controller.signal, timedOut: () => timedOut });
  } catch (err) {
    return failed(networkError(err, req.url, opts.timeoutMs, timedOut, req));
  } finally {
    deadline.clear();
  }
}

// exchange follows redirects itself (undici's request does not), so it can count hops, spot loops,
// refuse odd schemes and see 301s.
async function exchange(x: Exchange): Promise<FetchResult> {
  const { opts } = x;
  // Validators go to every hop: they describe the feed, wherever it now lives (RFC 9110 §13.1).
  let parts = requestParts(x.req, opts);
  let url = parts.url;
  const chain = new RedirectChain(url, opts.maxRedirects);
  // Chosen once: every hop, to whatever host, trusts what the source trusts.
  const dispatcher = opts.dispatcher ?? agentFor(x.req.tls);
  let resent = 0;
  for (;;) {
    const movedTo = chain.movedTo(url);
    let res: Dispatcher.ResponseData;
    try {
      res = await request(url, {
        method: parts.method,
        headers: parts.headers,
        body: parts.body,
        signal: x.signal,
        dispatcher,
        headersTimeout: opts.timeoutMs,
        bodyTimeout: opts.timeoutMs,
      });
    } catch (err) {
      if (parts.method === 'GET' && !x.signal.aborted && resent < MAX_RESENDS && hasErrorCode(err, CLOSED)) {
        resent++;
        continue;
      }
      return failed(networkError(err, url.href, opts.timeoutMs, x.timedOut(), x.req), movedTo);
    }
    if (!REDIRECT_STATUSES.has(res.statusCode)) return finish(x, url.href, res, movedTo);
    await discard(res.body);
    const next = chain.follow(res.statusCode, header(res.headers, 'location'), url);
    if (!(next instanceof URL)) return failed(next);
    parts = afterRedirect(parts, res.statusCode, next);
    url = next;
  }
}

// A kept-alive connection the server closed while it sat idle can be handed to the next request
// before its close is read, when our own work (a large parse) held the event loop meanwhile
// (nodejs/undici#3492). The request then fails before any answer, and the failed connection is
// dropped: a GET, which changes nothing on the server, is sent again, as browsers and Go's
// http.Transport do. Each idle connection to the host may be such a one, hence more than one try.
const MAX_RESENDS = 3;
const CLOSED = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE']);

// finish turns the final (non-redirect) response into a result.
async function finish(x: Exchange, url: string, res: Dispatcher.ResponseData, movedTo: string | null): Promise<FetchResult> {
  const { req, opts } = x;
  const status = res.statusCode;
  const etag = header(res.headers, 'etag');
  const lastModified = header(res.headers, 'last-modified');
  if (status === 304) {
    await discard(res.body);
    // A 304 may omit validators it did not change (RFC 9110 §15.4.5): keep the ones we sent.
    return {
      status: 'not-modified',
      finalUrl: url,
      permanentRedirect: movedTo,
      etag: etag ?? req.etag,
      lastModified: lastModified ?? req.lastModified,
    };
  }
  if (status < 200 || status > 299) {
    await discard(res.body);
    return failed(httpStatusError(status, url, header(res.headers, 'retry-after'), new Date()), movedTo);
  }
  const encoding = header(res.headers, 'content-encoding');
  const declaredLength = Number(header(res.headers, 'content-length') ?? NaN);
  if ((encoding === null || encoding === 'identity') && declaredLength > opts.maxBodyBytes) {
    dropBody(res.body);
    return failed(tooLargeError(url, opts.maxBodyBytes), movedTo);
  }
  let body: Buffer;
  try {
    body = await readBody(res.body, encoding, opts.maxBodyBytes);
  } catch (err) {
    return failed(bodyError(err, url, x), movedTo);
  }
  const notAFeed = notAFeedError(body, url, req.expect ?? 'feed');
  if (notAFeed) return failed(notAFeed, movedTo);
  return {
    status: 'ok',
    httpStatus: status,
    body,
    contentType: header(res.headers, 'content-type'),
    finalUrl: url,
    permanentRedirect: movedTo,
    etag,
    lastModified,
  };
}

function bodyError(err: unknown, url: string, x: Exchange): SourceError {
  if (x.timedOut()) return timeoutError(url, x.opts.timeoutMs, err);
  if (err instanceof BodyTooLargeError) return tooLargeError(url, err.limit);
  if (err instanceof UnsupportedEncodingError) {
    return { kind: 'network', message: `fetch: ${url} used Content-Encoding "${err.coding}", which we never asked for — the server is misconfigured`, cause: err };
  }
  // node:zlib errors carry Z_* or ERR_BROTLI_* / ERR__ZLIB_* codes; the connection itself was fine.
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && (code.startsWith('Z_') || code.includes('ZLIB') || code.includes('BROTLI'))) {
    const detail = err instanceof Error ? err.message : code;
    return { kind: 'network', message: `fetch: the compressed body from ${url} is corrupt (${detail}) — the server sent broken data; will retry later`, cause: err };
  }
  return networkError(err, url, x.opts.timeoutMs, false, x.req);
}

function tooLargeError(url: string, limit: number): SourceError {
  return {
    kind: 'too-large',
    message: `fetch: the body from ${url} is larger than maxBodyBytes (${limit} bytes); download stopped — raise maxBodyBytes in settings if the feed really is this big`,
  };
}

// discard lets a short body drain so the connection can be reused; a long one is cut off instead.
async function discard(body: Dispatcher.ResponseData['body']): Promise<void> {
  try {
    await body.dump({ limit: 64 * 1024 });
  } catch {
    // The body of a redirect or error page is of no interest; a broken one changes nothing.
  }
}
