// Turning what undici and node:net reject with into a SourceError with a stable kind.
import type { SourceError, SourceErrorKind } from '../model.js';
import { parseUrl } from './redirects.js';
import { isTlsCode, tlsError, type TlsContext } from './tls-error.js';

const DNS = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NODATA', 'EAI_NONAME', 'EAI_FAIL']);
const TIMEOUT = new Set([
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);
interface Coded {
  readonly code: string;
  readonly message: string;
}

// codesOf walks `cause` chains and AggregateError lists (Happy Eyeballs rejects with one per address).
function codesOf(err: unknown, depth = 0): Coded[] {
  if (depth > 5 || typeof err !== 'object' || err === null) return [];
  const found: Coded[] = [];
  const { code, message, cause, errors } = err as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string') found.push({ code, message: typeof message === 'string' ? reason(message) : '' });
  found.push(...codesOf(cause, depth + 1));
  if (Array.isArray(errors)) for (const inner of errors) found.push(...codesOf(inner, depth + 1));
  return found;
}

// hasErrorCode is true when `err`, or an error it wraps, carries one of `codes`.
export function hasErrorCode(err: unknown, codes: ReadonlySet<string>): boolean {
  return codesOf(err).some((c) => codes.has(c.code));
}

// reason shortens OpenSSL's "…:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:file:line:"
// to its human part, and any other message to its first line.
function reason(message: string): string {
  const openssl = /routines:[^:]*:([^:]+)/.exec(message);
  return (openssl?.[1] ?? message.split('\n')[0] ?? '').trim();
}

function hostOf(url: string): string {
  return parseUrl(url)?.host ?? url;
}

// timeoutError is the one message for every way the whole-exchange deadline can be missed.
export function timeoutError(url: string, timeoutMs: number, cause?: unknown): SourceError {
  return {
    kind: 'timeout',
    message:
      `fetch: no complete response from ${url} within ${timeoutMs} ms — the server is slow or not answering; ` +
      'raise timeoutMs in settings if it is always this slow',
    cause,
  };
}

// networkError classifies a rejected request; `timedOut` is true when our own deadline aborted it.
export function networkError(err: unknown, url: string, timeoutMs: number, timedOut: boolean, ctx: TlsContext = {}): SourceError {
  if (timedOut) return timeoutError(url, timeoutMs, err);
  const codes = codesOf(err);
  const pick = (test: (code: string) => boolean): Coded | undefined => codes.find((c) => test(c.code));
  const host = hostOf(url);
  const make = (kind: SourceErrorKind, message: string): SourceError => ({ kind, message, cause: err });

  const dns = pick((code) => DNS.has(code));
  if (dns) {
    return make('dns', `fetch: cannot resolve host ${host} (${dns.code}) — check the host name in sources.yaml, or this machine's DNS`);
  }
  if (pick((code) => code === 'ECONNREFUSED')) {
    return make('refused', `fetch: connection refused by ${host} (ECONNREFUSED) — the server is down or the port is wrong; will retry later`);
  }
  const tls = pick(isTlsCode);
  const parsed = tls ? parseUrl(url) : null;
  if (tls && parsed) return tlsError(tls.code, tls.message, parsed, ctx, err);
  if (pick((code) => TIMEOUT.has(code))) return timeoutError(url, timeoutMs, err);
  const first = codes[0];
  const detail = first ? `${first.code}: ${first.message}` : err instanceof Error ? err.message : String(err);
  return make('network', `fetch: connection to ${host} failed (${detail}) — a network problem; will retry later`);
}
