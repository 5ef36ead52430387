// HWP 5.0: an OLE2 compound file (read with cfb). FileHeader says whether the streams are
// compressed (raw deflate, no zlib header) and whether the document is locked; BodyText/Section<n>
// hold the paragraphs as records (hwp-records.ts); PrvText is a UTF-16LE preview of the first
// thousand or so characters, the fallback when BodyText cannot be read.
import { inflateRawSync } from 'node:zlib';
import CFB from 'cfb';
import { AttachmentProblem, checkDeadline, tooLarge, type ReadLimits } from './attachment-problem.js';
import { readSectionText } from './hwp-records.js';

export const HWP_MEDIA_TYPE = 'application/x-hwp';

// FileHeader: a 32-byte signature, then the version DWORD at 32 and the properties DWORD at 36.
const SIGNATURE = 'HWP Document File';
const COMPRESSED = 1 << 0;
const PASSWORD = 1 << 1;
const DISTRIBUTION = 1 << 2;
// DRM (bit 4), certificate encryption (bit 8) and certificate DRM (bit 10) lock the streams too.
const LOCKED = (1 << 4) | (1 << 8) | (1 << 10);

export interface HwpText {
  readonly text: string;
  readonly warning: string | null;
}

// isHwpContainer says whether an OLE2 file holds a FileHeader stream with the HWP signature.
export function isHwpContainer(cfb: CFB.CFB$Container): boolean {
  const header = streamBytes(cfb, 'FileHeader');
  return header !== null && header.length >= 40 && Buffer.from(header.subarray(0, SIGNATURE.length)).toString('latin1') === SIGNATURE;
}

// readHwpText returns the body text of an opened HWP 5.0 container, or the preview text with a warning.
export function readHwpText(cfb: CFB.CFB$Container, name: string, limits: ReadLimits): HwpText {
  const header = streamBytes(cfb, 'FileHeader');
  if (header === null || header.length < 40) throw new AttachmentProblem('corrupt', `detail: ${name}: the HWP FileHeader is missing or short`);
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
  const major = view.getUint32(32, true) >>> 24;
  if (major !== 5) {
    throw new AttachmentProblem('unsupported', `detail: ${name}: HWP version ${major} is not read; only HWP 5.x and HWPX are`);
  }
  const props = view.getUint32(36, true);
  if (props & DISTRIBUTION) {
    throw new AttachmentProblem('encrypted', `detail: ${name}: a 배포용 (distribution) HWP document; its text is encrypted and cannot be read`);
  }
  if (props & (PASSWORD | LOCKED)) {
    throw new AttachmentProblem('encrypted', `detail: ${name}: the HWP document is password- or DRM-protected; its text cannot be read`);
  }
  try {
    return { text: readBodyText(cfb, (props & COMPRESSED) !== 0, name, limits), warning: null };
  } catch (error) {
    // A cap or the clock ends the read outright: the preview would only hide that.
    if (error instanceof AttachmentProblem) throw error;
    const preview = streamBytes(cfb, 'PrvText');
    const why = (error as Error).message;
    if (preview === null || preview.length < 2) {
      throw new AttachmentProblem('corrupt', `detail: ${name}: the HWP body cannot be read (${why}) and there is no preview text`, { cause: error });
    }
    const text = Buffer.from(preview.buffer, preview.byteOffset, preview.byteLength & ~1).toString('utf16le');
    return { text, warning: `detail: ${name}: the HWP body cannot be read (${why}); used its preview text, only the start of the document` };
  }
}

// readBodyText joins the sections in their numeric order (Section10 after Section9).
function readBodyText(cfb: CFB.CFB$Container, compressed: boolean, name: string, limits: ReadLimits): string {
  const sections = cfb.FullPaths.flatMap((path, i) => {
    const m = /\/BodyText\/Section(\d+)$/i.exec(path);
    const entry = cfb.FileIndex[i];
    return m?.[1] !== undefined && entry !== undefined ? [{ n: Number(m[1]), content: entry.content }] : [];
  });
  if (sections.length === 0) throw new Error('there is no BodyText/Section stream');
  sections.sort((a, b) => a.n - b.n);
  let budget = limits.maxBytes;
  const texts: string[] = [];
  for (const { n, content } of sections) {
    checkDeadline(limits, name);
    const raw = Buffer.from(content);
    let stream: Buffer;
    try {
      stream = compressed ? inflateRawSync(raw, { maxOutputLength: Math.max(1, budget) }) : raw;
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(name, 'the HWP body', limits.maxBytes);
      throw new Error(`Section${n} does not inflate: ${(error as Error).message}`, { cause: error });
    }
    if (stream.length > budget) throw tooLarge(name, 'the HWP body', limits.maxBytes);
    budget -= stream.length;
    try {
      texts.push(readSectionText(stream));
    } catch (error) {
      throw new Error(`Section${n}: ${(error as Error).message}`, { cause: error });
    }
  }
  return texts.join('\n');
}

// streamBytes finds a stream by its path under the root ("BodyText/Section0"), case-insensitively
// as OLE2 names are; cfb.find wants the root's name in front for nested paths.
function streamBytes(cfb: CFB.CFB$Container, path: string): Uint8Array | null {
  const entry = CFB.find(cfb, `/${path}`);
  if (entry === null || entry.type !== 2 || entry.content === undefined) return null;
  return entry.content instanceof Uint8Array ? entry.content : Uint8Array.from(entry.content);
}
