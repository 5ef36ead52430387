// Issue 12 §3: the links readers are sent to lose the tracking parameters identity already
// ignores, and nothing else: host, scheme, path, the other parameters and their bytes stay.
import { describe, expect, it } from 'vitest';
import { stripTracking } from '../../../src/shared/tracking-params.js';

describe('stripTracking', () => {
  it('drops utm_*, fbclid, call_from and the other click ids, keeping the rest in order', () => {
    expect(stripTracking('https://www.kado.net/news/articleView.html?idxno=9001&utm_source=rss&utm_medium=feed&fbclid=IwAR0&call_from=naver')).toBe(
      'https://www.kado.net/news/articleView.html?idxno=9001',
    );
    expect(stripTracking('http://m.example.kr/view.php?gclid=1&no=7&mtm_campaign=x&sc_section_code=S1N2&_ga=2.1')).toBe('http://m.example.kr/view.php?no=7&sc_section_code=S1N2');
  });

  it('keeps host, scheme, port and fragment as given, unlike the canonical form', () => {
    expect(stripTracking('http://m.kado.net:8080/news/1?utm_source=rss#top')).toBe('http://m.kado.net:8080/news/1#top');
  });

  it('removes site-scoped referrer codes only on their site', () => {
    expect(stripTracking('https://www.yna.co.kr/view/AKR20241201000100062?input=1195m')).toBe('https://www.yna.co.kr/view/AKR20241201000100062');
    expect(stripTracking('https://news.example.kr/view?input=1195m')).toBe('https://news.example.kr/view?input=1195m');
  });

  it('leaves EUC-KR query bytes, odd spellings and tracking-free links untouched', () => {
    const euckr = 'https://gw.example.go.kr/board.asp?kw=%B0%AD%BF%F8&a=1+2&utm_term=x';
    expect(stripTracking(euckr)).toBe('https://gw.example.go.kr/board.asp?kw=%B0%AD%BF%F8&a=1+2');
    for (const url of ['https://kado.net/news/1', 'https://kado.net/?a&&b=', 'https://kado.net/%EB%89%B4%EC%8A%A4?q=%EA%B0%95%EC%9B%90']) expect(stripTracking(url)).toBe(url);
  });

  it('recognises a percent-encoded or upper-case tracking name', () => {
    expect(stripTracking('https://kado.net/a?UTM_Source=rss&%66bclid=1&id=3')).toBe('https://kado.net/a?id=3');
  });

  it('gives back what is not an absolute URL', () => {
    expect(stripTracking('not a url?utm_source=x')).toBe('not a url?utm_source=x');
  });
});
