// The one shape every attachment's text takes, whatever the format gave: Unicode NFC (HWP and PDF
// can hold decomposed Hangul jamo), no control characters, single spaces, paragraphs one per line.

// C0 controls but tab and newline, DEL, C1 controls, U+FFFE/U+FFFF and lone surrogates: none of
// them is text, and XML 1.0 (our feeds) refuses most.
const CONTROL =
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// Horizontal white space other than tab: spaces, no-break spaces, the ideographic space U+3000, …
const SPACES = /[^\S\n\t]+/g;

// normalizeText gives NFC text with paragraphs on their own lines and at most one blank line in a row.
export function normalizeText(raw: string): string {
  return raw
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, '')
    .normalize('NFC')
    .replace(SPACES, ' ')
    .split('\n')
    .map((line) => line.replace(/^[ \t]+|[ \t]+$/g, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
