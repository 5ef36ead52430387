// The record walk of an HWP 5.0 BodyText/Section stream (spec "한글 문서 파일 형식 5.0", §4.1 data
// records, §4.3.2 paragraph text, table 6 control characters). The only part of reading HWP that is
// hand-written: cfb opens the container and zlib inflates the stream.

// HWPTAG_BEGIN (0x10) + 50 and + 51.
const HWPTAG_PARA_HEADER = 66;
const HWPTAG_PARA_TEXT = 67;
const HWPTAG_CTRL_HEADER = 71;

// Controls whose paragraph lists are not document text: 숨은 설명 (hidden comment), MAKE_4CHID('t','c','m','t').
const SKIPPED_CONTROLS = new Set([0x74636d74]);

// Table 6. Char controls take one WCHAR; inline and extended controls take eight (the code, six
// WCHARs of data or a pointer to a control record, and the code again).
const ONE_WCHAR = new Set([0, 10, 13, 24, 25, 26, 27, 28, 29, 30, 31]);
const TAB = 9;
// Line break, hyphen, 묶음 빈칸 (no-break space) and 고정폭 빈칸 (fixed-width space).
const CHAR_CONTROL_TEXT = new Map([
  [10, 0x0a],
  [24, 0x2d],
  [30, 0x20],
  [31, 0x20],
]);

const UTF16LE = new TextDecoder('utf-16le');

interface RecordHeader {
  readonly tag: number;
  readonly level: number;
  readonly start: number;
  readonly end: number;
}

// readSectionText returns the paragraphs of one decompressed section stream, one per line, in
// stream order: a table's cells and a text box's paragraphs are nested paragraph records, so they
// come out as paragraphs of their own right after the paragraph that holds the table.
export function readSectionText(stream: Uint8Array): string {
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  const paragraphs: string[] = [];
  // While inside a skipped control, the level of its CTRL_HEADER: records deeper than it belong to it.
  let skipAbove: number | null = null;
  for (const rec of walkRecords(view)) {
    if (skipAbove !== null && rec.level > skipAbove) continue;
    skipAbove = null;
    if (rec.tag === HWPTAG_CTRL_HEADER && rec.end - rec.start >= 4 && SKIPPED_CONTROLS.has(view.getUint32(rec.start, true))) {
      skipAbove = rec.level;
    } else if (rec.tag === HWPTAG_PARA_HEADER) {
      // Every paragraph starts a line, even an empty one without a PARA_TEXT record.
      paragraphs.push('');
    } else if (rec.tag === HWPTAG_PARA_TEXT && paragraphs.length > 0) {
      paragraphs[paragraphs.length - 1] += decodeParaText(view, rec.start, rec.end);
    }
  }
  return paragraphs.join('\n');
}

// walkRecords yields each record's header: tag 10 bits, level 10 bits, size 12 bits, and when the
// size is 0xFFF the real size in the DWORD that follows. A record cut short means a damaged stream.
function* walkRecords(view: DataView): Generator<RecordHeader> {
  let pos = 0;
  while (pos < view.byteLength) {
    const start = pos;
    if (pos + 4 > view.byteLength) throw cutShort(start, view);
    const head = view.getUint32(pos, true);
    pos += 4;
    let size = head >>> 20;
    if (size === 0xfff) {
      if (pos + 4 > view.byteLength) throw cutShort(start, view);
      size = view.getUint32(pos, true);
      pos += 4;
    }
    if (pos + size > view.byteLength) throw cutShort(start, view);
    yield { tag: head & 0x3ff, level: (head >>> 10) & 0x3ff, start: pos, end: pos + size };
    pos += size;
  }
}

function cutShort(at: number, view: DataView): Error {
  return new Error(`the record at byte ${at} of ${view.byteLength} is cut short`);
}

// decodeParaText reads a PARA_TEXT record: UTF-16LE text with control characters below 32 mixed in.
function decodeParaText(view: DataView, start: number, end: number): string {
  const units = new Uint16Array((end - start) >>> 1);
  let n = 0;
  let i = start;
  while (i + 2 <= end) {
    const code = view.getUint16(i, true);
    if (code >= 32) {
      units[n++] = code;
      i += 2;
    } else if (ONE_WCHAR.has(code)) {
      // 13 ends the paragraph (the next PARA_HEADER starts a line); 0 and 25–29 are not text.
      const text = CHAR_CONTROL_TEXT.get(code);
      if (text !== undefined) units[n++] = text;
      i += 2;
    } else {
      // A tab, or a table, field, footnote…: their text, if any, is in nested paragraph records.
      if (code === TAB) units[n++] = 0x09;
      i += 16;
    }
  }
  return UTF16LE.decode(units.subarray(0, n));
}
