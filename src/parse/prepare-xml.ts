// Lenient clean-up of feed text before the strict XML parser sees it: the damage real feeds carry
// (BOMs, HTML entities, bare ampersands) and the one construct we refuse to honour (DOCTYPE).
import { decodeHTMLStrict } from 'entities';

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

// C1 controls (U+0080–U+009F) in feeds are windows-1252 punctuation decoded as Latin-1 ("don\u0092t").
// HTML5 maps numeric references in that range the same way; unmapped positions are dropped.
const WINDOWS_1252 = '€\u0000‚ƒ„…†‡ˆ‰Š‹Œ\u0000Ž\u0000\u0000‘’“”•–—˜™š›œ\u0000žŸ';
const C1 = /[\u0080-\u009f]/g;

function fromC1(code: number): string {
  const ch = WINDOWS_1252[code - 0x80] ?? '';
  return ch === '\u0000' ? '' : ch;
}

// Sections whose text must not be touched, and the DOCTYPE (with its internal subset) to drop.
const PROTECTED = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>/gi;

// Any "&" that does not start a well-formed character or entity reference, or a named reference.
const AMPERSAND = /&(?:(#\d+;|#[xX][0-9a-fA-F]+;)|([A-Za-z][A-Za-z0-9._-]*);)?/g;

// Internal entities whose value is plain text: no references (so no recursion, no billion laughs),
// no SYSTEM/PUBLIC identifier (so nothing is ever read: no XXE). Others are ignored.
const PLAIN_ENTITY = /<!ENTITY\s+([A-Za-z_][\w.-]*)\s+(["'])([^"'&%<]{0,1000})\2\s*>/g;

// prepareXml strips BOMs, drops the DOCTYPE and rewrites entities the XML parser would reject.
export function prepareXml(text: string): string {
  const trimmed = text.replace(/^[\uFEFF\s]+/, '').replace(C1, (ch) => fromC1(ch.charCodeAt(0)));
  const declared = new Map<string, string>();
  let out = '';
  let last = 0;
  for (const m of trimmed.matchAll(PROTECTED)) {
    out += fixAmpersands(trimmed.slice(last, m.index), declared);
    // The DOCTYPE goes: sax would not expand its entities anyway, and we substitute only the plain
    // text ones ourselves, once each. Other references then stay as literal text (see below).
    if (/^<!DOCTYPE/i.test(m[0])) {
      for (const e of m[0].matchAll(PLAIN_ENTITY)) if (e[1] !== undefined) declared.set(e[1], e[3] ?? '');
    } else {
      out += m[0];
    }
    last = m.index + m[0].length;
  }
  return out + fixAmpersands(trimmed.slice(last), declared);
}

function fixAmpersands(segment: string, declared: ReadonlyMap<string, string>): string {
  if (!segment.includes('&')) return segment;
  return segment.replace(AMPERSAND, (whole: string, charRef: string | undefined, name: string | undefined) => {
    if (charRef !== undefined) {
      const hex = /^#x/i.test(charRef);
      const code = hex ? parseInt(charRef.slice(2), 16) : parseInt(charRef.slice(1), 10);
      if (code >= 0x80 && code <= 0x9f) return fromC1(code);
      // A reference to a character XML 1.0 forbids (&#1;, &#xFFFE;) makes the strict parser drop
      // the whole feed; the character would be dropped from the text anyway (shared/controls.ts dropControls).
      if (!isXmlChar(code)) return code === 0x0b || code === 0x0c ? ' ' : '';
      // XML wants a lower-case x in "&#x41;"; HTML also accepts "&#X41;".
      return hex ? `&#x${charRef.slice(2)}` : whole;
    }
    if (name === undefined) return '&amp;'; // "AT&T", "?a=1&b=2": a bare ampersand
    if (XML_ENTITIES.has(name)) return whole;
    const own = declared.get(name);
    if (own !== undefined) return own.replace(/>/g, '&gt;');
    // HTML named entities (&nbsp; &eacute; &hellip;) are common in RSS but undeclared in XML:
    // write them as numeric references. Anything else (&lol9;, &xxe;) stays literal text.
    const decoded = decodeHTMLStrict(whole);
    if (decoded === whole) return `&amp;${name};`;
    return Array.from(decoded, (ch) => `&#${ch.codePointAt(0)};`).join('');
  });
}

// XML 1.0 §2.2 Char: tab, LF, CR, and U+0020 up, without surrogates, U+FFFE and U+FFFF.
function isXmlChar(code: number): boolean {
  if (code < 0x20) return code === 0x09 || code === 0x0a || code === 0x0d;
  return code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) && code !== 0xfffe && code !== 0xffff;
}
