// Text clean-up shared by every output: what XML 1.0, HTML and readers can all take.
import { stripTracking } from '../shared/tracking-params.js';

// XML 1.0 §2.2 allows only tab, LF and CR below U+0020, and never U+FFFE/U+FFFF or a lone
// surrogate; C1 controls are allowed but "discouraged", and no reader shows them, so they go too.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// stripControl removes the characters no XML 1.0 document may carry, whatever a source sent.
export function stripControl(text: string): string {
  return text.replace(FORBIDDEN, '');
}

// plainText strips forbidden characters and collapses whitespace, for titles, names and labels.
export function plainText(text: string | null | undefined): string {
  return stripControl(text ?? '').replace(/\s+/g, ' ').trim();
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

// escapeHtml makes text safe in HTML element content and in quoted attribute values alike.
export function escapeHtml(text: string): string {
  return stripControl(text).replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

// truncate shortens text to at most `max` characters (code points, so no emoji is cut in half).
export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

// httpUrl returns the URL when it is absolute http(s), else null: no javascript:, data: or file paths.
export function httpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(stripControl(url).trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.toString() : null;
  } catch {
    return null;
  }
}

// readerLink is a link readers are sent to: absolute http(s) as httpUrl gives it, without the
// tracking parameters identity ignores (rows stored before links were cleaned at ingest keep them).
export function readerLink(url: string | null | undefined): string | null {
  const link = httpUrl(url);
  return link === null ? null : stripTracking(link);
}
