// A strict XML 1.0 well-formedness check (sax in strict mode plus the character rules sax skips).
import sax from 'sax';

export interface XmlElement {
  readonly name: string;
  readonly attributes: Record<string, string>;
  /** Text and CDATA directly inside, concatenated. */
  text: string;
  readonly children: XmlElement[];
}

// Outside tab, LF, CR, everything below U+0020 is forbidden in XML 1.0, as are U+FFFE/U+FFFF.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

// parseXmlStrict throws on anything a strict XML parser would refuse and returns the element tree.
export function parseXmlStrict(xml: string): XmlElement {
  const bad = FORBIDDEN.exec(xml);
  if (bad) throw new Error(`forbidden character U+${bad[0].codePointAt(0)?.toString(16)} at ${bad.index}`);
  const parser = sax.parser(true, { xmlns: false });
  const root: XmlElement = { name: '#document', attributes: {}, text: '', children: [] };
  const stack: XmlElement[] = [root];
  let failure: Error | null = null;
  parser.onerror = (error) => {
    failure ??= error;
  };
  parser.onopentag = (tag) => {
    // Without xmlns, sax gives plain string attributes.
    const attributes = tag.attributes as Record<string, string>;
    const el: XmlElement = { name: tag.name, attributes, text: '', children: [] };
    stack.at(-1)?.children.push(el);
    stack.push(el);
  };
  parser.onclosetag = () => void stack.pop();
  parser.ontext = (text) => {
    const top = stack.at(-1);
    if (top) top.text += text;
  };
  parser.oncdata = parser.ontext;
  parser.write(xml).close();
  if (failure) throw failure;
  const [doc] = root.children;
  if (doc === undefined || root.children.length !== 1) throw new Error('not exactly one root element');
  return doc;
}

// findAll returns every element with the given name, depth first.
export function findAll(el: XmlElement, name: string): XmlElement[] {
  return el.children.flatMap((c) => [...(c.name === name ? [c] : []), ...findAll(c, name)]);
}
