// Following redirects by hand: counting hops, spotting loops, refusing odd schemes, noticing permanent moves.
import type { SourceError } from '../model.js';

/** Statuses we follow; 300 and 305 are left to fail as http-status. */
export const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
// RFC 9110 §15.4.2 and RFC 9538 §3: only these tell the client to update its stored link.
const PERMANENT = new Set([301, 308]);

// parseUrl is `new URL` without the throw (URL.parse needs Node 22).
export function parseUrl(value: string, base?: URL): URL | null {
  try {
    return new URL(value, base);
  } catch {
    return null;
  }
}

function redirectError(message: string): SourceError {
  return { kind: 'redirect', message };
}

// RedirectChain remembers the hops of one fetch.
export class RedirectChain {
  readonly #visited: Set<string>;
  #hops = 0;
  #allPermanent = true;

  constructor(
    readonly start: URL,
    readonly maxRedirects: number,
  ) {
    this.#visited = new Set([start.href]);
  }

  // movedTo is where the feed now lives when every hop so far was permanent, else null.
  movedTo(current: URL): string | null {
    return this.#hops > 0 && this.#allPermanent ? current.href : null;
  }

  // follow returns the next URL to request, or the reason not to.
  follow(status: number, location: string | null, from: URL): URL | SourceError {
    const next = location === null ? null : parseUrl(location, from);
    if (next === null) {
      return redirectError(`fetch: HTTP ${status} from ${from.href} has no usable Location header — the site's redirect is broken`);
    }
    if (next.protocol !== 'http:' && next.protocol !== 'https:') {
      return redirectError(
        `fetch: ${from.href} redirects to ${next.protocol} address ${location} — refused, feeds are http(s) only; check the URL in sources.yaml`,
      );
    }
    next.hash = '';
    if (this.#visited.has(next.href)) {
      return redirectError(`fetch: redirect loop: ${from.href} sends us back to ${next.href} — the site is misconfigured; open the URL in a browser`);
    }
    this.#hops += 1;
    if (this.#hops > this.maxRedirects) {
      return redirectError(
        `fetch: more than ${this.maxRedirects} redirects starting at ${this.start.href} — put the feed's final URL in sources.yaml`,
      );
    }
    this.#visited.add(next.href);
    if (!PERMANENT.has(status)) this.#allPermanent = false;
    return next;
  }
}
