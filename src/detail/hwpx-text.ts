// HWPX (KS X 6101, OWPML): a ZIP whose `mimetype` entry says application/hwp+zip and whose body is
// Contents/section0.xml, section1.xml, … Paragraphs are <hp:p>, their text the <hp:t> inside runs,
// with <hp:tab/> and <hp:lineBreak/> standing in for those characters.
import { unzipSync } from 'fflate';
import sax from 'sax';
import { AttachmentProblem, checkDeadline, tooLarge, type ReadLimits } from './attachment-problem.js';

export const HWPX_MEDIA_TYPE = 'application/hwp+zip';

const SECTION = /^Contents\/section(\d+)\.xml$/i;

// Characters written as empty elements inside <hp:t>.
const INLINE_CHARS = new Map([
  ['tab', '\t'],
  ['lineBreak', '\n'],
  ['nbSpace', ' '],
  ['fwSpace', ' '],
  ['hyphen', '-'],
]);

// readHwpxText returns the paragraphs of every section, or null when the ZIP is not HWPX at all.
export function readHwpxText(bytes: Uint8Array, name: string, limits: ReadLimits): string | null {
  let declared = 0;
  // fflate inflates each entry into a buffer of its declared size and no larger, so summing the
  // declared sizes before inflating bounds the memory a zip bomb can take.
  const files = unzipSync(bytes, {
    filter: (file) => {
      const wanted = file.name === 'mimetype' || file.name === 'META-INF/manifest.xml' || SECTION.test(file.name);
      if (!wanted) return false;
      declared += file.originalSize;
      if (declared > limits.maxBytes) throw tooLarge(name, 'the HWPX archive', limits.maxBytes);
      return true;
    },
  });
  const mimetype = files['mimetype'] === undefined ? '' : new TextDecoder().decode(files['mimetype']).trim();
  const sections = Object.keys(files)
    .flatMap((entry) => {
      const n = SECTION.exec(entry)?.[1];
      return n === undefined ? [] : [{ n: Number(n), entry }];
    })
    .sort((a, b) => a.n - b.n);
  if (mimetype !== HWPX_MEDIA_TYPE && !sections.some((s) => s.n === 0)) return null;
  const manifest = files['META-INF/manifest.xml'];
  if (manifest !== undefined && new TextDecoder().decode(manifest).includes('encryption-data')) {
    throw new AttachmentProblem('encrypted', `detail: ${name}: the HWPX document is password-protected; its text cannot be read`);
  }
  if (sections.length === 0) throw new AttachmentProblem('corrupt', `detail: ${name}: an HWPX archive without Contents/section0.xml`);
  return sections
    .map(({ entry }) => {
      checkDeadline(limits, name);
      return readSectionXml(new TextDecoder().decode(files[entry]), `${name}: ${entry}`);
    })
    .join('\n');
}

// readSectionXml collects paragraph texts in document order. A table's cells are paragraphs nested
// inside the paragraph holding the table; the text before the table is flushed first, so the
// order on the page survives.
function readSectionXml(xml: string, where: string): string {
  // Without xmlns processing sax runs about half again as fast; elements are told by local name,
  // whatever prefix the writer bound to the OWPML paragraph namespace.
  const parser = sax.parser(true, { xmlns: false, trim: false, normalize: false });
  const paragraphs: string[] = [];
  const open: string[] = [];
  const stack: string[] = [];
  let inText = 0;
  // Depth inside a subtree whose text is not document text (see skips()).
  let skipped = 0;
  let failure: Error | null = null;
  const append = (text: string) => {
    if (inText > 0 && skipped === 0 && stack.length > 0) stack[stack.length - 1] += text;
  };
  parser.onerror = (error) => {
    failure ??= error;
    parser.resume();
  };
  parser.onopentag = (tag) => {
    const local = tag.name.slice(tag.name.indexOf(':') + 1);
    if (skipped > 0 || skips(local, open.at(-1))) skipped += 1;
    open.push(local);
    if (skipped > 0) return;
    if (local === 'p') {
      const outer = stack.at(-1);
      if (outer !== undefined && outer !== '') {
        paragraphs.push(outer);
        stack[stack.length - 1] = '';
      }
      stack.push('');
    } else if (local === 't') {
      inText += 1;
    } else {
      const ch = INLINE_CHARS.get(local);
      if (ch !== undefined) append(ch);
    }
  };
  parser.onclosetag = () => {
    const local = open.pop();
    if (skipped > 0) {
      skipped -= 1;
      return;
    }
    if (local === 'p') paragraphs.push(stack.pop() ?? '');
    else if (local === 't') inText -= 1;
  };
  parser.ontext = append;
  parser.oncdata = append;
  parser.write(xml).close();
  if (failure !== null) {
    const line = /\nLine: (\d+)/.exec((failure as Error).message)?.[1];
    throw new AttachmentProblem('corrupt', `detail: ${where} is not well-formed XML${line === undefined ? '' : ` (line ${Number(line) + 1})`}`, {
      cause: failure,
    });
  }
  return paragraphs.join('\n');
}

// skips says whether an element's subtree holds no document text: a hidden comment (숨은 설명), or a
// <hp:case> of an <hp:switch>, whose <hp:default> sibling carries the same content again.
function skips(local: string, parent: string | undefined): boolean {
  return local === 'hiddenComment' || (local === 'case' && parent === 'switch');
}
