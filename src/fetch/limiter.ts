// Bounding concurrent fetches overall and per host, so a pass over many sources is polite to each site.
import pLimit, { type LimitFunction } from 'p-limit';

export interface LimiterOptions {
  /** Tasks running at once, over all hosts. */
  readonly concurrency: number;
  /** Tasks running at once against one host (many regional papers share one CMS host). */
  readonly perHost: number;
}

export interface Limiter {
  run<T>(url: string, task: () => Promise<T>): Promise<T>;
}

function hostKey(url: string): string {
  try {
    const { protocol, host } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? host.toLowerCase() : '';
  } catch {
    return '';
  }
}

// createLimiter runs tasks under both bounds; local files all count as one host ('').
export function createLimiter(opts: LimiterOptions): Limiter {
  const overall = pLimit(Math.max(1, opts.concurrency));
  // One limiter per host seen; sources come from config, so the map stays as small as the source list.
  const hosts = new Map<string, LimitFunction>();
  const forHost = (key: string): LimitFunction => {
    let limit = hosts.get(key);
    if (!limit) {
      limit = pLimit(Math.max(1, opts.perHost));
      hosts.set(key, limit);
    }
    return limit;
  };
  return {
    // The host slot is taken first, so a task queued behind its own host never holds an overall slot
    // that a task for an idle host could use.
    run: (url, task) => forHost(hostKey(url))(() => overall(task)),
  };
}

// Callers that schedule around a 429/503 find the Retry-After reader beside the limiter too.
export { retryAfterDate } from './retry-after.js';
