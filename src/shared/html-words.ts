// Plain words out of stored item HTML, for matching (classify) and indexing (store search).
// Shared helpers live here rather than in a stage, so stages still import only model.ts and this.
import { decodeHTML } from 'entities';

// Tags that end a line or block separate words; inline ones (<b>, <a>, <span>…) can sit inside a
// word (<b>중소</b>기업 is 중소기업), so they are removed without a gap.
const BLOCK_TAG =
  /<\/?(?:address|article|aside|blockquote|br|caption|dd|div|dl|dt|figcaption|figure|footer|h[1-6]|header|hr|img|li|ol|p|pre|section|table|tbody|td|tfoot|th|thead|tr|ul)\b[^>]*>/gi;

// htmlWords drops script/style bodies, comments and tags, and decodes entities once.
export function htmlWords(html: string): string {
  const text = html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(BLOCK_TAG, ' ')
    .replace(/<[^>]*>/g, '');
  return decodeHTML(text);
}
