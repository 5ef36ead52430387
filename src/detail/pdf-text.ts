// PDF: the text layer, page by page, with pdf.js (the serverless build unpdf ships, which runs in
// this thread: no worker file to load). Korean PDFs from office software use Identity-H fonts with
// a ToUnicode CMap, which pdf.js reads from the file itself.
import { getDocumentProxy } from 'unpdf';
import { AttachmentProblem, checkDeadline, tooLarge, type ReadLimits } from './attachment-problem.js';

export const PDF_MEDIA_TYPE = 'application/pdf';

// Everything pdf.js could load from elsewhere stays off: no CMap or standard-font URLs (a
// predefined CJK CMap without ToUnicode then gives no text rather than a download), no wasm image
// decoders, no fetch from its worker, no eval, no system fonts. Warnings stay out of the log.
const OFFLINE = {
  cMapUrl: undefined,
  standardFontDataUrl: undefined,
  useWorkerFetch: false,
  useWasm: false,
  useSystemFonts: false,
  disableFontFace: true,
  isEvalSupported: false,
  enableXfa: false,
  stopAtErrors: false,
  verbosity: 0,
};

// The parts of pdf.js's API used here; unpdf's bundled type declarations resolve to `any`.
interface PdfTextItem {
  readonly str?: string;
  readonly hasEOL?: boolean;
}
interface PdfPage {
  getTextContent(): Promise<{ readonly items: readonly PdfTextItem[] }>;
  cleanup(): void;
}
interface PdfDocument {
  readonly numPages: number;
  getPage(n: number): Promise<PdfPage>;
  destroy(): Promise<void>;
}

// readPdfText returns the text of every page, one line per text line, pages separated by a blank line.
export async function readPdfText(bytes: Uint8Array, name: string, limits: ReadLimits): Promise<string> {
  let doc: PdfDocument;
  try {
    // pdf.js may take over the buffer it is given, so it gets its own copy.
    doc = await getDocumentProxy(new Uint8Array(bytes), OFFLINE);
  } catch (error) {
    throw openProblem(error, name);
  }
  try {
    const pages: string[] = [];
    let chars = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      checkDeadline(limits, name);
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const text = content.items.map((item) => (item.str ?? '') + (item.hasEOL === true ? '\n' : '')).join('');
      page.cleanup();
      // Text is held as UTF-16: two bytes a code unit.
      chars += text.length;
      if (chars * 2 > limits.maxBytes) throw tooLarge(name, 'the PDF text', limits.maxBytes);
      pages.push(text);
    }
    return pages.join('\n\n');
  } finally {
    await doc.destroy();
  }
}

// pdf.js names its errors: PasswordException (a user password is needed, or the one given is
// wrong), InvalidPDFException (no PDF structure found), others for damaged streams.
function openProblem(error: unknown, name: string): AttachmentProblem {
  const kind = (error as { name?: string }).name;
  if (kind === 'PasswordException') {
    return new AttachmentProblem('encrypted', `detail: ${name}: the PDF needs a password to open; its text cannot be read`, { cause: error });
  }
  const why = error instanceof Error ? error.message : String(error);
  return new AttachmentProblem('corrupt', `detail: ${name}: not a readable PDF (${why})`, { cause: error });
}
