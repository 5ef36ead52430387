// The cheapest possible "is this a feed at all" check; telling HTML from XML is parse's job.
import type { SourceError } from '../model.js';

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

// looksLikeMarkup is true when the first character after an optional BOM and whitespace is `<`.
// NUL bytes are skipped too, so UTF-16 and UTF-32 bodies without a BOM pass.
export function looksLikeMarkup(body: Buffer): boolean {
  let start = 0;
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) start = 3;
  else if (body[0] === 0 && body[1] === 0 && body[2] === 0xfe && body[3] === 0xff) start = 4;
  else if ((body[0] === 0xff && body[1] === 0xfe) || (body[0] === 0xfe && body[1] === 0xff)) start = 2;
  for (let i = start; i < body.length && i < start + 4096; i += 1) {
    const byte = body[i] as number;
    if (byte === 0 || WHITESPACE.has(byte)) continue;
    return byte === 0x3c;
  }
  return false;
}

// notAFeedError explains an empty or non-markup body, or returns null when the body may be a feed
// (or, for a page source, an HTML page).
export function notAFeedError(body: Buffer, from: string, expect: 'feed' | 'page' | 'file' = 'feed'): SourceError | null {
  // An attachment may be any bytes; the detail stage names what it is.
  if (expect === 'file') return null;
  const what = expect === 'feed' ? 'feed' : 'page';
  if (body.length === 0) {
    return { kind: 'not-a-feed', message: `fetch: empty response from ${from} — there is no ${what} there; check the URL in sources.yaml` };
  }
  if (looksLikeMarkup(body)) return null;
  const start = body.subarray(0, 40).toString('latin1').replace(/[^\x20-\x7e]+/g, ' ').trim();
  const wanted = expect === 'feed' ? 'XML (it starts "%s") — not an RSS/Atom feed' : 'HTML (it starts "%s") — not a list page';
  return {
    kind: 'not-a-feed',
    message: `fetch: ${from} sent something that is not ${wanted.replace('%s', start)}; check the URL in sources.yaml`,
  };
}
