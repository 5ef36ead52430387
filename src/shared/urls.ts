// URL resolution: relative references against xml:base, <base href> or the page address, with the
// WHATWG URL parser, which also percent-encodes Hangul and other non-ASCII characters in paths and
// queries. Shared by parse (feeds) and detail (article pages).

// resolveUrl makes `ref` absolute against `base`; only http(s) results unless anyScheme is set.
export function resolveUrl(ref: string, base: string | null, opts: { anyScheme?: boolean } = {}): string | null {
  // Feeds put line breaks and tabs inside long links; WHATWG URL strips tabs/newlines but not spaces.
  const cleaned = ref.trim();
  if (cleaned === '') return null;
  let url: URL;
  try {
    url = base !== null && URL.canParse(base) ? new URL(cleaned, base) : new URL(cleaned);
  } catch {
    return null;
  }
  if (!opts.anyScheme && url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return url.href;
}
