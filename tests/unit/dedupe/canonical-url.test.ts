import { describe, expect, it } from 'vitest';
import { canonicalUrl } from '../../../src/dedupe/canonical-url.js';

describe('canonicalUrl', () => {
  it.each([
    ['http and https are one', 'http://www.kado.net/news/1', 'https://www.kado.net/news/1'],
    ['utm_* parameters are dropped', 'https://kado.net/a?id=1&utm_source=rss&UTM_Medium=feed', 'https://kado.net/a?id=1'],
    ['fbclid, gclid and call_from are dropped', 'https://kado.net/a?fbclid=x&id=1&gclid=y&call_from=naver', 'https://kado.net/a?id=1'],
    ['the m. host is the www. host', 'https://m.kado.net/news/1', 'https://www.kado.net/news/1'],
    ['mobile. folds too', 'https://mobile.kwnews.co.kr/page/view/2024', 'https://kwnews.co.kr/page/view/2024'],
    ['host case folds', 'https://WWW.KADO.NET/news/1', 'https://kado.net/news/1'],
    ['Hangul paths, raw or encoded', 'https://x.kr/뉴스/1', 'https://x.kr/%eb%89%b4%ec%8a%a4/1'],
    ['Hangul queries, raw or encoded', 'https://x.kr/search?q=강원', 'https://x.kr/search?q=%EA%B0%95%EC%9B%90'],
    ['decomposed (macOS) Hangul is composed', 'https://x.kr/\u1100\u1161\u11BC', 'https://x.kr/강'],
    ['escaped unreserved characters are decoded', 'https://x.kr/%7Euser/a%2Db', 'https://x.kr/~user/a-b'],
    ['the fragment is dropped', 'https://kado.net/a?id=1#comments', 'https://kado.net/a?id=1'],
    ['parameter order does not matter', 'https://kado.net/a?b=2&a=1', 'https://kado.net/a?a=1&b=2'],
    ['a trailing slash does not matter', 'https://kado.net/news/', 'https://kado.net/news'],
    ['default ports are dropped', 'http://kado.net:80/a', 'https://kado.net:443/a'],
    ['ndsoft: legacy ?mod=news&act=articleView', 'http://www.kado.net/?mod=news&act=articleView&idxno=123', 'https://m.kado.net/news/articleView.html?idxno=123'],
    ['ndsoft: list context and AMP', 'https://kado.net/news/articleViewAmp.html?idxno=123&sc_section_code=S1N1&view_type=sm', 'https://kado.net/news/articleView.html?idxno=123'],
    ['Yonhap ?input= referrer', 'https://www.yna.co.kr/view/AKR20241201000100062?input=1195m', 'https://yna.co.kr/view/AKR20241201000100062'],
  ])('%s', (_name, a, b) => {
    expect(canonicalUrl(a)).not.toBeNull();
    expect(canonicalUrl(a)).toBe(canonicalUrl(b));
  });

  it('writes one exact form', () => {
    expect(canonicalUrl('HTTP://m.Kado.net:443/뉴스/?z=1&utm_source=x&a=%eb%89%b4#top')).toBe(
      'https://kado.net/%EB%89%B4%EC%8A%A4?a=%EB%89%B4&z=1',
    );
    expect(canonicalUrl('https://kado.net')).toBe('https://kado.net/');
  });

  it('keeps what picks the page', () => {
    expect(canonicalUrl('https://x.kr/a?id=1')).not.toBe(canonicalUrl('https://x.kr/a?id=2'));
    expect(canonicalUrl('https://x.kr:8080/a')).toBe('https://x.kr:8080/a');
    // input= is only a referrer on Yonhap; elsewhere it may choose the page.
    expect(canonicalUrl('https://x.kr/a?input=1')).toBe('https://x.kr/a?input=1');
    // an ndsoft articleView without a numeric idxno is not folded
    expect(canonicalUrl('https://x.kr/news/articleView.html?idxno=abc&b=1')).toBe(
      'https://x.kr/news/articleView.html?b=1&idxno=abc',
    );
  });

  it('keeps EUC-KR query bytes as they are', () => {
    // %C7%CF%C0%CC is "하이" in EUC-KR; decoding it as UTF-8 would change what the server receives.
    expect(canonicalUrl('http://x.kr/s?q=%c7%cf%c0%cc')).toBe('https://x.kr/s?q=%C7%CF%C0%CC');
  });

  it('does not fold a bare m. or www. domain into a TLD', () => {
    expect(canonicalUrl('https://m.com/a')).toBe('https://m.com/a');
  });

  it.each(['not a url', '/news/1', 'ftp://kado.net/a', 'mailto:a@kado.net', 'javascript:alert(1)', ''])(
    'returns null for %j',
    (url) => {
      expect(canonicalUrl(url)).toBeNull();
    },
  );
});
