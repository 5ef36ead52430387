// A namespace-aware element tree (built by read-xml.ts as sax reads the document), with xml:base
// and xml:lang already applied, so the mappers can ask for "the Atom `title` child" whatever the prefix.
import { KNOWN_PREFIXES, NS } from './namespaces.js';
import { resolveUrl } from '../shared/urls.js';

export interface XmlAttr {
  readonly ns: string;
  readonly local: string;
  readonly value: string;
}

export interface XmlElement {
  /** Namespace URI, '' for none. */
  readonly ns: string;
  readonly local: string;
  /** Qualified name as written. */
  readonly name: string;
  readonly attrs: readonly XmlAttr[];
  readonly children: readonly XmlNode[];
  /** Effective base URI (xml:base chain over the document address). */
  readonly base: string;
  /** Effective xml:lang, or null. */
  readonly lang: string | null;
  /** In-scope namespace declarations, kept for serialising foreign markup. */
  readonly scope: ReadonlyMap<string, string>;
}

export type XmlNode = XmlElement | string;

/** What an element passes on to its children: namespace scope, base URI and language. */
export interface Inherited {
  readonly scope: ReadonlyMap<string, string>;
  readonly base: string;
  readonly lang: string | null;
}

// documentScope is what the document element inherits: only the xml prefix, and the document's address.
export function documentScope(documentUrl: string): Inherited {
  return { scope: new Map([['xml', NS.xml]]), base: documentUrl, lang: null };
}

/** Most feed elements have no attributes; they share this array instead of holding one each. */
const NO_ATTRS: readonly XmlAttr[] = Object.freeze([]);

// openElement builds an element from its qualified name and attributes as written, resolving
// prefixes, xml:base and xml:lang; the reader appends its children to the returned array.
export function openElement(
  qname: string,
  rawAttrs: Readonly<Record<string, string>>,
  parent: Inherited,
): { element: XmlElement; children: XmlNode[] } {
  let scope = parent.scope;
  for (const name in rawAttrs) {
    if (name === 'xmlns' || name.startsWith('xmlns:')) {
      if (scope === parent.scope) scope = new Map(parent.scope);
      (scope as Map<string, string>).set(name === 'xmlns' ? '' : name.slice(6), (rawAttrs[name] as string).trim());
    }
  }
  let attrs: XmlAttr[] | null = null;
  let xmlBase: string | undefined;
  let xmlLang: string | undefined;
  for (const name in rawAttrs) {
    if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
    const value = rawAttrs[name] as string;
    // Unprefixed attributes have no namespace (Namespaces in XML §6.2), whatever the default is.
    const { ns, local } = name.includes(':') ? resolveName(name, scope) : { ns: '', local: name };
    (attrs ??= []).push({ ns, local, value });
    if (ns === NS.xml && local === 'base' && xmlBase === undefined) xmlBase = value;
    if (ns === NS.xml && local === 'lang' && xmlLang === undefined) xmlLang = value;
  }
  const base = xmlBase === undefined ? parent.base : (resolveUrl(xmlBase.trim(), parent.base, { anyScheme: true }) ?? parent.base);
  const lang = xmlLang === undefined ? parent.lang : xmlLang.trim() || null;
  const { ns, local } = resolveName(qname, scope);
  const children: XmlNode[] = [];
  return { element: { ns, local, name: qname, attrs: attrs ?? NO_ATTRS, children, base, lang, scope }, children };
}

function resolveName(qname: string, scope: ReadonlyMap<string, string>): { ns: string; local: string } {
  const colon = qname.indexOf(':');
  if (colon < 0) return { ns: scope.get('') ?? '', local: qname };
  const prefix = qname.slice(0, colon);
  const local = qname.slice(colon + 1);
  const ns = scope.get(prefix) ?? KNOWN_PREFIXES[prefix.toLowerCase()] ?? `urn:x-undeclared-prefix:${prefix}`;
  return { ns, local };
}

// elements lists the element children, optionally only those matching a namespace test and local name.
export function elements(el: XmlElement, local?: string, nsTest?: (ns: string) => boolean): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    if (local !== undefined && c.local !== local) continue;
    if (nsTest !== undefined && !nsTest(c.ns)) continue;
    out.push(c);
  }
  return out;
}

// child returns the first element child in namespace `ns` (a URI or a test) with this local name.
export function child(el: XmlElement, ns: string | ((ns: string) => boolean), local: string): XmlElement | null {
  const test = typeof ns === 'string' ? (n: string) => n === ns : ns;
  return elements(el, local, test)[0] ?? null;
}

// attr returns an attribute value by local name (and namespace, '' for unprefixed), or null.
export function attr(el: XmlElement, local: string, ns = ''): string | null {
  return el.attrs.find((a) => a.local === local && a.ns === ns)?.value ?? null;
}

// textContent concatenates all descendant text, as the DOM property of that name does.
export function textContent(el: XmlElement): string {
  let out = '';
  for (const c of el.children) out += typeof c === 'string' ? c : textContent(c);
  return out;
}

// releaseChildren empties an element once the parse stage has read it: the tree is read once, and
// a 10 MB feed's item subtrees would otherwise all live until its last item is read.
export function releaseChildren(el: XmlElement): void {
  (el.children as XmlNode[]).length = 0;
}

// hasElementChildren tells whether an element holds markup rather than only text.
export function hasElementChildren(el: XmlElement): boolean {
  return el.children.some((c) => typeof c !== 'string');
}
