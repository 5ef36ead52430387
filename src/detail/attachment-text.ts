// The text of a downloaded attachment. The format comes from the bytes, never from the name or
// the server's Content-Type: Korean boards serve everything as application/octet-stream, name
// files "보도자료.hwp" that are HWPX, and answer a lost session with an HTML page.
import CFB from 'cfb';
import type { AttachmentFormat, AttachmentText } from '../model.js';
import { AttachmentProblem, type ReadLimits } from './attachment-problem.js';
import { HWP_MEDIA_TYPE, isHwpContainer, readHwpText } from './hwp-text.js';
import { HWPX_MEDIA_TYPE, readHwpxText } from './hwpx-text.js';
import { normalizeText } from './normalize-text.js';
import { PDF_MEDIA_TYPE, readPdfText } from './pdf-text.js';

export interface AttachmentTextOptions {
  /** Most bytes a file may expand to (HWP streams, HWPX parts, PDF text); default 64 MiB. */
  readonly maxBytes?: number;
  /** Give up after this long, checked between sections and pages; default 20 s. */
  readonly timeoutMs?: number;
}

export const DEFAULT_MAX_EXPANDED_BYTES = 64 * 1024 * 1024;
export const DEFAULT_READ_TIMEOUT_MS = 20_000;

const OLE2 = Buffer.from('d0cf11e0a1b11ae1', 'hex');
const ZIP = Buffer.from('PK\x03\x04', 'latin1');
const PDF = Buffer.from('%PDF-', 'latin1');
const HWP_SIGNATURE = Buffer.from('HWP Document File', 'latin1');

type KnownFormat = Exclude<AttachmentFormat, 'unknown'>;

const MEDIA_TYPES: Record<KnownFormat, string> = {
  hwp: HWP_MEDIA_TYPE,
  hwpx: HWPX_MEDIA_TYPE,
  pdf: PDF_MEDIA_TYPE,
};

interface Read {
  readonly format: KnownFormat;
  readonly text: string;
  readonly warning: string | null;
}

// readAttachmentText identifies a file by its bytes and returns its text, or why there is none;
// it never throws and never runs an external program.
export async function readAttachmentText(bytes: Uint8Array, name: string, opts: AttachmentTextOptions = {}): Promise<AttachmentText> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const limits: ReadLimits = {
    maxBytes: opts.maxBytes ?? DEFAULT_MAX_EXPANDED_BYTES,
    deadline: Date.now() + (opts.timeoutMs ?? DEFAULT_READ_TIMEOUT_MS),
  };
  // Until its container opens, a file is named after what its bytes mention: a truncated HWP may
  // have lost its FileHeader, which sits at the end, and is then only a damaged OLE2 file.
  const guess = guessFormat(buf);
  try {
    const read = await readKnown(buf, guess, name, limits);
    if (read === null) return unsupported(buf, name);
    const text = normalizeText(read.text);
    const empty = text === '' && read.warning === null ? `detail: ${name}: the file holds no text (a scanned or image-only document?)` : null;
    return { ok: true, format: read.format, mediaType: MEDIA_TYPES[read.format], text, warning: read.warning ?? empty };
  } catch (error) {
    const problem = error instanceof AttachmentProblem ? error : damaged(error, buf, guess, name);
    const mediaType = guess === 'unknown' ? null : MEDIA_TYPES[guess];
    return { ok: false, format: guess, mediaType, error: { kind: problem.kind, message: problem.message, cause: problem.cause ?? error } };
  }
}

// readKnown opens the container the magic bytes announce; null when it holds none of our formats.
async function readKnown(buf: Buffer, guess: AttachmentFormat, name: string, limits: ReadLimits): Promise<Read | null> {
  if (startsWith(buf, OLE2)) {
    const cfb = CFB.read(buf, { type: 'buffer' });
    return isHwpContainer(cfb) ? { format: 'hwp', ...readHwpText(cfb, name, limits) } : null;
  }
  if (startsWith(buf, ZIP)) {
    const text = readHwpxText(buf, name, limits);
    return text === null ? null : { format: 'hwpx', text, warning: null };
  }
  if (guess === 'pdf') return { format: 'pdf', text: await readPdfText(buf, name, limits), warning: null };
  if (guess === 'hwp') {
    throw new AttachmentProblem('unsupported', `detail: ${name}: an HWP 3.x file; only HWP 5.x is read (save it as HWP 5 or HWPX)`);
  }
  return null;
}

// guessFormat names the format the bytes point to before anything is parsed.
function guessFormat(buf: Buffer): AttachmentFormat {
  if (startsWith(buf, OLE2)) return buf.includes(HWP_SIGNATURE) ? 'hwp' : 'unknown';
  if (startsWith(buf, ZIP)) return buf.includes(HWPX_MEDIA_TYPE) || buf.includes('Contents/section0.xml') ? 'hwpx' : 'unknown';
  // PDF readers accept a header within the first 1,024 bytes (PDF 1.7 annex H.3, note 1).
  if (buf.subarray(0, 1024).includes(PDF)) return 'pdf';
  // HWP 3.x starts with the signature itself, without the OLE2 container.
  if (startsWith(buf, HWP_SIGNATURE)) return 'hwp';
  return 'unknown';
}

function unsupported(buf: Buffer, name: string): AttachmentText {
  const message = `detail: ${name}: ${describeUnknown(buf)}; only HWP, HWPX and PDF are read`;
  return { ok: false, format: 'unknown', mediaType: null, error: { kind: 'unsupported', message } };
}

// describeUnknown says what an unreadable file looks like, so a person can tell a wrong download
// link (an HTML error page) from a format we do not read (a Word file, an image).
function describeUnknown(buf: Buffer): string {
  if (buf.length === 0) return 'the file is empty';
  if (startsWith(buf, OLE2)) return 'an OLE2 file that is not HWP (a Word, Excel or PowerPoint 97–2003 file?)';
  if (startsWith(buf, ZIP)) return 'a ZIP archive that is not HWPX (DOCX, XLSX or a plain archive?)';
  const head = buf.subarray(0, 512).toString('latin1').trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || head.includes('<body')) {
    return 'an HTML page instead of a file (the download link may need a session, a referer or a POST)';
  }
  return `an unknown format (starts with ${buf.subarray(0, 8).toString('hex')})`;
}

// damaged turns whatever a container library threw on broken bytes into a 'corrupt' problem.
function damaged(error: unknown, buf: Buffer, format: AttachmentFormat, name: string): AttachmentProblem {
  const why = error instanceof Error ? error.message : String(error);
  const container = startsWith(buf, OLE2) ? 'OLE2 compound file' : startsWith(buf, ZIP) ? 'ZIP archive' : 'file';
  const what = format === 'unknown' ? container : `${format.toUpperCase()} file`;
  return new AttachmentProblem('corrupt', `detail: ${name}: a damaged ${what} (${why})`, { cause: error });
}

function startsWith(buf: Buffer, magic: Buffer): boolean {
  return buf.length >= magic.length && buf.subarray(0, magic.length).equals(magic);
}
