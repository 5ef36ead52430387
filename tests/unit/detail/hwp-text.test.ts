import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readAttachmentText } from '../../../src/detail/attachment-text.js';
import type { AttachmentText } from '../../../src/model.js';
import { buildHwp, hwpLines, type HwpBlock } from '../../helpers/hwp.js';
import { RELEASE_PARAGRAPHS, releaseParagraphs } from '../../helpers/korean-text.js';

const SECTIONS: HwpBlock[][] = [
  [
    '보도자료',
    ...RELEASE_PARAGRAPHS.slice(0, 3),
    { table: [['구분', '내용'], ['일시', '11. 29.(금) 14:00'], ['장소', '도청 별관 대회의실']] },
    '담당\t기업지원과 상생협력팀',
    { hiddenComment: '내부 검토용 메모: 배포 전 삭제' },
  ],
  [...RELEASE_PARAGRAPHS.slice(3), '문의: 033-249-0000\n(평일 09:00~18:00)'],
];

function lines(result: AttachmentText): string[] {
  if (!result.ok) throw new Error(result.error.message);
  return result.text.split('\n').filter((line) => line !== '');
}

function failure(result: AttachmentText) {
  if (result.ok) throw new Error(`expected a failure, got text "${result.text.slice(0, 40)}"`);
  return result;
}

describe('HWP 5.0 attachments', () => {
  it('reads every paragraph of every section in order, table cells included, hidden comments left out', async () => {
    const result = await readAttachmentText(buildHwp({ sections: SECTIONS }), '보도자료.hwp');
    expect(result).toMatchObject({ ok: true, format: 'hwp', mediaType: 'application/x-hwp', warning: null });
    expect(lines(result)).toEqual(hwpLines(SECTIONS));
    expect(result.ok && result.text).not.toContain('내부 검토용');
  });

  it('keeps a tab as a tab and a line break as a new line', async () => {
    const result = await readAttachmentText(buildHwp({ sections: SECTIONS }), 'a.hwp');
    expect(lines(result)).toContain('담당\t기업지원과 상생협력팀');
    expect(lines(result)).toEqual(expect.arrayContaining(['문의: 033-249-0000', '(평일 09:00~18:00)']));
  });

  it('reads an uncompressed document the same as a compressed one', async () => {
    const packed = await readAttachmentText(buildHwp({ sections: SECTIONS, compressed: true }), 'a.hwp');
    const plain = await readAttachmentText(buildHwp({ sections: SECTIONS, compressed: false }), 'a.hwp');
    expect(lines(plain)).toEqual(lines(packed));
  });

  it('orders sections by number, so Section10 follows Section9', async () => {
    const sections = Array.from({ length: 12 }, (_, i) => [`${i + 1}번째 구역`]);
    expect(lines(await readAttachmentText(buildHwp({ sections }), 'a.hwp'))).toEqual(sections.flat());
  });

  it('reads a paragraph longer than 4,095 bytes (a record with the extended size field)', async () => {
    const long = releaseParagraphs(40).join(' ');
    expect(long.length * 2).toBeGreaterThan(4095);
    expect(lines(await readAttachmentText(buildHwp({ sections: [['앞', long, '뒤']] }), 'a.hwp'))).toEqual(['앞', long, '뒤']);
  });

  it('falls back to the PrvText preview when there is no BodyText, and says so', async () => {
    const bytes = buildHwp({ sections: SECTIONS, withoutBodyText: true, prvText: '보도자료\r\n강원특별자치도는 29일 간담회를 개최했다.' });
    const result = await readAttachmentText(bytes, '미리보기.hwp');
    expect(lines(result)).toEqual(['보도자료', '강원특별자치도는 29일 간담회를 개최했다.']);
    expect(result.ok && result.warning).toMatch(/^detail: 미리보기\.hwp: .*preview text/);
  });

  it('falls back to the preview when a section stream does not inflate', async () => {
    const bytes = buildHwp({ sections: SECTIONS, section0Bytes: Buffer.from('not deflate data at all, just bytes'), prvText: '미리보기 본문' });
    const result = await readAttachmentText(bytes, 'a.hwp');
    expect(lines(result)).toEqual(['미리보기 본문']);
    expect(result.ok && result.warning).toContain('Section0');
  });

  it('calls a document whose body and preview are both unreadable corrupt', async () => {
    const bytes = buildHwp({ sections: SECTIONS, section0Bytes: deflateRawSync(Buffer.from([0x43, 0x00, 0x00, 0x7f])), prvText: null });
    const result = failure(await readAttachmentText(bytes, '깨진.hwp'));
    expect(result.error.kind).toBe('corrupt');
    expect(result.error.message).toMatch(/^detail: 깨진\.hwp: .*is cut short/);
  });

  it('refuses a password-protected document as encrypted, naming the file', async () => {
    const result = failure(await readAttachmentText(buildHwp({ sections: SECTIONS, password: true }), '비공개.hwp'));
    expect(result).toMatchObject({ format: 'hwp', mediaType: 'application/x-hwp', error: { kind: 'encrypted' } });
    expect(result.error.message).toMatch(/^detail: 비공개\.hwp: .*password/);
  });

  it('refuses a 배포용 (distribution) document as encrypted, without reading its preview', async () => {
    const result = failure(await readAttachmentText(buildHwp({ sections: SECTIONS, distribution: true }), '배포용.hwp'));
    expect(result.error.kind).toBe('encrypted');
    expect(result.error.message).toContain('배포용');
  });

  it('calls a truncated file corrupt', async () => {
    const bytes = buildHwp({ sections: [releaseParagraphs(60)] });
    const result = failure(await readAttachmentText(bytes.subarray(0, Math.floor(bytes.length / 2)), '잘림.hwp'));
    expect(result.error.kind).toBe('corrupt');
    // The FileHeader went with the second half, so the bytes no longer prove it is HWP.
    expect(result.error.message).toMatch(/^detail: 잘림\.hwp: a damaged OLE2 compound file \(/);
  });

  it('refuses a section that inflates past the cap (a deflate bomb) as too-large', async () => {
    // 32 MiB of zeros deflate to about 32 KiB.
    const bomb = deflateRawSync(Buffer.alloc(32 * 1024 * 1024));
    const bytes = buildHwp({ sections: [['첫 문단']], section0Bytes: bomb, prvText: '미리보기' });
    const result = failure(await readAttachmentText(bytes, '폭탄.hwp', { maxBytes: 1024 * 1024 }));
    expect(result.error.kind).toBe('too-large');
    expect(result.error.message).toMatch(/^detail: 폭탄\.hwp: .*1 MiB/);
  });

  it('counts every section against the cap, not each one alone', async () => {
    const sections = Array.from({ length: 4 }, () => releaseParagraphs(30));
    const whole = await readAttachmentText(buildHwp({ sections }), 'a.hwp');
    expect(whole.ok).toBe(true);
    const oneSection = buildHwp({ sections: [sections[0] ?? []], compressed: false }).length;
    const capped = failure(await readAttachmentText(buildHwp({ sections }), 'a.hwp', { maxBytes: oneSection * 2 }));
    expect(capped.error.kind).toBe('too-large');
  });

  it('gives up with kind timeout once the time allowed has passed', async () => {
    const result = failure(await readAttachmentText(buildHwp({ sections: SECTIONS }), '느림.hwp', { timeoutMs: -1 }));
    expect(result.error.kind).toBe('timeout');
    expect(result.error.message).toMatch(/^detail: 느림\.hwp: /);
  });
});
