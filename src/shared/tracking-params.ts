// Query parameters that only say how a reader arrived, and the one way to remove them from a link.
// Identity (dedupe/canonical-url.ts) ignores them; the links readers are sent to lose them too.
// Shared here rather than in a stage, so dedupe and publish each import only model.ts and this.

// Kept short on purpose: every entry must be something no server needs to pick the article.
// Sources: Miniflux internal/reader/urlcleaner, AdGuard's TrackParamFilter, and links seen in
// Korean news feeds. Changing the list changes item keys (see dedupe/item-key.ts).
const TRACKING_PREFIXES = ['utm_', 'mtm_']; // Google Analytics (UTM) and Matomo campaign tags
const TRACKING_PARAMS = new Set([
  'fbclid', // Facebook click id
  'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', // Google Ads / DoubleClick click ids
  'msclkid', // Microsoft Ads
  'yclid', // Yandex
  'twclid', 'ref_src', // X/Twitter click id and its "ref_src=twsrc^…" referrer
  'igshid', // Instagram share id
  'mc_cid', 'mc_eid', // Mailchimp campaign and subscriber
  'sc_cid', // Adobe campaign (not ndsoft's sc_* list filters, which are handled by the ndsoft fold)
  '_ga', '_gl', // Google Analytics cross-domain linker
  'call_from', // referrer tag appended by Korean portals and CMS "share" links
  'from', // generic referrer ("from=rss", "from=naver"); no article page is chosen by it
]);
// Referrer codes that are only tracking on one site, so they are removed there alone.
const HOST_TRACKING_PARAMS: Readonly<Record<string, readonly string[]>> = {
  'yna.co.kr': ['input'], // Yonhap: ?input=1195m marks the sharing channel; /view/AKR… is the article
  'news.kbs.co.kr': ['ref'], // KBS: view.do?ncd=N&ref=A, ref is the entry point
  'hani.co.kr': ['_fr', '_ns'], // Hankyoreh: ?_fr=mt2 / ?_ns=t1 mark the section that linked
};

// paramKey is a raw query key as a name: percent-decoded and lower-case ("UTM%5Fsource" is utm_source).
export function paramKey(raw: string): string {
  try {
    return decodeURIComponent(raw).toLowerCase();
  } catch {
    return raw.toLowerCase();
  }
}

// isTrackingParam says whether a parameter (named as paramKey gives it) only tracks, on this host
// (lower-case; a subdomain counts as its site).
export function isTrackingParam(key: string, host: string): boolean {
  if (TRACKING_PARAMS.has(key) || TRACKING_PREFIXES.some((p) => key.startsWith(p))) return true;
  for (const [site, keys] of Object.entries(HOST_TRACKING_PARAMS)) {
    if ((host === site || host.endsWith(`.${site}`)) && keys.includes(key)) return true;
  }
  return false;
}

// stripTracking removes the tracking parameters from an absolute URL and changes nothing else: the
// scheme, host, path, other parameters (their order and their bytes, EUC-KR escapes included) and
// fragment stay as given. Anything that is not an absolute URL comes back as it is.
export function stripTracking(url: string): string {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return url;
  }
  const hash = url.indexOf('#');
  const beforeHash = hash < 0 ? url : url.slice(0, hash);
  const question = beforeHash.indexOf('?');
  if (question < 0) return url;
  const parts = beforeHash.slice(question + 1).split('&');
  const kept = parts.filter((part) => {
    const eq = part.indexOf('=');
    return !isTrackingParam(paramKey(eq < 0 ? part : part.slice(0, eq)), host);
  });
  if (kept.length === parts.length) return url;
  const query = kept.join('&');
  return `${beforeHash.slice(0, question)}${query === '' ? '' : `?${query}`}${hash < 0 ? '' : url.slice(hash)}`;
}
