// Reads text-bearing elements (titles, summaries, content) into "HTML or plain text", following
// Atom 1.0 `type` (RFC 4287 §3.1), Atom 0.3 `type` + `mode`, and RSS practice.
import { NS } from './namespaces.js';
import { serializeChildren } from './markup.js';
import { looksLikeHtml } from './text.js';
import { attr, elements, hasElementChildren, textContent, type XmlElement } from './xml-tree.js';

export interface TextValue {
  /** True when `value` is HTML markup, false when it is plain text. */
  readonly html: boolean;
  readonly value: string;
  /** Base URL for relative links inside `value`. */
  readonly base: string;
}

// readAtomText reads an Atom text construct or content element.
export function readAtomText(el: XmlElement): TextValue | null {
  const type = (attr(el, 'type') ?? '').trim().toLowerCase();
  const mode = (attr(el, 'mode') ?? '').trim().toLowerCase();
  const base = el.base;
  if (mode === 'base64' || isOpaque(type)) {
    // Atom 0.3 mode="base64", and Atom 1.0 content whose type is neither text nor XML (§4.1.3.3).
    const decoded = decodeBase64(textContent(el));
    if (decoded === null) return null;
    return { html: type !== 'text' && type !== 'text/plain', value: decoded, base };
  }
  if (type === 'xhtml' || type === 'application/xhtml+xml') {
    return { html: true, value: serializeChildren(xhtmlDiv(el) ?? el), base };
  }
  if (type === 'html' || type === 'text/html') {
    if (!hasElementChildren(el)) return { html: true, value: textContent(el), base };
    // TypePad wraps escaped HTML in an XHTML div: the div's text is the HTML.
    const div = xhtmlDiv(el);
    if (div !== null && !hasElementChildren(div)) return { html: true, value: textContent(div), base };
    return { html: true, value: serializeChildren(el), base };
  }
  // Plain text, or XML media types: with element children it is markup (Atom 0.3 mode="xml").
  if (hasElementChildren(el)) return { html: true, value: serializeChildren(xhtmlDiv(el) ?? el), base };
  return { html: false, value: textContent(el), base };
}

// readRssText reads an RSS element; `html` says whether its text is HTML (descriptions) or not,
// `markup` whether child elements are HTML (full-text elements such as <body>).
export function readRssText(el: XmlElement, html: boolean, markup = false): TextValue {
  // Inline XHTML (xhtml:body, <div xmlns="…xhtml">) is markup. Other child elements are data, as
  // in KMA's forecast description (<header><wf>…</wf>): their text is what the element says.
  if (hasXhtml(el) || (markup && hasElementChildren(el))) return { html: true, value: serializeChildren(xhtmlDiv(el) ?? el), base: el.base };
  const value = textContent(el);
  return { html: html || looksLikeHtml(value), value, base: el.base };
}

function hasXhtml(el: XmlElement): boolean {
  return elements(el).some((c) => c.ns === NS.xhtml);
}

function isOpaque(type: string): boolean {
  if (type === '' || type === 'text' || type === 'html' || type === 'xhtml') return false;
  if (type.startsWith('text/')) return false;
  return !(type.endsWith('+xml') || type.endsWith('/xml'));
}

// The single XHTML <div> an Atom xhtml construct must wrap its content in (RFC 4287 §3.1.1.3).
function xhtmlDiv(el: XmlElement): XmlElement | null {
  const kids = elements(el);
  const only = kids.length === 1 ? kids[0] : undefined;
  const text = el.children.filter((c) => typeof c === 'string').join('');
  if (only === undefined || only.local !== 'div' || only.ns !== NS.xhtml || text.trim() !== '') return null;
  return only;
}

function decodeBase64(text: string): string | null {
  const compact = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/=_-]*$/.test(compact)) return null;
  const decoded = Buffer.from(compact, 'base64').toString('utf8');
  return decoded.includes('\uFFFD') ? null : decoded;
}
