// Plain-text helpers: HTML to text, whitespace collapsing, and the short summary derived from content.
import type { ChildNode, Element } from 'domhandler';
import { decodeHTML } from 'entities';
import { DomUtils, parseDocument } from 'htmlparser2';
import sanitizeHtml from 'sanitize-html';
import { dropControls } from '../shared/controls.js';

// Longest summary derived from content; cut at a word boundary and ended with "…".
const SUMMARY_MAX_CHARS = 300;

// Block-level tags whose boundaries separate words: "<p>a</p><p>b</p>" reads "a b", not "ab".
const BLOCK_TAG = /<\/?(?:p|div|br|hr|li|ul|ol|dl|dt|dd|h[1-6]|tr|td|th|table|thead|tbody|blockquote|figure|figcaption|section|article|header|footer|aside|pre|address)\b/gi;

// collapseWhitespace drops control characters, turns runs of whitespace (including no-break
// spaces) into one space and trims: every plain-text field passes through here.
export function collapseWhitespace(text: string): string {
  return dropControls(text).replace(/\s+/g, ' ').trim();
}

// htmlToText strips tags, drops script/style bodies and decodes entities exactly once.
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return collapseWhitespace(html);
  const stripped = sanitizeHtml(html.replace(BLOCK_TAG, ' $&'), {
    allowedTags: [],
    allowedAttributes: {},
    nonTextTags: ['script', 'style', 'textarea', 'noscript'],
  });
  // sanitize-html re-escapes the text it keeps (&, <, >, "), so one decode gives the plain text.
  return collapseWhitespace(decodeHTML(stripped));
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
  // htmlparser2 is what sanitize-html (above) already loaded: no second HTML parser for this.
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
