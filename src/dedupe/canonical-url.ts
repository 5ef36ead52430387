// The identity form of an article URL: two links that open the same article get the same string.
// Stored as items.canonical_url and used in item keys (`u:`), so changing a rule here changes keys
// for every source on the next poll (see item-key.ts): prefer adding narrow, host-scoped rules.
// The tracking parameters it drops are listed in shared/tracking-params.ts.
import { isTrackingParam, paramKey } from '../shared/tracking-params.js';

// Host labels that serve the same articles as the bare domain (m.kado.net is www.kado.net).
const MIRROR_PREFIX = /^(?:www|m|mobile)\.(?=[^.]+\.)/;
const UNRESERVED = /^[A-Za-z0-9\-._~]$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

// canonicalUrl returns the identity form of an http(s) URL, or null when it is not one.
export function canonicalUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const host = foldHost(parsed.hostname);
  if (host === '') return null;
  // http and https name one article; after folding to https, 80 and 443 are both "no port".
  const port = parsed.port === '' || parsed.port === '80' || parsed.port === '443' ? '' : `:${parsed.port}`;

  let path = normalisePercent(parsed.pathname);
  let params = parseQuery(parsed.search.slice(1));
  const ndsoft = ndsoftArticle(path, params);
  if (ndsoft !== null) {
    path = '/news/articleView.html';
    params = [['idxno', ndsoft]];
  } else {
    params = params.filter(([key]) => !isTrackingParam(paramKey(key), host));
  }
  if (path.length > 1 && path.endsWith('/')) path = path.replace(/\/+$/, '') || '/';
  params.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const query = params.map(([k, v]) => (v === '' ? k : `${k}=${v}`)).join('&');
  return `https://${host}${port}${path}${query === '' ? '' : `?${query}`}`;
}

function foldHost(hostname: string): string {
  let host = hostname.toLowerCase().replace(/\.$/, '');
  if (/^[\d.]+$/.test(host) || host.startsWith('[')) return host;
  while (MIRROR_PREFIX.test(host)) host = host.replace(MIRROR_PREFIX, '');
  return host;
}

// ndsoft (엔디소프트), the CMS behind most Korean regional papers (kado.net among them), serves one
// article at /news/articleView.html?idxno=N, at the older /?mod=news&act=articleView&idxno=N, and
// as AMP at /news/articleViewAmp.html?idxno=N, on www. and m. alike. Every other parameter
// (sc_section_code, sc_sub_section_code, view_type, page, replyAll…) is list or comment context.
function ndsoftArticle(path: string, params: readonly (readonly [string, string])[]): string | null {
  const get = (name: string): string | undefined => params.find(([k]) => paramKey(k) === name)?.[1];
  const idxno = get('idxno');
  if (idxno === undefined || !/^\d+$/.test(idxno)) return null;
  const lower = path.toLowerCase();
  if (lower === '/news/articleview.html' || lower === '/news/articleviewamp.html') return idxno;
  const legacy = lower === '/' || lower === '/index.html' || lower === '/index.php';
  if (legacy && get('mod') === 'news' && get('act')?.toLowerCase() === 'articleview') return idxno;
  return null;
}

function parseQuery(search: string): [string, string][] {
  const out: [string, string][] = [];
  for (const part of search.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = normalisePercent(eq < 0 ? part : part.slice(0, eq));
    const value = eq < 0 ? '' : normalisePercent(part.slice(eq + 1));
    if (key !== '') out.push([key, value]);
  }
  return out;
}

// normalisePercent gives every spelling of the same bytes one form (RFC 3986 §6.2.2): WHATWG URL
// has already encoded raw non-ASCII (so /뉴스/1 arrives as %EB%89%B4…); here escapes of unreserved
// characters are decoded, UTF-8 text is NFC-composed (macOS writes Hangul decomposed) and
// re-encoded with upper-case hex. Bytes that are not UTF-8 (EUC-KR queries from old Korean CMSs)
// are kept as they are, upper-cased, because decoding them would change which page the server sends.
function normalisePercent(component: string): string {
  return component.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    const bytes = Uint8Array.from(run.slice(1).split('%'), (h) => parseInt(h, 16));
    let text: string;
    try {
      text = utf8.decode(bytes).normalize('NFC');
    } catch {
      return run.toUpperCase();
    }
    let out = '';
    for (const ch of text) {
      if (UNRESERVED.test(ch)) out += ch;
      else if (ch.charCodeAt(0) < 0x80) out += `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
      else out += encodeURIComponent(ch);
    }
    return out;
  });
}
