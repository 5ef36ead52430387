// Reading the charset the bytes declare about themselves: byte order mark, XML declaration, HTML <meta>.
import { ResultType, Sniffer } from 'encoding-sniffer/sniffer';
import { resolveCharset, type Charset } from './charset-names.js';

export interface Bom {
  readonly charset: Charset;
  readonly length: number;
}

function charset(name: string): Charset {
  const found = resolveCharset(name);
  if (!found) throw new Error(`decode: no codec for built-in charset ${name}`);
  return found;
}

// sniffBom recognises the UTF-8, UTF-16 and UTF-32 byte order marks; UTF-32LE must be tested before UTF-16LE.
export function sniffBom(body: Buffer): Bom | null {
  const [a, b, c, d] = [body[0], body[1], body[2], body[3]];
  if (a === 0xef && b === 0xbb && c === 0xbf) return { charset: charset('utf-8'), length: 3 };
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return { charset: charset('utf-32le'), length: 4 };
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return { charset: charset('utf-32be'), length: 4 };
  if (a === 0xff && b === 0xfe) return { charset: charset('utf-16le'), length: 2 };
  if (a === 0xfe && b === 0xff) return { charset: charset('utf-16be'), length: 2 };
  return null;
}

export interface XmlDeclaration {
  /** The `encoding="…"` label, as written, or null. */
  readonly label: string | null;
  /** Set when the first bytes are `<` in UTF-16 or UTF-32 without a BOM (XML 1.0 Appendix F). */
  readonly layout: Charset | null;
}

const DECLARATION = /^\s*<\?xml\s([^>]*?)\?>/;
const ENCODING = /\bencoding\s*=\s*["']\s*([A-Za-z0-9._:+-]+)\s*["']/;

// readXmlDeclaration finds the declared encoding without knowing the charset yet, as XML 1.0 Appendix F describes.
export function readXmlDeclaration(body: Buffer): XmlDeclaration {
  const [a, b, c, d] = [body[0], body[1], body[2], body[3]];
  let layout: Charset | null = null;
  if (a === 0 && b === 0 && c === 0 && d === 0x3c) layout = charset('utf-32be');
  else if (a === 0x3c && b === 0 && c === 0 && d === 0) layout = charset('utf-32le');
  else if (a === 0 && b === 0x3c) layout = charset('utf-16be');
  else if (a === 0x3c && b === 0) layout = charset('utf-16le');
  // The declaration is ASCII, so reading the head as latin1 (or its UTF-16/32 form with NULs dropped) is enough.
  const head = body.subarray(0, layout ? 1024 : 256).toString('latin1').replace(/\0/g, '');
  const declaration = DECLARATION.exec(head);
  const label = declaration?.[1] ? (ENCODING.exec(declaration[1])?.[1] ?? null) : null;
  return { label, layout };
}

// charsetParameter extracts `charset=` from a Content-Type header (RFC 9110 §8.3.1: quoted or token).
export function charsetParameter(contentType: string | null): string | null {
  if (!contentType) return null;
  const match = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(contentType);
  const value = match?.[1] ?? match?.[2] ?? '';
  return value.trim() === '' ? null : value.trim();
}

// readMetaCharset finds <meta charset="…"> or <meta http-equiv="Content-Type" content="…; charset=…">
// in the first 1024 bytes with the WHATWG prescan (encoding-sniffer, which cheerio uses too): it
// skips comments and other tags' attributes, as browsers do. Returns the label or null.
export function readMetaCharset(body: Buffer): string | null {
  const sniffer = new Sniffer({ maxBytes: 1024 });
  sniffer.write(body.subarray(0, 1024));
  return sniffer.resultType === ResultType.META_TAG ? sniffer.encoding : null;
}
