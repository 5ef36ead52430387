// Links on an HTML page (a board list, an item page): resolved against <base href> or the page
// address, Hangul in the query encoded as the page is. Shared by page (boards) and detail (attachments).
import iconv from 'iconv-lite';

// resolveLink makes a link absolute; null for empty links and anything but http(s)
// (javascript:fn_view('1'), mailto:, "#"), which need a pattern and template to become addresses.
//
// Browsers percent-encode the query of a link in the page's own encoding (WHATWG URL, "encoding
// override"): on an EUC-KR board, ?cat=보도 is sent as %BA%B8%B5%B5, and the board expects that.
// The path is always UTF-8.
export function resolveLink(ref: string, base: string, encoding: string): string | null {
  const cleaned = ref.trim();
  if (cleaned === '' || cleaned.startsWith('#')) return null;
  let url: URL;
  try {
    url = new URL(cleaned, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!isUtf8(encoding) && /[^\x00-\x7f]/.test(cleaned)) {
    const query = cleaned.indexOf('?');
    if (query >= 0 && iconv.encodingExists(encoding)) {
      const raw = cleaned.slice(query + 1).split('#')[0] ?? '';
      url.search = `?${encodeNonAscii(raw, encoding)}`;
    }
  }
  return url.href;
}

// pageBase is the address relative links on the page are resolved against: <base href>, itself
// resolved against the page address, else the page address.
export function pageBase(baseHref: string | undefined, pageUrl: string): string {
  if (baseHref === undefined || baseHref.trim() === '') return pageUrl;
  try {
    const base = new URL(baseHref.trim(), pageUrl);
    return base.protocol === 'http:' || base.protocol === 'https:' ? base.href : pageUrl;
  } catch {
    return pageUrl;
  }
}

function isUtf8(encoding: string): boolean {
  return /^utf-?8$/i.test(encoding);
}

// encodeNonAscii percent-encodes each non-ASCII character with the bytes of `encoding`.
function encodeNonAscii(text: string, encoding: string): string {
  return text.replace(/[^\x00-\x7f]+/g, (run) =>
    [...iconv.encode(run, encoding)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}
