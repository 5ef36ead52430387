// Runs rss-parser's parseString with xml2js options that keep the whole element tree in document
// order, and captures that tree: rss-parser's own mapping drops attributes (type, mode, xml:base,
// rel), namespaces and the order of mixed content, so the mappers read the tree instead.
import Parser from 'rss-parser';
import type { RawNode } from './xml-tree.js';

export type ReadXmlResult =
  | { readonly ok: true; readonly root: RawNode }
  | {
      readonly ok: false;
      readonly message: string;
      /** The document ended with elements still open (sax's "Unclosed root tag"). */
      readonly truncated: boolean;
    };

// sax reports syntax errors as "<reason>\nLine: <n>\nColumn: <n>\nChar: <c>".
const SAX_ERROR = /^([^\n]*)\nLine: (\d+)\nColumn: (\d+)/;

// readXml parses well-formed XML into xml2js's ordered raw tree, or says why it is not well-formed.
export async function readXml(text: string): Promise<ReadXmlResult> {
  let root: RawNode | null = null;
  const parser = new Parser({
    xml2js: {
      explicitChildren: true,
      preserveChildrenOrder: true,
      charsAsChildren: true,
      includeWhiteChars: true,
      // Called for every closed element; the one whose path has a single step is the document element.
      validator: (xpath: string, _current: unknown, node: RawNode) => {
        if (root === null && xpath.lastIndexOf('/') === 0) root = node;
        return node;
      },
    },
  });
  try {
    await parser.parseString(text);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const syntax = SAX_ERROR.exec(message);
    if (syntax) {
      const reason = syntax[1] ?? '';
      const where = `line ${Number(syntax[2]) + 1}, column ${syntax[3]}`;
      return { ok: false, message: `${reason} at ${where}`, truncated: reason === 'Unclosed root tag' };
    }
    // rss-parser throws on well-formed documents it cannot map (no <channel>, unknown root, markup
    // inside <content>); the tree is complete by then and the caller decides what it is.
    if (root === null) return { ok: false, message, truncated: false };
  }
  if (root === null) return { ok: false, message: 'no root element', truncated: false };
  return { ok: true, root };
}
