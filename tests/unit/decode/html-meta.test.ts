import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeFeed } from '../../../src/decode/decode-feed.js';

const TITLE = '강원특별자치도 보도자료 · 똠방각하';
const page = (head: string) => `<!DOCTYPE html>\n<html><head>${head}<title>${TITLE}</title></head><body><p>${TITLE}</p></body></html>`;
const euckr = (text: string) => iconv.encode(text, 'cp949');
const none = { contentType: null, override: null };

describe('decodeFeed reads the charset an HTML page declares in <meta>', () => {
  it('decodes an EUC-KR page declaring <meta charset="euc-kr">', () => {
    const decoded = decodeFeed(euckr(page('<meta charset="euc-kr">')), { contentType: 'text/html', override: null });
    expect(decoded).toMatchObject({ encoding: 'euc-kr', encodingSource: 'meta', warning: null });
    expect(decoded.text).toContain(`<title>${TITLE}</title>`);
  });

  it('decodes an EUC-KR page declaring http-equiv Content-Type with ks_c_5601-1987', () => {
    const decoded = decodeFeed(euckr(page('<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=ks_c_5601-1987">')), none);
    expect(decoded).toMatchObject({ encoding: 'euc-kr', encodingSource: 'meta' });
    expect(decoded.text).toContain(TITLE);
  });

  it('ignores a <meta> inside a comment, as browsers do', () => {
    const decoded = decodeFeed(Buffer.from(page('<!-- <meta charset="euc-kr"> --><meta charset="utf-8">')), none);
    expect(decoded).toMatchObject({ encoding: 'utf-8', encodingSource: 'meta' });
    expect(decoded.text).toContain(TITLE);
  });

  it('lets the HTTP charset win over <meta>', () => {
    const decoded = decodeFeed(euckr(page('<meta charset="utf-8">')), { contentType: 'text/html; charset=EUC-KR', override: null });
    expect(decoded).toMatchObject({ encoding: 'euc-kr', encodingSource: 'http' });
  });

  it('decodes UTF-8 bytes under a <meta> that says euc-kr as UTF-8, with a warning', () => {
    const decoded = decodeFeed(Buffer.from(page('<meta charset="euc-kr">')), none);
    expect(decoded).toMatchObject({ encoding: 'utf-8', encodingSource: 'detected' });
    expect(decoded.warning).toMatch(/^decode: declared euc-kr but the bytes are UTF-8/);
    expect(decoded.text).toContain(TITLE);
  });

  it('keeps the XML declaration ahead of a <meta> in the content', () => {
    const xml = `<?xml version="1.0" encoding="euc-kr"?><rss><channel><description><![CDATA[<meta charset="utf-8">]]></description><title>${TITLE}</title></channel></rss>`;
    expect(decodeFeed(euckr(xml), none)).toMatchObject({ encoding: 'euc-kr', encodingSource: 'xml' });
  });
});
