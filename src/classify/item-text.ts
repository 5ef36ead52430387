// Text as topic rules see it: NFKC, lower case, one space between words, HTML reduced to words.
import { decodeHTML } from 'entities';

// NFKC folds full-width Latin (ＡＩ → AI), half-width katakana and compatibility Hangul jamo, and
// composes decomposed Hangul (as macOS writes it), so a keyword matches however the feed typed it.
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

// Tags that end a line or block separate words; inline ones (<b>, <a>, <span>…) can sit inside a
// word (<b>중소</b>기업 is 중소기업), so they are removed without a gap.
const BLOCK_TAG =
  /<\/?(?:address|article|aside|blockquote|br|caption|dd|div|dl|dt|figcaption|figure|footer|h[1-6]|header|hr|img|li|ol|p|pre|section|table|tbody|td|tfoot|th|thead|tr|ul)\b[^>]*>/gi;

// htmlToText gives the words of an item's HTML content, entities decoded once.
export function htmlToText(html: string): string {
  const text = html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(BLOCK_TAG, ' ')
    .replace(/<[^>]*>/g, '');
  return decodeHTML(text);
}
