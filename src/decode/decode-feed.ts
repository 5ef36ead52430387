// Turning a feed's bytes into text: which charset to believe, and what to do when it lies.
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import type { DecodedBody } from '../model.js';
import { resolveCharset, type Charset } from './charset-names.js';
import { detectCharset, HIGH_CONFIDENCE } from './detect-charset.js';
import { charsetParameter, readMetaCharset, readXmlDeclaration, sniffBom } from './sniff-bytes.js';

export interface DecodeOptions {
  /** Content-Type header of the response, if any. */
  readonly contentType: string | null;
  /** The source's `encoding` setting; null means decide from the bytes. */
  readonly override: string | null;
}

type Source = DecodedBody['encodingSource'];

const UTF8 = resolveCharset('utf-8') as Charset;

// decodeFeed picks a charset and decodes; it never throws, invalid bytes become U+FFFD.
//
// Order, first match wins:
//  1. override  – the source's `encoding` setting: the user's word beats everything, lies included.
//  2. BOM       – UTF-8, UTF-16LE/BE, UTF-32LE/BE. RFC 7303 §3.3 and WHATWG both rank it above the header.
//  3. http      – `charset=` on Content-Type. A bare `text/xml` is NOT us-ascii: RFC 3023 said so, but
//                 RFC 7303 §3.2 dropped that default, and feedparser and browsers ignore it; fall through.
//  4. xml       – `<?xml … encoding="…"?>`, or UTF-16/32 without BOM recognised from `<` (XML 1.0 App. F).
//     meta      – else an HTML page's `<meta charset>` or http-equiv Content-Type (WHATWG prescan); many
//                 EUC-KR boards declare their charset only there.
//  5. detected  – chardet (plus a Hangul check), only when nothing is declared and the bytes are not UTF-8.
//  6. default   – UTF-8.
// A declaration at 3 or 4 is checked against the bytes: a legacy charset over valid non-ASCII UTF-8 is
// decoded as UTF-8, and UTF-8 over invalid bytes is re-detected; both set `warning`. An unknown name
// is skipped with a warning and the next step decides.
export function decodeFeed(body: Buffer, opts: DecodeOptions): DecodedBody {
  const warnings: string[] = [];
  const bom = sniffBom(body);

  if (opts.override !== null && opts.override.trim() !== '') {
    const charset = resolveCharset(opts.override);
    if (charset) {
      // Drop a BOM only when it agrees with the override; then it also tells the byte order.
      const agrees = bom !== null && bom.charset.family === charset.family;
      return done(agrees ? body.subarray(bom.length) : body, agrees ? bom.charset : charset, 'override', warnings);
    }
    warnings.push(unknownMessage(opts.override, 'the source setting `encoding`'));
  }

  if (bom) return done(body.subarray(bom.length), bom.charset, 'bom', warnings);

  const declaration = readXmlDeclaration(body);
  const httpLabel = charsetParameter(opts.contentType);
  if (httpLabel !== null) {
    const charset = resolveCharset(httpLabel);
    if (charset) return declared(body, charset, 'http', declaration.layout, warnings);
    warnings.push(unknownMessage(httpLabel, 'the HTTP Content-Type'));
  }

  if (declaration.layout) return done(body, declaration.layout, 'xml', warnings);
  if (declaration.label !== null) {
    const charset = resolveCharset(declaration.label);
    if (charset) return declared(body, charset, 'xml', null, warnings);
    warnings.push(unknownMessage(declaration.label, 'the XML declaration'));
  } else {
    const meta = readMetaCharset(body);
    // WHATWG: a <meta> naming UTF-16 means UTF-8, since the prescan could read it as ASCII.
    const charset = meta === null ? null : /^utf-16/i.test(meta) ? UTF8 : resolveCharset(meta);
    if (charset) return declared(body, charset, 'meta', null, warnings);
  }

  return undeclared(body, warnings);
}

// declared trusts a declared charset unless the bytes prove it wrong.
function declared(body: Buffer, charset: Charset, source: Source, layout: Charset | null, warnings: string[]): DecodedBody {
  switch (charset.family) {
    case 'utf-8': {
      if (isUtf8(body)) return done(body, charset, source, warnings);
      const guess = detectCharset(body);
      if (guess && guess.confidence >= HIGH_CONFIDENCE) {
        const name = guess.charset.name;
        warnings.push(
          `decode: declared utf-8 but the bytes are not valid UTF-8; they look like ${name} ` +
            `(confidence ${guess.confidence}%) and were decoded as ${name} — set encoding: ${name} on the source to silence this`,
        );
        return done(body, guess.charset, 'detected', warnings);
      }
      return done(body, charset, source, warnings);
    }
    case 'legacy':
      // Valid non-ASCII UTF-8 is almost never a legacy charset by accident: servers that say euc-kr
      // (or iso-8859-1, the Apache default) over UTF-8 pages are common after CMS migrations.
      if (hasNonAscii(body) && isUtf8(body)) {
        warnings.push(
          `decode: declared ${charset.name} but the bytes are UTF-8; decoded as UTF-8 — set encoding: utf-8 on the source to silence this`,
        );
        return done(body, UTF8, 'detected', warnings);
      }
      return done(body, charset, source, warnings);
    case 'utf-16':
    case 'utf-32':
      if (layout?.family === charset.family) return done(body, layout, source, warnings);
      // No BOM and no NUL-padded `<`: the bytes are ASCII-compatible, so they cannot be UTF-16/32.
      if (body.length > 0 && body[0] !== 0 && body[1] !== 0) {
        warnings.push(`decode: declared ${charset.name} but the bytes are not ${charset.name}; ignored the declaration`);
        return undeclared(body, warnings);
      }
      return done(body, charset, source, warnings);
  }
}

// undeclared handles bytes nobody vouches for: UTF-8 if valid, else a detected charset, else UTF-8 anyway.
function undeclared(body: Buffer, warnings: string[]): DecodedBody {
  if (isUtf8(body)) return done(body, UTF8, 'default', warnings);
  const guess = detectCharset(body);
  if (guess) return done(body, guess.charset, 'detected', warnings);
  return done(body, UTF8, 'default', warnings);
}

function done(bytes: Buffer, charset: Charset, source: Source, warnings: string[]): DecodedBody {
  const text = charset.family === 'utf-8' ? bytes.toString('utf8') : iconv.decode(bytes, charset.codec);
  return {
    text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text,
    encoding: charset.name,
    encodingSource: source,
    warning: warnings.length > 0 ? warnings.join('; ') : null,
  };
}

function hasNonAscii(body: Buffer): boolean {
  return body.some((byte) => byte >= 0x80);
}

function unknownMessage(label: string, where: string): string {
  return `decode: unknown encoding "${label}" in ${where}; ignored it — use a name like euc-kr or utf-8`;
}
