import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeFeed } from '../../../src/decode/decode-feed.js';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../fixtures/feeds/feedparser/${name}`, import.meta.url)));

const TITLE = '강원특별자치도 춘천시 소식';
const rss = (title: string, declaration = '') => `${declaration}<rss version="2.0"><channel><title>${title}</title></channel></rss>`;
const euckr = (text: string) => iconv.encode(text, 'cp949');
const none = { contentType: null, override: null };

describe('decodeFeed', () => {
  it('decodes EUC-KR named in the XML declaration', () => {
    const body = euckr(rss(TITLE, '<?xml version="1.0" encoding="euc-kr"?>'));
    const decoded = decodeFeed(body, none);
    expect(decoded).toMatchObject({ encoding: 'euc-kr', encodingSource: 'xml', warning: null });
    expect(decoded.text).toContain(`<title>${TITLE}</title>`);
  });

  it('detects EUC-KR when nothing is declared', () => {
    const decoded = decodeFeed(euckr(rss(TITLE)), { contentType: 'application/rss+xml', override: null });
    expect(decoded).toMatchObject({ encoding: 'euc-kr', encodingSource: 'detected' });
    expect(decoded.text).toContain(TITLE);
  });

  it('detects Korean text made only of CP949 extension syllables, which chardet alone misses', () => {
    const decoded = decodeFeed(euckr(rss('똠햏 뷁 똠햏')), none);
    expect(decoded).toMatchObject({ encoding: 'euc-kr', encodingSource: 'detected' });
    expect(decoded.text).toContain('똠햏 뷁 똠햏');
  });

  it('decodes CP949-only syllables (똠, 햏, 뷁: not in KS X 1001) under an euc-kr label', () => {
    const text = '똠방각하 햏자 뷁어';
    expect(() => iconv.encode(text, 'cp949')).not.toThrow();
    const decoded = decodeFeed(euckr(rss(text, '<?xml version="1.0" encoding="EUC-KR"?>')), none);
    expect(decoded.text).toContain(`<title>${text}</title>`);
    expect(decoded.text).not.toContain('\ufffd');
  });

  it('does not mistake undeclared Latin-1 text for Korean', () => {
    const text = 'Ärger über Österreichs Straßen – Café “Élan” à Zürich; les élèves ont été récompensés';
    const decoded = decodeFeed(iconv.encode(rss(text), 'windows-1252'), none);
    expect(decoded).toMatchObject({ encoding: 'windows-1252', encodingSource: 'detected' });
    expect(decoded.text).toContain(text);
  });

  it('lets the HTTP charset win over a wrong XML declaration', () => {
    const body = euckr(rss(TITLE, '<?xml version="1.0" encoding="iso-8859-1"?>'));
    const decoded = decodeFeed(body, { contentType: 'text/xml; charset="EUC-KR"', override: null });
    expect(decoded).toMatchObject({ encoding: 'euc-kr', encodingSource: 'http', warning: null });
    expect(decoded.text).toContain(TITLE);
  });

  it('ignores text/xml without charset (RFC 3023 us-ascii default) and uses the declaration', () => {
    const body = euckr(rss(TITLE, '<?xml version="1.0" encoding="euc-kr"?>'));
    expect(decodeFeed(body, { contentType: 'text/xml', override: null })).toMatchObject({
      encoding: 'euc-kr',
      encodingSource: 'xml',
    });
  });

  it('decodes a declared EUC-KR feed whose bytes are UTF-8 as UTF-8, with a warning', () => {
    const body = Buffer.from(rss(TITLE, '<?xml version="1.0" encoding="euc-kr"?>'));
    const decoded = decodeFeed(body, none);
    expect(decoded).toMatchObject({ encoding: 'utf-8', encodingSource: 'detected' });
    expect(decoded.text).toContain(TITLE);
    expect(decoded.warning).toBe(
      'decode: declared euc-kr but the bytes are UTF-8; decoded as UTF-8 — set encoding: utf-8 on the source to silence this',
    );
  });

  it('keeps a declared legacy charset for pure ASCII bytes, which are valid in both', () => {
    const body = Buffer.from(rss('Gangwon', '<?xml version="1.0" encoding="euc-kr"?>'));
    expect(decodeFeed(body, none)).toMatchObject({ encoding: 'euc-kr', encodingSource: 'xml', warning: null });
  });

  it('re-detects a declared UTF-8 feed whose bytes are EUC-KR, with a warning', () => {
    const body = euckr(rss(TITLE, '<?xml version="1.0" encoding="utf-8"?>'));
    const decoded = decodeFeed(body, { contentType: 'application/xml; charset=utf-8', override: null });
    expect(decoded).toMatchObject({ encoding: 'euc-kr', encodingSource: 'detected' });
    expect(decoded.text).toContain(TITLE);
    expect(decoded.warning).toMatch(/^decode: declared utf-8 but the bytes are not valid UTF-8; .* set encoding: euc-kr/);
  });

  it('strips a UTF-8 BOM and lets it win over the declarations', () => {
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(rss(TITLE, '<?xml version="1.0" encoding="euc-kr"?>'))]);
    const decoded = decodeFeed(body, { contentType: 'text/xml; charset=euc-kr', override: null });
    expect(decoded).toMatchObject({ encoding: 'utf-8', encodingSource: 'bom', warning: null });
    expect(decoded.text.startsWith('<?xml')).toBe(true);
    expect(decoded.text).toContain(TITLE);
  });

  it.each([
    ['utf-16le', [0xff, 0xfe]],
    ['utf-16be', [0xfe, 0xff]],
  ])('decodes %s with its BOM and strips it', (encoding, bom) => {
    const body = Buffer.concat([Buffer.from(bom), iconv.encode(rss(TITLE, '<?xml version="1.0" encoding="utf-16"?>'), encoding)]);
    const decoded = decodeFeed(body, none);
    expect(decoded).toMatchObject({ encoding, encodingSource: 'bom' });
    expect(decoded.text.startsWith('<?xml')).toBe(true);
    expect(decoded.text).toContain(TITLE);
  });

  it('decodes UTF-32 with a BOM', () => {
    const body = Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), iconv.encode(rss(TITLE), 'utf-32le')]);
    expect(decodeFeed(body, none)).toMatchObject({ encoding: 'utf-32le', encodingSource: 'bom', text: rss(TITLE) });
  });

  it('recognises UTF-16 without a BOM from the NUL-padded "<" (XML 1.0 Appendix F)', () => {
    const body = iconv.encode(rss(TITLE, '<?xml version="1.0" encoding="utf-16"?>'), 'utf-16be');
    const decoded = decodeFeed(body, none);
    expect(decoded).toMatchObject({ encoding: 'utf-16be', encodingSource: 'xml' });
    expect(decoded.text).toContain(TITLE);
  });

  it('ignores a utf-16 declaration on bytes that are plainly ASCII-compatible, with a warning', () => {
    const decoded = decodeFeed(Buffer.from(rss(TITLE, '<?xml version="1.0" encoding="utf-16"?>')), none);
    expect(decoded).toMatchObject({ encoding: 'utf-8', encodingSource: 'default' });
    expect(decoded.text).toContain(TITLE);
    expect(decoded.warning).toMatch(/^decode: declared utf-16 but the bytes are not utf-16/);
  });

  it('lets the override win over HTTP and XML, without a warning', () => {
    const body = euckr(rss(TITLE, '<?xml version="1.0" encoding="utf-8"?>'));
    const decoded = decodeFeed(body, { contentType: 'text/xml; charset=utf-8', override: 'ks_c_5601-1987' });
    expect(decoded).toMatchObject({ encoding: 'euc-kr', encodingSource: 'override', warning: null });
    expect(decoded.text).toContain(TITLE);
  });

  it('skips an unknown charset name with a warning and falls back along the order', () => {
    const body = euckr(rss(TITLE, '<?xml version="1.0" encoding="euc-kr"?>'));
    const decoded = decodeFeed(body, { contentType: 'text/xml; charset=x-klingon', override: 'martian' });
    expect(decoded).toMatchObject({ encoding: 'euc-kr', encodingSource: 'xml' });
    expect(decoded.text).toContain(TITLE);
    expect(decoded.warning).toContain('decode: unknown encoding "martian" in the source setting `encoding`');
    expect(decoded.warning).toContain('decode: unknown encoding "x-klingon" in the HTTP Content-Type');
  });

  it('defaults to UTF-8 when nothing is declared and the bytes are UTF-8', () => {
    expect(decodeFeed(Buffer.from(rss(TITLE)), none)).toMatchObject({
      text: rss(TITLE),
      encoding: 'utf-8',
      encodingSource: 'default',
      warning: null,
    });
  });

  it('decodes ISO-8859-1 declarations as windows-1252 (curly quotes in 0x80–0x9F)', () => {
    const body = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><rss><title>'), Buffer.from([0x93, 0x43, 0x61, 0x66, 0xe9, 0x94]), Buffer.from('</title></rss>')]);
    const decoded = decodeFeed(body, none);
    expect(decoded).toMatchObject({ encoding: 'windows-1252', encodingSource: 'xml' });
    expect(decoded.text).toContain('<title>“Café”</title>');
  });

  it.each([
    ['gb2312', '江原道新闻', 'gbk'],
    ['big5', '江原道新聞', 'big5'],
    ['shift_jis', '江原道のニュース', 'shift_jis'],
  ])('decodes %s declarations', (label, text, name) => {
    const body = iconv.encode(rss(text, `<?xml version="1.0" encoding="${label}"?>`), label);
    const decoded = decodeFeed(body, none);
    expect(decoded).toMatchObject({ encoding: name, encodingSource: 'xml' });
    expect(decoded.text).toContain(text);
  });

  it('never throws on invalid bytes: they become U+FFFD', () => {
    const garbage = Buffer.from([0x3c, 0x72, 0x3e, 0xc3, 0x28, 0xff, 0xfe, 0xfd, 0x80, 0x00, 0xb0]);
    for (const opts of [none, { contentType: 'text/xml; charset=utf-8', override: null }, { contentType: null, override: 'euc-kr' }]) {
      const decoded = decodeFeed(garbage, opts);
      expect(decoded.text.startsWith('<r>')).toBe(true);
    }
    expect(decodeFeed(garbage, { contentType: null, override: 'utf-8' }).text).toContain('\ufffd');
    expect(decodeFeed(Buffer.alloc(0), none)).toMatchObject({ text: '', encoding: 'utf-8' });
  });

  describe('feedparser EUC-KR fixtures', () => {
    it.each([
      ['euc-kr_channel-title.xml', '<title>년</title>'],
      ['euc-kr_item-description.xml', '<description>년</description>'],
      ['euc-kr_escaped-html-attr.xml', '<description>&lt;img alt="년" /></description>'],
    ])('%s decodes from its declaration', (name, expected) => {
      const decoded = decodeFeed(fixture(name), none);
      expect(decoded).toMatchObject({ encoding: 'euc-kr', encodingSource: 'xml', warning: null });
      expect(decoded.text).toContain(expected);
    });

    it('illformed_euc-kr_no-declaration.xml is detected as EUC-KR', () => {
      const decoded = decodeFeed(fixture('illformed_euc-kr_no-declaration.xml'), none);
      expect(decoded).toMatchObject({ encoding: 'euc-kr', encodingSource: 'detected' });
      expect(decoded.text).toContain('<title>EUC-KR 에서 TypeKey 한글닉네임 표시하기</title>');
      expect(decoded.text).not.toContain('\ufffd');
    });
  });
});
