import { describe, expect, it } from 'vitest';
import { cleanByline } from '../../../src/parse/author.js';
import { sanitizeContent } from '../../../src/shared/content-html.js';
import { htmlToText, summarize } from '../../../src/parse/text.js';

const BASE = 'https://news.example.kr/section/list.html';

describe('sanitizeContent', () => {
  it('keeps article markup', () => {
    const html = '<h2>제목</h2><p>본문 <em>강조</em> <strong>굵게</strong></p><ul><li>하나</li></ul><blockquote>인용</blockquote><figure><img src="https://x.kr/a.jpg" alt="사진"><figcaption>설명</figcaption></figure><table><tr><td>1</td></tr></table>';
    expect(sanitizeContent(html, BASE)).toBe(
      '<h2>제목</h2><p>본문 <em>강조</em> <strong>굵게</strong></p><ul><li>하나</li></ul><blockquote>인용</blockquote><figure><img src="https://x.kr/a.jpg" alt="사진" /><figcaption>설명</figcaption></figure><table><tr><td>1</td></tr></table>',
    );
  });

  it('drops script, style, iframe and on* attributes', () => {
    const html = '<p onmouseover="steal()" style="color:red">a</p><script>alert(1)</script><style>p{}</style><iframe src="https://x.kr/"></iframe>';
    expect(sanitizeContent(html, BASE)).toBe('<p>a</p>');
  });

  it('drops javascript: and data: URLs but keeps the element text', () => {
    expect(sanitizeContent('<a href="javascript:alert(1)">링크</a><img src="data:image/png;base64,AAAA">', BASE)).toBe('<a>링크</a>');
  });

  it('makes relative href and src absolute, percent-encoding Hangul', () => {
    expect(sanitizeContent('<a href="../기사/1.html">a</a><img src="//cdn.example.kr/p.jpg">', BASE)).toBe(
      '<a href="https://news.example.kr/%EA%B8%B0%EC%82%AC/1.html">a</a><img src="https://cdn.example.kr/p.jpg" />',
    );
  });

  it('gives null when nothing is left', () => {
    expect(sanitizeContent('<script>x</script>  ', BASE)).toBeNull();
  });
});

describe('htmlToText and summarize', () => {
  it('separates block elements with a space and decodes entities once', () => {
    expect(htmlToText('<p>첫&amp;째</p><p>둘&amp;amp;째</p>')).toBe('첫&째 둘&amp;째');
  });

  it('cuts long text at a word boundary under 300 characters with an ellipsis', () => {
    const text = '강원도 '.repeat(100).trim();
    const summary = summarize(text);
    expect(summary.endsWith('강원도…')).toBe(true);
    expect(Array.from(summary).length).toBeLessThanOrEqual(301);
  });

  it('leaves short text alone', () => {
    expect(summarize('짧은 요약')).toBe('짧은 요약');
  });
});

describe('cleanByline', () => {
  it.each([
    ['박순봉 기자 gabgu@kyunghyang.com', '박순봉 기자'],
    ['foo@bar.com (Foo Bar)', 'Foo Bar'],
    ['Foo Bar <foo@bar.com>', 'Foo Bar'],
    ['김기자(kim@example.kr)', '김기자'],
    ['webmaster@example.kr', null],
    ['  ', null],
    ['디지털뉴스팀', '디지털뉴스팀'],
  ])('%j gives %j', (raw, expected) => {
    expect(cleanByline(raw)).toBe(expected);
  });
});
