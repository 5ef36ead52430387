// Reads a document once, with sax in strict mode, straight into the namespace-aware element tree
// the mappers use: every element with its attributes and its text and child elements in document
// order (a feed library's own mapping drops attributes such as type, mode, xml:base and rel,
// namespaces and the order of mixed content, so the mappers read the tree instead).
import sax from 'sax';
import { documentScope, openElement, type Inherited, type XmlElement, type XmlNode } from './xml-tree.js';

export type ReadXmlResult =
  | { readonly ok: true; readonly root: XmlElement }
  | {
      readonly ok: false;
      readonly message: string;
      /** The document ended with elements still open (sax's "Unclosed root tag"). */
      readonly truncated: boolean;
    };

// sax reports syntax errors as "<reason>\nLine: <n>\nColumn: <n>\nChar: <c>".
const SAX_ERROR = /^([^\n]*)\nLine: (\d+)\nColumn: (\d+)/;

// Pathologically deep documents would overflow the mappers' recursion; real feeds nest a dozen
// levels at most. Elements below this depth are left out (their parent keeps its own text).
const MAX_DEPTH = 200;

interface Open {
  readonly inherited: Inherited;
  /** null for an element left out (too deep): its text and children are dropped too. */
  readonly children: XmlNode[] | null;
}

/** Thrown from a sax handler to stop reading once the outcome is known. */
class Done extends Error {}

// readXml parses well-formed XML into the element tree, or says why it is not well-formed. What
// follows the document element is not read: the outcome is known when it closes.
export function readXml(text: string, documentUrl: string): ReadXmlResult {
  const parser = sax.parser(true, { trim: false, normalize: false, xmlns: false });
  const stack: Open[] = [];
  let root: XmlElement | null = null;
  let error: Error | null = null;

  parser.onopentag = (tag) => {
    const parent = stack[stack.length - 1];
    if (stack.length >= MAX_DEPTH + 1 || (parent !== undefined && parent.children === null)) {
      stack.push({ inherited: parent?.inherited ?? documentScope(documentUrl), children: null });
      return;
    }
    const { element, children } = openElement(tag.name, tag.attributes as Record<string, string>, parent?.inherited ?? documentScope(documentUrl));
    if (parent === undefined) root = element;
    else parent.children?.push(element);
    stack.push({ inherited: element, children });
  };
  parser.onclosetag = () => {
    stack.pop();
    if (stack.length === 0) throw new Done();
  };
  const onText = (chunk: string) => {
    stack[stack.length - 1]?.children?.push(chunk);
  };
  parser.ontext = onText;
  parser.oncdata = onText;
  parser.onerror = (err) => {
    error = err;
    throw new Done();
  };

  try {
    parser.write(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).close();
  } catch (err) {
    if (!(err instanceof Done)) throw err;
  }
  if (error !== null) return syntaxError(error);
  if (root === null || stack.length > 0) return { ok: false, message: 'no root element', truncated: false };
  return { ok: true, root };
}

function syntaxError(err: Error): ReadXmlResult {
  const syntax = SAX_ERROR.exec(err.message);
  if (syntax === null) return { ok: false, message: err.message, truncated: false };
  const reason = syntax[1] ?? '';
  const where = `line ${Number(syntax[2]) + 1}, column ${syntax[3]}`;
  return { ok: false, message: `${reason} at ${where}`, truncated: reason === 'Unclosed root tag' };
}
