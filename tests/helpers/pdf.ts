// Writes real PDF files by hand for tests and the bench: one Type0 font (Identity-H, two-byte CIDs)
// whose ToUnicode CMap maps every CID back to its character, as Korean office software exports do,
// with correct xref offsets. With a user password the file uses the Standard security handler
// (V 1, R 2: RC4 with a 40-bit key, PDF 1.7 §7.6.3), so a reader must ask for the password.
import { createHash } from 'node:crypto';

export interface PdfOptions {
  /** Paragraphs per page; long paragraphs wrap, and a page that overflows continues on a new one. */
  readonly pages: readonly (readonly string[])[];
  /** Encrypt with this user password (non-empty: an empty one opens without asking). */
  readonly userPassword?: string;
}

const LINE_CHARS = 40;
const LINES_PER_PAGE = 48;
// PDF 1.7 §7.6.3.3, algorithm 2 step a: the 32 bytes that pad passwords.
const PAD = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');
const FILE_ID = Buffer.from('72656769f66e776972652d7465737421', 'hex');

// buildPdf returns the bytes of a PDF with the given text.
export function buildPdf(opts: PdfOptions): Buffer {
  const chars = [...new Set(opts.pages.flat().join('').replace(/\s/g, ' ') + ' ')];
  const cid = new Map(chars.map((ch, i) => [ch, i + 1]));
  const pages = opts.pages.flatMap((paragraphs) => paginate(paragraphs.flatMap((p) => [...wrap(p), ''])));
  const security = opts.userPassword === undefined ? null : standardSecurity(opts.userPassword);

  const objects: (string | Buffer)[] = [];
  const add = (body: string | Buffer) => objects.push(body);
  const stream = (num: number, dict: string, data: Buffer) => {
    const bytes = security === null ? data : rc4(objectKey(security.key, num), data);
    return Buffer.concat([Buffer.from(`<< ${dict} /Length ${bytes.length} >>\nstream\n`, 'latin1'), bytes, Buffer.from('\nendstream', 'latin1')]);
  };
  const firstPage = 7;
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(`<< /Type /Pages /Count ${pages.length} /Kids [${pages.map((_, i) => `${firstPage + 2 * i} 0 R`).join(' ')}] >>`);
  add('<< /Type /Font /Subtype /Type0 /BaseFont /RegionwireGothic /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 6 0 R >>');
  add('<< /Type /Font /Subtype /CIDFontType2 /BaseFont /RegionwireGothic /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 5 0 R /DW 1000 /CIDToGIDMap /Identity >>');
  add('<< /Type /FontDescriptor /FontName /RegionwireGothic /Flags 4 /FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>');
  add(stream(6, '', Buffer.from(toUnicodeCMap(cid), 'latin1')));
  pages.forEach((lines, i) => {
    const num = firstPage + 2 * i;
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${num + 1} 0 R >>`);
    add(stream(num + 1, '', Buffer.from(contentStream(lines, cid), 'latin1')));
  });
  if (security !== null) add(security.dict);

  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n', 'latin1')];
  const offsets: number[] = [];
  let length = parts[0]?.length ?? 0;
  objects.forEach((body, i) => {
    offsets.push(length);
    const bytes = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), typeof body === 'string' ? Buffer.from(body, 'latin1') : body, Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(bytes);
    length += bytes.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n`, '0000000000 65535 f \n', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  const encrypt = security === null ? '' : ` /Encrypt ${objects.length} 0 R`;
  const trailer = `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${encrypt} /ID [<${FILE_ID.toString('hex')}> <${FILE_ID.toString('hex')}>] >>\nstartxref\n${length}\n%%EOF\n`;
  parts.push(Buffer.from(xref + trailer, 'latin1'));
  return Buffer.concat(parts);
}

// Wraps at spaces near LINE_CHARS, as a layout engine would; Korean text is spaced by words.
function wrap(paragraph: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(/\s+/).filter(Boolean)) {
    if (line !== '' && line.length + 1 + word.length > LINE_CHARS) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

function paginate(lines: string[]): string[][] {
  const pages: string[][] = [];
  for (let i = 0; i < lines.length; i += LINES_PER_PAGE) pages.push(lines.slice(i, i + LINES_PER_PAGE));
  return pages.length === 0 ? [[]] : pages;
}

function contentStream(lines: readonly string[], cid: ReadonlyMap<string, number>): string {
  const hex = (line: string) => [...line].map((ch) => (cid.get(ch) ?? 1).toString(16).padStart(4, '0')).join('');
  const shown = lines.map((line) => (line === '' ? 'T*' : `<${hex(line)}> Tj T*`));
  return `BT\n/F1 11 Tf\n16 TL\n72 790 Td\n${shown.join('\n')}\nET`;
}

function toUnicodeCMap(cid: ReadonlyMap<string, number>): string {
  const entries = [...cid].map(([ch, code]) => `<${code.toString(16).padStart(4, '0')}> <${Buffer.from(ch, 'utf16le').swap16().toString('hex')}>`);
  const blocks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const block = entries.slice(i, i + 100);
    blocks.push(`${block.length} beginbfchar\n${block.join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

interface Security {
  readonly key: Buffer;
  readonly dict: string;
}

// Algorithms 2, 3 and 4 of PDF 1.7 §7.6.3 for revision 2; the owner password is fixed.
function standardSecurity(userPassword: string): Security {
  const permissions = -44;
  const padded = (password: string) => Buffer.concat([Buffer.from(password, 'latin1'), PAD]).subarray(0, 32);
  const ownerKey = md5(padded('regionwire-owner')).subarray(0, 5);
  const o = rc4(ownerKey, padded(userPassword));
  const p = Buffer.alloc(4);
  p.writeInt32LE(permissions, 0);
  const key = md5(Buffer.concat([padded(userPassword), o, p, FILE_ID])).subarray(0, 5);
  const u = rc4(key, PAD);
  return { key, dict: `<< /Filter /Standard /V 1 /R 2 /O <${o.toString('hex')}> /U <${u.toString('hex')}> /P ${permissions} >>` };
}

// Algorithm 1: each object's key is the file key with the object number and generation appended.
function objectKey(key: Buffer, num: number): Buffer {
  const extra = Buffer.from([num & 0xff, (num >> 8) & 0xff, (num >> 16) & 0xff, 0, 0]);
  return md5(Buffer.concat([key, extra])).subarray(0, Math.min(key.length + 5, 16));
}

function md5(data: Buffer): Buffer {
  return createHash('md5').update(data).digest();
}

// RC4, written out because OpenSSL 3 keeps it in the legacy provider Node does not load.
function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Uint8Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + (s[i] ?? 0) + (key[i % key.length] ?? 0)) & 0xff;
    [s[i], s[j]] = [s[j] ?? 0, s[i] ?? 0];
  }
  const out = Buffer.alloc(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 0xff;
    j = (j + (s[i] ?? 0)) & 0xff;
    [s[i], s[j]] = [s[j] ?? 0, s[i] ?? 0];
    out[n] = (data[n] ?? 0) ^ (s[((s[i] ?? 0) + (s[j] ?? 0)) & 0xff] ?? 0);
  }
  return out;
}
