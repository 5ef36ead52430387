import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/detail/extract-article.js';
import type { ArticleResult } from '../../../src/model.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/pages/detail/${name}`, import.meta.url), 'utf8');
const NEWSSTEP = fixture('newsstep-article.html');
const NEWSSTEP_URL = 'https://www.newsstep.kr/news/articleView.html?idxno=51234';
const EGOV = fixture('egov-board-view.html');
const EGOV_URL = 'https://www.hanbit-gun.go.kr/user/board/selectBoardArticle.do?nttId=48213&bbsId=BBSMSTR_000000000021';

// The seven body paragraphs as the page holds them.
const BODY = [...NEWSSTEP.matchAll(/<p>(\[뉴스스텝\][^<]*|이날[^<]*|참석자들[^<]*|특히[^<]*|한 중소기업[^<]*|도는[^<]*|도 경제국장[^<]*)<\/p>/g)].map((m) => m[1] ?? '');

// Every string the page shows around the article: none may reach the item.
const BOILERPLATE = [
  '본문 바로가기', '로그인', '회원가입', '기사제보', '오피니언', '속보', '제설 대책', '홈 > 지방자치',
  '페이스북', '트위터', '카카오톡', '카카오스토리', '네이버블로그', '밴드', 'URL복사', '가+', '가-', '프린트', '인쇄하기',
  '글자크기', '스크랩', '저작권자', '무단전재', '재배포', '이 기사를 공유합니다', '최신뉴스', '청년 창업', '독서교실',
  '더보기', 'PHOTO NEWS', '철새 탐조', '관련기사', '수출 상담회', '댓글', '로그인 후', '등록', '많이 본 기사',
  '눈꽃축제', '크루즈', '광고', '회사소개', '개인정보처리방침', '등록번호', 'Copyright', 'All rights reserved',
];

function ok(result: ArticleResult) {
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

describe('article extraction', () => {
  it('finds the seven body paragraphs of the fixture (guards the test itself)', () => {
    expect(BODY).toHaveLength(7);
  });

  it('keeps a Korean news article whole and drops every piece of boilerplate, automatically', () => {
    const article = ok(extractArticle(NEWSSTEP, NEWSSTEP_URL));
    expect(article.method).toBe('automatic');
    for (const paragraph of BODY) expect(article.html).toContain(`<p>${paragraph}</p>`);
    const order = BODY.map((p) => article.text.indexOf(p));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    for (const junk of BOILERPLATE) {
      expect(article.html, junk).not.toContain(junk);
      expect(article.text, junk).not.toContain(junk);
    }
  });

  it('ends the text with the last body paragraph: nothing after the article survives', () => {
    const article = ok(extractArticle(NEWSSTEP, NEWSSTEP_URL));
    expect(article.text.endsWith(BODY.at(-1) ?? '-')).toBe(true);
  });

  it('drops the repeated headline but keeps the photo and its caption, with an absolute image URL', () => {
    const article = ok(extractArticle(NEWSSTEP, NEWSSTEP_URL));
    expect(article.text).not.toContain("강원 중견 + 중소기업 손잡고 '융합과 혁신' 약속");
    expect(article.html).toContain('src="https://www.newsstep.kr/news/photo/202412/51234_30211_5515.jpg"');
    expect(article.text).toContain('(사진=강원특별자치도)');
  });

  it('gives the same body with a content selector, and counts its characters', () => {
    const article = ok(extractArticle(NEWSSTEP, NEWSSTEP_URL, { content: '#articleBody', remove: ['figure'] }));
    expect(article.method).toBe('selector');
    expect(article.text).toBe(BODY.join(' '));
    expect(article.textLength).toBe([...BODY.join(' ')].length);
    for (const junk of BOILERPLATE) expect(article.html, junk).not.toContain(junk);
  });

  it('takes the stub body of an eGov board view with selectors', () => {
    const article = ok(extractArticle(EGOV, EGOV_URL, { content: 'td.view_cont', remove: ['.btn_area'] }));
    expect(article.text).toBe('보도자료 첨부파일을 참고하시기 바랍니다.');
    expect(article.textLength).toBeLessThan(200);
  });

  it('drops the eGov previous/next list and satisfaction survey when extracting automatically', () => {
    const article = ok(extractArticle(EGOV, EGOV_URL));
    expect(article.text).toContain('보도자료 첨부파일을 참고하시기 바랍니다.');
    for (const junk of ['이전글', '다음글', '군민 체육대회', '만족하십니까', '담당부서', '목록', '바로보기', '주메뉴']) {
      expect(article.text, junk).not.toContain(junk);
    }
  });

  it('keeps a copyright notice above the article from deleting the article', () => {
    const html = '<html><body><div id="body"><p>무단 전재 및 재배포 금지</p><p>본문 첫 문단은 충분히 길어서 기사 본문으로 읽혀야 한다.</p><p>둘째 문단.</p></div></body></html>';
    const article = ok(extractArticle(html, 'https://example.test/a', { content: '#body', remove: [] }));
    expect(article.text).toBe('본문 첫 문단은 충분히 길어서 기사 본문으로 읽혀야 한다. 둘째 문단.');
  });

  it('removes a 관련기사 box set inside the body, above the paragraphs, and keeps the paragraphs', () => {
    const html = `<html><body><div id="body"><div class="relation"><strong>관련기사</strong><ul><li><a href="/a/1">춘천 닭갈비 축제 개막</a></li><li><a href="/a/2">원주 한지 문화제 성료</a></li></ul></div>${BODY.map((p) => `<p>${p}</p>`).join('')}</div></body></html>`;
    for (const rules of [null, { content: '#body', remove: [] }]) {
      const article = ok(extractArticle(html, NEWSSTEP_URL, rules));
      expect(article.text).toBe(BODY.join(' '));
    }
  });

  it('resolves links against <base href> and drops scripts and javascript: links', () => {
    const html = '<html><head><base href="/board/"></head><body><div class="c"><p>본문 <a href="files/안내.pdf">안내문</a> <a href="javascript:alert(1)">x</a></p><script>alert(1)</script></div></body></html>';
    const article = ok(extractArticle(html, 'https://www.hanbit-gun.go.kr/user/view.do', { content: '.c', remove: [] }));
    expect(article.html).toContain('href="https://www.hanbit-gun.go.kr/board/files/%EC%95%88%EB%82%B4.pdf"');
    expect(article.html).not.toContain('javascript');
    expect(article.html).not.toContain('<script');
  });

  it('says which selector matched nothing, or is not valid CSS', () => {
    const missing = extractArticle(EGOV, EGOV_URL, { content: '.board-view-con', remove: [] });
    expect(missing).toEqual({ ok: false, error: { kind: 'no-content', message: `detail: ${EGOV_URL}: the content selector ".board-view-con" matches nothing on the page` } });
    const invalid = extractArticle(EGOV, EGOV_URL, { content: 'td.view_cont', remove: ['[[broken'] });
    expect(invalid).toMatchObject({ ok: false, error: { kind: 'bad-rule', message: expect.stringMatching(/^detail: remove selector "\[\[broken" is not valid CSS/) } });
  });

  it('reports a page without an article instead of returning navigation', () => {
    const html = '<html><body><nav><a href="/">홈</a></nav><div class="c"><button>인쇄</button></div></body></html>';
    expect(extractArticle(html, 'https://example.test/empty', { content: '.c', remove: [] })).toMatchObject({ ok: false, error: { kind: 'no-content' } });
    expect(extractArticle(html, 'https://example.test/empty')).toMatchObject({ ok: false, error: { kind: 'no-content', message: expect.stringContaining('detail.content') } });
  });
});
