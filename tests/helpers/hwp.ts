// Builds real HWP 5.0 files (an OLE2 compound file written by cfb) for tests and the bench, after
// the "한글 문서 파일 형식 5.0" spec: FileHeader, DocInfo, BodyText/Section<n> record streams (raw
// deflate when compressed) and the PrvText preview. Nothing here reads HWP: that is src/detail.
import { deflateRawSync } from 'node:zlib';
import CFB from 'cfb';

/** A block of a section: a paragraph ('\t' becomes a tab control, '\n' a line break), a table whose
 * cells hold one paragraph each, or a hidden comment (숨은 설명), which readers should skip. */
export type HwpBlock = string | { readonly table: readonly (readonly string[])[] } | { readonly hiddenComment: string };

export interface HwpOptions {
  readonly sections: readonly (readonly HwpBlock[])[];
  /** FileHeader bit 0; streams are raw-deflated (default true). */
  readonly compressed?: boolean;
  /** FileHeader bit 1: the document has a password. */
  readonly password?: boolean;
  /** FileHeader bit 2: a 배포용 (distribution) document. */
  readonly distribution?: boolean;
  /** The PrvText stream; default: the paragraphs' text, cut to 1,000 characters as Hangul does. */
  readonly prvText?: string | null;
  /** Leave out the BodyText storage (default false). */
  readonly withoutBodyText?: boolean;
  /** Replace Section0's bytes (to test a damaged stream). */
  readonly section0Bytes?: Buffer;
}

const TAG = {
  documentProperties: 16,
  paraHeader: 66,
  paraText: 67,
  paraCharShape: 68,
  paraLineSeg: 69,
  ctrlHeader: 71,
  listHeader: 72,
  pageDef: 73,
  table: 77,
} as const;

// buildHwp returns the bytes of an HWP 5.0 document with the given sections.
export function buildHwp(opts: HwpOptions): Buffer {
  const compressed = opts.compressed ?? true;
  const pack = (data: Buffer): Buffer => (compressed ? deflateRawSync(data) : data);
  const cfb = CFB.utils.cfb_new();
  CFB.utils.cfb_add(cfb, 'FileHeader', fileHeader(compressed, opts.password === true, opts.distribution === true));
  CFB.utils.cfb_add(cfb, 'DocInfo', pack(docInfo(opts.sections.length)));
  if (opts.withoutBodyText !== true) {
    opts.sections.forEach((blocks, i) => {
      const bytes = i === 0 && opts.section0Bytes !== undefined ? opts.section0Bytes : pack(section(blocks));
      CFB.utils.cfb_add(cfb, `BodyText/Section${i}`, bytes);
    });
  }
  const prv = opts.prvText === undefined ? previewText(opts.sections) : opts.prvText;
  if (prv !== null) CFB.utils.cfb_add(cfb, 'PrvText', Buffer.from(prv, 'utf16le'));
  // cfb also writes its own placeholder stream ("\u0001Sh33tJ5"); readers ignore unknown streams.
  return Buffer.from(CFB.write(cfb, { type: 'buffer' }) as Uint8Array);
}

// hwpLines is what a correct reader returns for the sections, one non-empty paragraph per entry:
// table cells in reading order, hidden comments left out.
export function hwpLines(sections: readonly (readonly HwpBlock[])[]): string[] {
  return sections.flatMap((blocks) =>
    blocks.flatMap((b) => (typeof b === 'string' ? b.split('\n') : 'table' in b ? b.table.flat() : [])),
  );
}

function previewText(sections: readonly (readonly HwpBlock[])[]): string {
  const lines = sections.flatMap((blocks) =>
    blocks.map((b) => (typeof b === 'string' ? b : 'table' in b ? b.table.map((row) => row.map((c) => `<${c}>`).join('')).join('') : '')),
  );
  return lines.join('\r\n').slice(0, 1000);
}

function fileHeader(compressed: boolean, password: boolean, distribution: boolean): Buffer {
  const header = Buffer.alloc(256);
  header.write('HWP Document File', 0, 'latin1');
  header.writeUInt32LE(0x05000300, 32); // 5.0.3.0
  header.writeUInt32LE((compressed ? 1 : 0) | (password ? 2 : 0) | (distribution ? 4 : 0), 36);
  return header;
}

function docInfo(sectionCount: number): Buffer {
  const props = Buffer.alloc(26);
  props.writeUInt16LE(sectionCount, 0);
  for (let i = 2; i < 14; i += 2) props.writeUInt16LE(1, i); // page, footnote, … start numbers
  return record(TAG.documentProperties, 0, props);
}

function section(blocks: readonly HwpBlock[]): Buffer {
  const out: Buffer[] = [];
  blocks.forEach((block, i) => {
    // Hangul puts the section and column definitions at the start of a section's first paragraph.
    const lead = i === 0 ? [extended(2, 'secd'), extended(2, 'cold')] : [];
    if (typeof block === 'string') {
      out.push(...paragraph(0, [...lead, ...textChars(block)]));
    } else if ('table' in block) {
      out.push(...paragraph(0, [...lead, extended(11, 'tbl ')]));
      out.push(record(TAG.ctrlHeader, 1, ctrlId('tbl ', 40)), record(TAG.table, 2, Buffer.alloc(22)));
      for (const row of block.table) {
        for (const cell of row) {
          out.push(record(TAG.listHeader, 2, Buffer.alloc(34)), ...paragraph(2, textChars(cell)));
        }
      }
    } else {
      out.push(...paragraph(0, [...lead, extended(15, 'tcmt')]));
      out.push(record(TAG.ctrlHeader, 1, ctrlId('tcmt', 0)), record(TAG.listHeader, 2, Buffer.alloc(6)));
      out.push(...paragraph(2, textChars(block.hiddenComment)));
    }
    if (i === 0) out.push(record(TAG.ctrlHeader, 1, ctrlId('secd', 32)), record(TAG.pageDef, 2, Buffer.alloc(40)));
  });
  return Buffer.concat(out);
}

// paragraph writes PARA_HEADER at `level` and its text, char shape and line layout one level down.
function paragraph(level: number, chars: readonly Buffer[]): Buffer[] {
  const text = Buffer.concat([...chars, wchar(13)]);
  const header = Buffer.alloc(22);
  header.writeUInt32LE(text.length / 2, 0);
  header.writeUInt16LE(1, 12); // one char shape
  header.writeUInt16LE(1, 16); // one line segment
  return [
    record(TAG.paraHeader, level, header),
    record(TAG.paraText, level + 1, text),
    record(TAG.paraCharShape, level + 1, Buffer.alloc(8)),
    record(TAG.paraLineSeg, level + 1, Buffer.alloc(36)),
  ];
}

function textChars(text: string): Buffer[] {
  return [...text].map((ch) => (ch === '\t' ? inline(9) : ch === '\n' ? wchar(10) : Buffer.from(ch, 'utf16le')));
}

// An extended control: its code, the control id, 8 bytes of pointer data and the code again (8 WCHARs).
function extended(code: number, id: string): Buffer {
  return Buffer.concat([wchar(code), ctrlId(id, 0), Buffer.alloc(8), wchar(code)]);
}

// An inline control (a tab): its code, 12 bytes of data and the code again (8 WCHARs).
function inline(code: number): Buffer {
  const data = Buffer.alloc(12);
  data.writeUInt32LE(4000, 0); // tab width
  return Buffer.concat([wchar(code), data, wchar(code)]);
}

// MAKE_4CHID('t','b','l',' ') stored as a little-endian UINT32, followed by `extra` zero bytes.
function ctrlId(id: string, extra: number): Buffer {
  const b = Buffer.alloc(4 + extra);
  b.writeUInt32LE(((id.charCodeAt(0) << 24) | (id.charCodeAt(1) << 16) | (id.charCodeAt(2) << 8) | id.charCodeAt(3)) >>> 0, 0);
  return b;
}

function wchar(code: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(code, 0);
  return b;
}

// record writes a record header (tag 10 bits, level 10 bits, size 12 bits; 0xFFF and a DWORD when
// the data is 4,095 bytes or more) and the data.
function record(tag: number, level: number, data: Buffer): Buffer {
  const long = data.length >= 0xfff;
  const head = Buffer.alloc(long ? 8 : 4);
  head.writeUInt32LE((tag | (level << 10) | ((long ? 0xfff : data.length) << 20)) >>> 0, 0);
  if (long) head.writeUInt32LE(data.length, 4);
  return Buffer.concat([head, data]);
}
