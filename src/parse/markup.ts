// Serialises inline markup (Atom xhtml content, RSS descriptions holding elements) back to an HTML
// string, so it goes through the same sanitiser as escaped HTML does.
import { NS } from './namespaces.js';
import { escapeHtml } from './text.js';
import { resolveUrl } from '../shared/urls.js';
import type { XmlElement, XmlNode } from './xml-tree.js';

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

// serializeChildren writes an element's content as HTML; XHTML elements lose their prefix.
export function serializeChildren(el: XmlElement): string {
  return el.children.map(serializeNode).join('');
}

function serializeNode(node: XmlNode): string {
  if (typeof node === 'string') return escapeHtml(node);
  const name = node.ns === NS.xhtml || node.ns === '' ? node.local : node.name;
  const attrs = node.attrs
    .filter((a) => a.ns !== NS.xml)
    .map((a) => ` ${a.ns === '' ? a.local : `${prefixFor(node, a.ns) ?? 'x'}:${a.local}`}="${escapeHtml(attrValue(node, a.local, a.value))}"`)
    .join('');
  if (VOID.has(name) && node.children.length === 0) return `<${name}${attrs} />`;
  return `<${name}${attrs}>${serializeChildren(node)}</${name}>`;
}

// Links are resolved here, against each element's own xml:base, which the HTML string cannot carry.
function attrValue(node: XmlElement, local: string, value: string): string {
  if (local !== 'href' && local !== 'src') return value;
  return resolveUrl(value, node.base, { anyScheme: true }) ?? value;
}

function prefixFor(el: XmlElement, uri: string): string | null {
  for (const [prefix, ns] of el.scope) if (ns === uri && prefix !== '') return prefix;
  return null;
}
