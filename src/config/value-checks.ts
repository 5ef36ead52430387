import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { parseByteSize } from './byte-size.js';
import { suggest } from './did-you-mean.js';
import { formatDuration, parseDuration } from './duration.js';

/** A checked value, or the reason it was refused (phrased to follow `path: `). */
export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const fail = <T>(message: string): Checked<T> => ({ ok: false, message });

// checkDuration parses a duration and enforces its minimum, saying why the minimum exists.
export function checkDuration(text: string, minMs: number, why: string): Checked<number> {
  const ms = parseDuration(text);
  if (ms === null) return fail(`${JSON.stringify(text)} is not a duration; write e.g. 15m, 1h, 90s, 1h30m`);
  if (ms < minMs) return fail(`${JSON.stringify(text)} is below the minimum of ${formatDuration(minMs)}: ${why}`);
  return ok(ms);
}

// checkByteSize parses a size such as 10MB and enforces its minimum.
export function checkByteSize(text: string | number, minBytes: number, why: string): Checked<number> {
  const bytes = parseByteSize(text);
  if (bytes === null) return fail(`${JSON.stringify(text)} is not a size; write e.g. 512KB, 10MB or a number of bytes`);
  if (bytes < minBytes) return fail(`${JSON.stringify(text)} is below the minimum of ${minBytes} bytes: ${why}`);
  return ok(bytes);
}

// checkTimeZone accepts what Intl accepts, returning the canonical spelling (asia/seoul → Asia/Seoul).
export function checkTimeZone(name: string): Checked<string> {
  try {
    return ok(new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone);
  } catch {
    const meant = suggest(name, Intl.supportedValuesOf('timeZone'));
    const didYouMean = meant ? ` (did you mean "${meant}"?)` : '';
    return fail(`${JSON.stringify(name)} is not a known time zone${didYouMean}; use an IANA name such as Asia/Seoul or UTC`);
  }
}

// checkEncoding accepts any charset iconv-lite can decode, since decode/ uses it.
export function checkEncoding(name: string): Checked<string> {
  if (iconv.encodingExists(name)) return ok(name.trim().toLowerCase());
  return fail(`${JSON.stringify(name)} is not an encoding regionwire can decode; use e.g. utf-8, euc-kr or cp949`);
}

// A bare host ("www.kado.net/rss/...") is almost always a URL missing its scheme, not a file.
const BARE_HOST = /^(www\.[^/]+|[a-z0-9-]+(\.[a-z0-9-]+)*\.(com|net|org|kr|io|co|go\.kr|co\.kr|or\.kr))(\/|$)/i;

// checkSourceUrl accepts http(s) URLs and local files; relative paths are resolved against the config folder.
export function checkSourceUrl(text: string, configDir: string): Checked<string> {
  const trimmed = text.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase();
  const windowsDrive = /^[a-z]:[\\/]/i.test(trimmed);
  if (scheme && !windowsDrive) {
    let url: URL;
    try {
      url = new URL(trimmed);
    } catch {
      return fail(`${JSON.stringify(text)} is not a valid URL`);
    }
    if (scheme === 'file') return ok(fileURLToPath(url));
    if (scheme !== 'http' && scheme !== 'https') {
      return fail(`${JSON.stringify(text)} uses "${scheme}:"; use an http(s) URL or a local file path`);
    }
    if (url.hostname === '') return fail(`${JSON.stringify(text)} has no host name`);
    return ok(trimmed);
  }
  if (trimmed.startsWith('~')) return fail(`${JSON.stringify(text)} starts with "~", which is not expanded; write the full path`);
  if (BARE_HOST.test(trimmed)) return fail(`${JSON.stringify(text)} looks like a web address without "https://"; add it (a local file path would start with ./ or /)`);
  return ok(isAbsolute(trimmed) ? trimmed : resolve(configDir, trimmed));
}
