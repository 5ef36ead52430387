// Plain-text helpers: HTML to text, whitespace collapsing, and the short summary derived from content.
import type { ChildNode, Element } from 'domhandler';
import { DomUtils, Parser, parseDocument } from 'htmlparser2';
import { dropControls } from '../shared/controls.js';

// Longest summary derived from content; cut at a word boundary and ended with "…".
const SUMMARY_MAX_CHARS = 300;

// Block-level tags whose boundaries separate words: "<p>a</p><p>b</p>" reads "a b", not "ab".
const BLOCK_TAGS = new Set(
  'p div br hr li ul ol dl dt dd h1 h2 h3 h4 h5 h6 tr td th table thead tbody blockquote figure figcaption section article header footer aside pre address'.split(' '),
);
// Elements whose text is not text a reader sees.
const NON_TEXT_TAGS = new Set(['script', 'style', 'textarea', 'noscript']);

// collapseWhitespace drops control characters, turns runs of whitespace (including no-break
// spaces) into one space and trims: every plain-text field passes through here.
export function collapseWhitespace(text: string): string {
  return dropControls(text).replace(/\s+/g, ' ').trim();
}

// htmlToText strips tags, drops script/style bodies and decodes entities exactly once. It reads
// with htmlparser2 alone: the same parser sanitize-html runs, without building sanitised output
// that would be thrown away (a third of the parse stage's time; issue 11).
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return collapseWhitespace(html);
  let text = '';
  let hidden = 0;
  const edge = (name: string, by: number): void => {
    if (NON_TEXT_TAGS.has(name)) hidden = Math.max(0, hidden + by);
    else if (BLOCK_TAGS.has(name)) text += ' ';
  };
  const parser = new Parser(
    {
      onopentag: (name) => edge(name, 1),
      onclosetag: (name) => edge(name, -1),
      ontext: (chunk) => {
        if (hidden === 0) text += chunk;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return collapseWhitespace(text);
}

// markupText is what markup without text says: the alt text of images and image-map areas, the
// aria-label or <title> of inline SVGs, in document order. For descriptions that are only a
// picture (<img alt="년">), where htmlToText finds nothing.
export function markupText(html: string): string {
  const said: string[] = [];
  const walk = (nodes: readonly ChildNode[]): void => {
    for (const node of nodes) {
      if (!DomUtils.isTag(node)) continue;
      if (node.name === 'img' || node.name === 'area' || node.name === 'svg') said.push(labelOf(node));
      walk(node.children);
    }
  };
  // The same parser as htmlToText (and sanitize-html): no second HTML parser for this.
  walk(parseDocument(html).children);
  return collapseWhitespace(said.join(' '));
}

function labelOf(el: Element): string {
  const label = el.attribs['aria-label'] ?? el.attribs.alt ?? '';
  if (label.trim() !== '' || el.name !== 'svg') return label;
  const title = el.children.find((child) => DomUtils.isTag(child) && child.name === 'title');
  return title === undefined ? '' : DomUtils.textContent(title);
}

// summarize shortens plain text to SUMMARY_MAX_CHARS at a word boundary.
export function summarize(text: string): string {
  const chars = Array.from(text);
  if (chars.length <= SUMMARY_MAX_CHARS) return text;
  const head = chars.slice(0, SUMMARY_MAX_CHARS).join('');
  const space = head.lastIndexOf(' ');
  // Text without spaces in the window (long URLs, CJK without spacing) is cut hard.
  const cut = space > SUMMARY_MAX_CHARS / 2 ? head.slice(0, space) : head;
  return `${cut.replace(/[\s,.;:·…-]+$/u, '')}…`;
}

// looksLikeHtml guesses whether a plain-text field (an RSS title) actually carries HTML tags.
export function looksLikeHtml(text: string): boolean {
  return /<\/?(?:a|b|i|em|strong|span|br|p|div|font|img|u|sup|sub|small|code|q|cite|abbr|mark)\b[^>]*>/i.test(text);
}

// escapeHtml makes plain text safe to place inside HTML.
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
