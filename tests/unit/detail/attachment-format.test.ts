import CFB from 'cfb';
import { describe, expect, it } from 'vitest';
import { readAttachmentText } from '../../../src/detail/attachment-text.js';
import type { AttachmentText } from '../../../src/model.js';
import { buildHwp } from '../../helpers/hwp.js';
import { buildHwpx } from '../../helpers/hwpx.js';
import { buildPdf } from '../../helpers/pdf.js';

function failure(result: AttachmentText) {
  if (result.ok) throw new Error(`expected a failure, got text "${result.text.slice(0, 40)}"`);
  return result;
}

describe('attachment formats are told by their bytes', () => {
  it('reads each format whatever name and extension the board gave it', async () => {
    const named = [
      [buildHwp({ sections: [['한글 문서']] }), 'download.do', 'hwp'],
      [buildHwpx({ sections: [['한글 문서']] }), '보도자료.hwp', 'hwpx'],
      [buildPdf({ pages: [['한글 문서']] }), '보도자료.hwp', 'pdf'],
    ] as const;
    for (const [bytes, name, format] of named) {
      expect(await readAttachmentText(bytes, name)).toMatchObject({ ok: true, format, text: '한글 문서' });
    }
  });

  it('says when a download link answered with an HTML page instead of the file', async () => {
    const page = Buffer.from('<!DOCTYPE html>\n<html lang="ko"><body><p>세션이 만료되었습니다.</p></body></html>');
    const result = failure(await readAttachmentText(page, '보도자료.hwp'));
    expect(result).toMatchObject({ format: 'unknown', mediaType: null, error: { kind: 'unsupported' } });
    expect(result.error.message).toMatch(/^detail: 보도자료\.hwp: an HTML page instead of a file/);
  });

  it('refuses an HWP 3.x file as unsupported, saying which versions are read', async () => {
    const hwp3 = Buffer.concat([Buffer.from('HWP Document File V3.00 \x1a\x01\x02\x03\x04\x05', 'latin1'), Buffer.alloc(64)]);
    const result = failure(await readAttachmentText(hwp3, '옛문서.hwp'));
    expect(result).toMatchObject({ format: 'hwp', error: { kind: 'unsupported' } });
    expect(result.error.message).toContain('only HWP 5.x is read');
  });

  it('refuses an OLE2 file that is not HWP (a Word 97 document) as unsupported', async () => {
    const cfb = CFB.utils.cfb_new();
    CFB.utils.cfb_add(cfb, 'WordDocument', Buffer.from('not a hwp'));
    const result = failure(await readAttachmentText(Buffer.from(CFB.write(cfb, { type: 'buffer' }) as Uint8Array), '공문.doc'));
    expect(result).toMatchObject({ format: 'unknown', error: { kind: 'unsupported' } });
    expect(result.error.message).toContain('an OLE2 file that is not HWP');
  });

  it('refuses an empty file and an image, naming the file', async () => {
    expect(failure(await readAttachmentText(Buffer.alloc(0), '빈파일.pdf')).error.message).toBe(
      'detail: 빈파일.pdf: the file is empty; only HWP, HWPX and PDF are read',
    );
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    expect(failure(await readAttachmentText(png, '포스터.hwp')).error).toMatchObject({ kind: 'unsupported', message: expect.stringContaining('89504e470d0a1a0a') });
  });
});
