import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readAttachmentText } from '../../../src/detail/attachment-text.js';
import type { AttachmentText } from '../../../src/model.js';
import { buildHwpx, hwpxLines, type HwpxBlock } from '../../helpers/hwpx.js';
import { RELEASE_PARAGRAPHS } from '../../helpers/korean-text.js';

const SECTIONS: HwpxBlock[][] = [
  ['보도자료', ...RELEASE_PARAGRAPHS.slice(0, 2), { table: [['구분', '내용'], ['일시', '11. 29.(금) 14:00']] }, '담당\t기업지원과'],
  [...RELEASE_PARAGRAPHS.slice(2), '문의: 033-249-0000\n(평일 09:00~18:00)'],
];

function lines(result: AttachmentText): string[] {
  if (!result.ok) throw new Error(result.error.message);
  return result.text.split('\n').filter((line) => line !== '');
}

function failure(result: AttachmentText) {
  if (result.ok) throw new Error(`expected a failure, got text "${result.text.slice(0, 40)}"`);
  return result;
}

describe('HWPX attachments', () => {
  it('reads the paragraphs of every section in order, runs joined and table cells as paragraphs', async () => {
    const result = await readAttachmentText(buildHwpx({ sections: SECTIONS }), '보도자료.hwpx');
    expect(result).toMatchObject({ ok: true, format: 'hwpx', mediaType: 'application/hwp+zip', warning: null });
    expect(lines(result)).toEqual(hwpxLines(SECTIONS));
  });

  it('turns <hp:tab/> into a tab and <hp:lineBreak/> into a new line', async () => {
    const result = lines(await readAttachmentText(buildHwpx({ sections: SECTIONS }), 'a.hwpx'));
    expect(result).toContain('담당\t기업지원과');
    expect(result).toEqual(expect.arrayContaining(['문의: 033-249-0000', '(평일 09:00~18:00)']));
  });

  it('orders sections by number, so section10.xml follows section9.xml', async () => {
    const sections = Array.from({ length: 12 }, (_, i) => [`${i + 1}번째 구역`]);
    expect(lines(await readAttachmentText(buildHwpx({ sections }), 'a.hwpx'))).toEqual(sections.flat());
  });

  it('knows HWPX by Contents/section0.xml when the mimetype entry is missing, whatever the name says', async () => {
    const result = await readAttachmentText(buildHwpx({ sections: SECTIONS, mimetype: null }), '보도자료.hwp');
    expect(result).toMatchObject({ ok: true, format: 'hwpx' });
  });

  it('reads the default branch of an <hp:switch> once and skips hidden comments', async () => {
    const section = `<?xml version="1.0" encoding="UTF-8"?><hs:sec xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section" xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph"><hp:p><hp:run><hp:t>본문 </hp:t></hp:run><hp:switch><hp:case hp:required-namespace="urn:x"><hp:run><hp:t>한 번만</hp:t></hp:run></hp:case><hp:default><hp:run><hp:t>한 번만</hp:t></hp:run></hp:default></hp:switch><hp:run><hp:ctrl><hp:hiddenComment><hp:subList><hp:p><hp:run><hp:t>숨은 설명</hp:t></hp:run></hp:p></hp:subList></hp:hiddenComment></hp:ctrl></hp:run></hp:p></hs:sec>`;
    const bytes = buildHwpx({ sections: [], extra: { 'Contents/section0.xml': section } });
    expect(lines(await readAttachmentText(bytes, 'a.hwpx'))).toEqual(['본문 한 번만']);
  });

  it('normalises the text: NFC Hangul, single spaces, no control characters', async () => {
    const decomposed = '상생'.normalize('NFD');
    const bytes = buildHwpx({ sections: [[`${decomposed}\u00a0\u00a0간담회\u3000개최\u0007`]] });
    expect(lines(await readAttachmentText(bytes, 'a.hwpx'))).toEqual(['상생 간담회 개최']);
  });

  it('refuses a password-protected package as encrypted', async () => {
    const result = failure(await readAttachmentText(buildHwpx({ sections: SECTIONS, encrypted: true }), '비공개.hwpx'));
    expect(result).toMatchObject({ format: 'hwpx', error: { kind: 'encrypted' } });
    expect(result.error.message).toMatch(/^detail: 비공개\.hwpx: .*password/);
  });

  it('calls a section that is not well-formed XML corrupt, naming the file and the section', async () => {
    const bytes = buildHwpx({ sections: [], extra: { 'Contents/section0.xml': '<hs:sec xmlns:hs="urn:s"><hp:p>' } });
    const result = failure(await readAttachmentText(bytes, '깨진.hwpx'));
    expect(result.error.kind).toBe('corrupt');
    expect(result.error.message).toContain('detail: 깨진.hwpx: Contents/section0.xml is not well-formed XML');
  });

  it('calls a truncated archive corrupt', async () => {
    const bytes = buildHwpx({ sections: SECTIONS });
    const result = failure(await readAttachmentText(bytes.subarray(0, bytes.length - 200), '잘림.hwpx'));
    expect(result).toMatchObject({ format: 'hwpx', error: { kind: 'corrupt' } });
  });

  it('refuses a section that unzips past the cap (a zip bomb) as too-large, before inflating it', async () => {
    const huge = `<hs:sec xmlns:hs="urn:s">${' '.repeat(8 * 1024 * 1024)}</hs:sec>`;
    const bytes = buildHwpx({ sections: [], extra: { 'Contents/section0.xml': huge } });
    expect(bytes.length).toBeLessThan(100_000);
    const result = failure(await readAttachmentText(bytes, '폭탄.hwpx', { maxBytes: 1024 * 1024 }));
    expect(result.error.kind).toBe('too-large');
  });

  it('inflates no more than an entry declares, so a section lying about its size is cut short and called corrupt', async () => {
    const huge = `<hs:sec xmlns:hs="urn:s">${' '.repeat(8 * 1024 * 1024)}</hs:sec>`;
    const bytes = buildHwpx({ sections: [], extra: { 'Contents/section0.xml': huge } });
    // Rewrite the uncompressed size in the local header (name at +30, size at +22) and in the
    // central directory entry (name at +46, size at +24).
    const name = Buffer.from('Contents/section0.xml');
    for (let at = bytes.indexOf(name); at !== -1; at = bytes.indexOf(name, at + 1)) {
      const central = at >= 46 && bytes.readUInt32LE(at - 46) === 0x02014b50;
      bytes.writeUInt32LE(1000, central ? at - 46 + 24 : at - 30 + 22);
    }
    const result = failure(await readAttachmentText(bytes, '거짓.hwpx', { maxBytes: 1024 * 1024 }));
    expect(result.error.kind).toBe('corrupt');
  });

  it('refuses a ZIP that is not HWPX (a DOCX) as unsupported', async () => {
    const docx = Buffer.from(zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') }));
    const result = failure(await readAttachmentText(docx, '보도자료.hwpx'));
    expect(result).toMatchObject({ format: 'unknown', mediaType: null, error: { kind: 'unsupported' } });
    expect(result.error.message).toMatch(/^detail: 보도자료\.hwpx: a ZIP archive that is not HWPX/);
  });
});
