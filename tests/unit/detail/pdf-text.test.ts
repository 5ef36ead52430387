import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readAttachmentText } from '../../../src/detail/attachment-text.js';
import type { AttachmentText } from '../../../src/model.js';
import { RELEASE_PARAGRAPHS, releaseParagraphs } from '../../helpers/korean-text.js';
import { buildPdf } from '../../helpers/pdf.js';

function text(result: AttachmentText): string {
  if (!result.ok) throw new Error(result.error.message);
  return result.text;
}

function failure(result: AttachmentText) {
  if (result.ok) throw new Error(`expected a failure, got text "${result.text.slice(0, 40)}"`);
  return result;
}

// Lines in a PDF are where the layout wrapped them; compare words, not line breaks.
const words = (s: string) => s.split(/\s+/).filter(Boolean).join(' ');

describe('PDF attachments', () => {
  // pdf.js must not load workers, CMaps, fonts or wasm from anywhere: any fetch is a failure.
  const realFetch = globalThis.fetch;
  let fetched: string[] = [];
  beforeEach(() => {
    fetched = [];
    globalThis.fetch = (async (input: string | URL | Request) => {
      fetched.push(String(input));
      throw new Error('no network in tests');
    }) as typeof fetch;
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('reads Korean text through the font’s ToUnicode CMap, page after page, without touching the network', async () => {
    const pages = [RELEASE_PARAGRAPHS.slice(0, 3), RELEASE_PARAGRAPHS.slice(3)];
    const result = await readAttachmentText(buildPdf({ pages }), '보도자료.pdf');
    expect(result).toMatchObject({ ok: true, format: 'pdf', mediaType: 'application/pdf', warning: null });
    expect(words(text(result))).toBe(words(pages.flat().join(' ')));
    // Pages are separated by a blank line.
    expect(text(result).split('\n\n')).toHaveLength(2);
    expect(fetched).toEqual([]);
  });

  it('reads a long document that flows over many pages in order', async () => {
    const paragraphs = releaseParagraphs(120);
    const result = await readAttachmentText(buildPdf({ pages: [paragraphs] }), 'long.pdf');
    expect(words(text(result))).toBe(words(paragraphs.join(' ')));
    expect(text(result).split('\n\n').length).toBeGreaterThan(5);
  });

  it('refuses a PDF with a user password as encrypted', async () => {
    const bytes = buildPdf({ pages: [['비공개 문서']], userPassword: 'gangwon2024' });
    const result = failure(await readAttachmentText(bytes, '비공개.pdf'));
    expect(result).toMatchObject({ format: 'pdf', mediaType: 'application/pdf', error: { kind: 'encrypted' } });
    expect(result.error.message).toMatch(/^detail: 비공개\.pdf: the PDF needs a password/);
    expect(fetched).toEqual([]);
  });

  it('calls a file with a PDF header and no PDF structure corrupt', async () => {
    const result = failure(await readAttachmentText(Buffer.from('%PDF-1.7\n이것은 PDF가 아니다\n'), '깨진.pdf'));
    expect(result).toMatchObject({ format: 'pdf', error: { kind: 'corrupt' } });
    expect(result.error.message).toMatch(/^detail: 깨진\.pdf: not a readable PDF/);
  });

  it('refuses a PDF whose text passes the cap as too-large', async () => {
    const bytes = buildPdf({ pages: [releaseParagraphs(200)] });
    const result = failure(await readAttachmentText(bytes, 'big.pdf', { maxBytes: 8 * 1024 }));
    expect(result.error.kind).toBe('too-large');
  });

  it('reads a PDF without text (a scan) as empty, with a warning', async () => {
    const result = await readAttachmentText(buildPdf({ pages: [[]] }), '스캔.pdf');
    expect(result).toMatchObject({ ok: true, text: '' });
    expect(result.ok && result.warning).toMatch(/^detail: 스캔\.pdf: the file holds no text/);
  });

  it('finds the header after leading junk, as PDF readers do', async () => {
    const bytes = Buffer.concat([Buffer.from('\r\n\r\n'), buildPdf({ pages: [['머리 앞 공백']] })]);
    expect(words(text(await readAttachmentText(bytes, 'a.pdf')))).toBe('머리 앞 공백');
  });
});
