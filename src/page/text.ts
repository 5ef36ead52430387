// Plain text out of page elements: words kept apart at block boundaries, whitespace collapsed.
import { dropControls } from '../shared/controls.js';

/** The parts of a parsed DOM node (cheerio's domhandler) the text walk reads. */
interface DomNode {
  readonly type: string;
  readonly name?: string;
  readonly data?: string;
  readonly children?: readonly DomNode[];
}

// A line or cell ends at these; inline tags (<b>, <span>) may sit inside a word (<b>중소</b>기업).
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure',
  'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'ol', 'p', 'pre', 'section', 'table',
  'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);
const SKIPPED = new Set(['script', 'style', 'noscript', 'template']);

// Zero-width characters that editors leave in titles; they split Korean words for search.
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;

// cleanText drops control characters by the rule feeds follow (shared/controls.ts: old boards paste
// them in from word processors), strips zero-width characters and collapses whitespace (NBSP included).
export function cleanText(raw: string): string {
  return dropControls(raw).replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

// elementText is the visible text of DOM nodes, cleaned, with a space wherever a block ends.
export function elementText(nodes: readonly unknown[]): string {
  const parts: string[] = [];
  const walk = (node: DomNode): void => {
    if (node.type === 'text') parts.push(node.data ?? '');
    else if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
      const name = (node.name ?? '').toLowerCase();
      if (SKIPPED.has(name)) return;
      const block = BLOCK.has(name);
      if (block) parts.push(' ');
      for (const child of node.children ?? []) walk(child);
      if (block) parts.push(' ');
    } else if (node.type === 'root' || node.type === 'cdata') {
      for (const child of node.children ?? []) walk(child);
    }
  };
  for (const node of nodes) walk(node as DomNode);
  return cleanText(parts.join(''));
}
