// Explaining a non-2xx final response in words a person can act on.
import { STATUS_CODES } from 'node:http';
import type { SourceError } from '../model.js';
import { retryAfterDate } from './retry-after.js';

function advice(status: number, retryAfter: Date | null): string {
  if (status === 429 || status === 503) {
    const when = retryAfter ? `the next try waits until ${retryAfter.toISOString()}` : 'poll it less often';
    return status === 429
      ? `the server is rate-limiting us; ${when}`
      : `the server is overloaded or down for maintenance; ${when}`;
  }
  if (status === 404 || status === 410) return 'the feed moved or was removed; check the URL in sources.yaml';
  if (status === 401 || status === 403 || status === 407) {
    return 'the server refuses us; the feed may need a login, or it blocks our User-Agent';
  }
  if (status >= 400 && status < 500) return 'the server rejected the request; check the URL in sources.yaml';
  if (status >= 500) return 'the server failed on its side; will retry later';
  return 'not a status a feed should answer with; open the URL in a browser to see what it serves';
}

// httpStatusError builds the 'http-status' error; 429 and 503 carry Retry-After as a date (RFC 9110 §10.2.3).
export function httpStatusError(status: number, url: string, retryAfterHeader: string | null, now: Date): SourceError {
  const retryAfter = status === 429 || status === 503 ? retryAfterDate(retryAfterHeader, now) : null;
  const reason = STATUS_CODES[status] ?? 'Unknown Status';
  return {
    kind: 'http-status',
    status,
    retryAfter,
    message: `fetch: HTTP ${status} ${reason} from ${url} — ${advice(status, retryAfter)}`,
  };
}
