import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/detail/extract-article.js';
import { fixture } from '../../helpers/temp.js';

const NEWSSTEP = fixture('pages/detail/newsstep-article.html').toString('utf8');

describe('the article info line', () => {
  it('drops the byline and the 입력 date Readability keeps with the 뉴스스텝 body, and keeps the subheadline', () => {
    const article = extractArticle(NEWSSTEP, 'https://www.newsstep.co.kr/news/articleView.html?idxno=51234');
    if (!article.ok) throw new Error(article.error.message);
    expect(article.text).not.toContain('최다은 기자');
    expect(article.text).not.toContain('2024.12.01 17:55');
    expect(article.text).toContain('공동 기술개발·판로 개척 협력');
  });

  it('keeps a sentence that merely mentions a reporter or a date', () => {
    const html = '<html><body><article><p>김철수 기자는 2024.12.01 입력 마감 시각에 맞춰 도청 간담회 소식을 전했다. 간담회에는 기업 대표 30여 명이 참석했다.</p></article></body></html>';
    const article = extractArticle(html, 'https://example.kr/a', { content: 'article', remove: [] });
    expect(article.ok && article.text).toContain('김철수 기자는 2024.12.01');
  });
});
