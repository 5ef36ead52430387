import { describe, expect, it } from 'vitest';
import type { PageConfig, PageField, PageItem, PageResult } from '../../../src/model.js';
import { readPage } from '../../../src/page/read-page.js';

const NOW = new Date('2024-12-03T06:00:00.000Z');
const URL_ = 'https://www.example.go.kr/board/list.do?menu=12';

// field is a PageField from the YAML shorthand: a selector string, or a partial map.
function field(value: string | Partial<PageField>): PageField {
  const base: PageField = { selector: null, attr: null, pattern: null, template: null, format: null, all: false };
  return typeof value === 'string' ? { ...base, selector: value } : { ...base, ...value };
}

function config(fields: Record<string, string | Partial<PageField>>, items = 'table.board tbody tr'): PageConfig {
  const built = Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, field(value)]));
  return { items, fields: built as PageConfig['fields'], pages: 1, request: { method: 'GET', form: {}, headers: {} } };
}

function read(html: string, page: PageConfig, encoding = 'utf-8'): PageResult {
  return readPage(html, { url: URL_, timezone: 'Asia/Seoul', now: NOW, encoding, page });
}

function items(result: PageResult): readonly PageItem[] {
  if (!result.ok) throw new Error(result.error.message);
  return result.items;
}

const TABLE = `<html><head><title>보도자료</title></head><body>
<table class="board">
  <thead><tr><th>번호</th><th>제목</th><th>부서</th><th>등록일</th></tr></thead>
  <tbody>
    <tr><td>2</td><td class="subject"><a href="view.do?seq=102&amp;menu=12" title="강원 수출 역대 최대">강원 수출 역대
        최대…&nbsp;반도체\u0007 견인</a></td><td class="dept">경제<b>정책</b>과</td><td class="date">2024.12.02</td></tr>
    <tr><td>1</td><td class="subject"><a href="/board/view.do?seq=101">춘천 <br>겨울축제 개막</a></td><td class="dept">관광과</td><td class="date">2024-12-01 17:55</td></tr>
  </tbody>
</table></body></html>`;

describe('readPage reads items from a list page with CSS selectors', () => {
  it('takes whitespace-collapsed text without control characters, and resolves links', () => {
    const [first, second] = items(read(TABLE, config({ title: 'td.subject a', link: { selector: 'td.subject a', attr: 'href' }, author: 'td.dept', published: 'td.date' })));
    expect(first).toMatchObject({
      title: '강원 수출 역대 최대… 반도체 견인',
      url: 'https://www.example.go.kr/board/view.do?seq=102&menu=12',
      author: '경제정책과',
      published: new Date('2024-12-01T15:00:00.000Z'),
      publishedDay: '2024-12-02',
      summary: null,
      content: null,
    });
    expect(second).toMatchObject({ title: '춘천 겨울축제 개막', url: 'https://www.example.go.kr/board/view.do?seq=101', publishedDay: null });
    expect(second?.published?.toISOString()).toBe('2024-12-01T08:55:00.000Z');
  });

  it('keeps words apart at a vertical tab or form feed, as feed text does, and drops other controls', () => {
    const page = TABLE.replace('춘천 <br>겨울축제 개막', '춘천\u000b겨울축제\u000c개\u0001막');
    const [, second] = items(read(page, config({ title: 'td.subject a', link: { selector: 'td.subject a', attr: 'href' } })));
    expect(second?.title).toBe('춘천 겨울축제 개막');
  });

  it('reads an attribute instead of the text, and the item element itself without selector', () => {
    const html = '<ul class="cards"><li data-seq="77" title="원주 일자리 박람회"><span>원주…</span></li></ul>';
    const [item] = items(read(html, config({ title: { attr: 'title' }, link: { attr: 'data-seq', template: 'view.do?seq={1}', pattern: '(\\d+)' } }, 'ul.cards li')));
    expect(item).toMatchObject({ title: '원주 일자리 박람회', url: 'https://www.example.go.kr/board/view.do?seq=77' });
  });

  it('builds links from onclick with pattern and template, against <base href>', () => {
    const html = `<base href="https://news.example.kr/sub/"><ul class="list">
      <li><a href="#none" onclick="fn_view('1234'); return false;">강릉 단오제</a></li>
      <li><a href="javascript:void(0)" onclick="fn_view('1235')">삼척 해변</a></li></ul>`;
    const page = config({ title: 'a', link: { selector: 'a', attr: 'onclick', pattern: "fn_view\\('(\\d+)'\\)", template: './read.do?id={1}&type=N' } }, 'ul.list li');
    expect(items(read(html, page)).map((i) => i.url)).toEqual([
      'https://news.example.kr/sub/read.do?id=1234&type=N',
      'https://news.example.kr/sub/read.do?id=1235&type=N',
    ]);
  });

  it('keeps group 1 of a pattern without template, and lists every category with all', () => {
    const html = '<div class="item"><h3>제목</h3><a href="v?no=9">보기</a><p class="meta">작성자: 홍길동 기자</p><span class="tag">경제</span><span class="tag">강원</span><span class="tag">경제</span></div>';
    const [item] = items(read(html, config({ title: 'h3', link: { selector: 'a', attr: 'href' }, author: { selector: 'p.meta', pattern: '작성자:\\s*(.+)' }, categories: { selector: 'span.tag', all: true } }, 'div.item')));
    expect(item).toMatchObject({ author: '홍길동 기자', categories: ['경제', '강원'] });
  });

  it('percent-encodes Hangul in link paths as UTF-8 and in queries in the page encoding', () => {
    const html = '<ul><li><a href="/게시판/view.jsp?cat=보도&amp;id=3">제목</a></li></ul>';
    const page = config({ title: 'a', link: { selector: 'a', attr: 'href' } }, 'li');
    expect(items(read(html, page))[0]?.url).toBe('https://www.example.go.kr/%EA%B2%8C%EC%8B%9C%ED%8C%90/view.jsp?cat=%EB%B3%B4%EB%8F%84&id=3');
    expect(items(read(html, page, 'euc-kr'))[0]?.url).toBe('https://www.example.go.kr/%EA%B2%8C%EC%8B%9C%ED%8C%90/view.jsp?cat=%BA%B8%B5%B5&id=3');
  });

  it('leaves out header rows and rows without a title or a link, and reads images as links', () => {
    const html = `<table class="board"><tbody>
      <tr><th>제목</th></tr>
      <tr><td class="subject">등록된 게시물이 없습니다</td></tr>
      <tr><td class="subject"><a href="v?no=1">있는 글</a><img src="/thumb/1.jpg"></td></tr></tbody></table>`;
    const result = items(read(html, config({ title: 'td.subject', link: { selector: 'a', attr: 'href' }, image: { selector: 'img', attr: 'src' } })));
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ title: '있는 글', image: 'https://www.example.go.kr/thumb/1.jpg' });
  });
});

describe('readPage explains pages it cannot read, with kind "selector"', () => {
  const basic = config({ title: 'td.subject a', link: { selector: 'td.subject a', attr: 'href' } });

  it('names an items selector that matches nothing, and the tables and lists the page does have', () => {
    const html = '<table id="bbsList" class="tbl_list"><tr><td>a</td></tr><tr><td>b</td></tr></table><ul class="gnb"><li>x</li></ul><ul><li>y</li></ul>';
    const result = read(html, config({ title: 'a', link: 'a' }, 'table.board tbody tr'));
    expect(result).toMatchObject({ ok: false, reason: 'no-items', error: { kind: 'selector' } });
    if (result.ok) return;
    expect(result.error.message).toBe(
      `page: items selector "table.board tbody tr" matches nothing on ${URL_}; the page has table#bbsList.tbl_list (2 rows), ul.gnb (1 entry); ` +
        'check the selector against the page source, e.g. with `regionwire inspect --source ID`',
    );
  });

  it('points at a frame when the list lives in one', () => {
    const result = read('<frameset><frame src="/board/inner.do"></frameset>', basic);
    expect(!result.ok && result.error.message).toContain('the list may be inside a frame: /board/inner.do');
  });

  it('recognises an alert page with no items and quotes its message', () => {
    const result = read("<html><script>alert('잘못된 접근입니다.'); history.back();</script></html>", basic);
    expect(result).toMatchObject({ ok: false, reason: 'alert', error: { kind: 'selector' } });
    expect(!result.ok && result.error.message).toMatch(/^page: .* answered with an alert instead of the list: "잘못된 접근입니다\." — .*Referer/);
  });

  it('says when the title is empty on every item', () => {
    const result = read(TABLE, config({ title: 'td.title', link: { selector: 'td.subject a', attr: 'href' } }));
    expect(!result.ok && result.error.message).toBe(
      'page: title is empty on all 2 items matched by the items selector — "td.title" finds nothing inside the items, or finds it without text or the attribute; check the selector and attr',
    );
  });

  it('says when every link is a script, and how to build addresses from it', () => {
    const html = `<table class="board"><tbody><tr><td class="subject"><a href="javascript:goView('11')">가</a></td></tr></tbody></table>`;
    const result = read(html, basic);
    expect(result).toMatchObject({ ok: false, reason: 'empty-fields' });
    expect(!result.ok && result.error.message).toMatch(/^page: link is empty on all 1 items .* its values are scripts such as "javascript:goView\('11'\)"; add pattern .* and template/);
  });

  it('says when a pattern matches none of its values, showing one', () => {
    const page = config({ title: 'td.subject a', link: { selector: 'td.subject a', attr: 'href', pattern: "goView\\('(\\d+)'\\)", template: 'v?{1}' } });
    const result = read(TABLE, page);
    expect(result).toMatchObject({ ok: false, reason: 'pattern' });
    expect(!result.ok && result.error.message).toBe(
      'page: the link pattern "goView\\(\'(\\d+)\'\\)" matches none of 2 values, e.g. "view.do?seq=102&menu=12" — adjust the pattern to the value shown (escape ( ) . ? with \\)',
    );
  });

  it('says when no date can be read, suggesting format', () => {
    const page = config({ title: 'td.subject a', link: { selector: 'td.subject a', attr: 'href' }, published: { selector: 'td.date', format: 'dd/MM/yyyy' } });
    const result = read(TABLE, page);
    expect(!result.ok && result.error.message).toMatch(/^page: published has 2 values, e\.g\. "2024\.12\.02", and none fits format "dd\/MM\/yyyy" — set format/);
  });
});
