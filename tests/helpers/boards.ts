// A local origin serving the in-house board fixtures (tests/fixtures/pages) the way the real boards
// page: POST pageIndex, ?pageIndex= in the query, or one page only. `later` switches every board to
// its next-poll state.
import type http from 'node:http';
import { startOrigin, type Handler, type Origin } from './origin.js';
import { fixture } from './temp.js';

export interface Boards {
  readonly origin: Origin;
  /** Serve the `*-later.html` files from now on. */
  later: boolean;
  /** Page numbers asked for, per board path, in order. */
  readonly asked: Map<string, number[]>;
}

const HTML = { 'content-type': 'text/html; charset=utf-8' };

// startBoards serves the five board shapes and an alert page.
export async function startBoards(): Promise<Boards> {
  const boards = { later: false, asked: new Map<string, number[]>() } as Boards;
  const file = (name: string) => fixture(`pages/${name}${boards.later ? '-later' : ''}.html`);
  const record = (path: string, page: number) => boards.asked.set(path, [...(boards.asked.get(path) ?? []), page]);
  const paged = (path: string, name: (page: number) => Buffer, pageOf: (req: http.IncomingMessage, body: string) => number, headers = HTML): Handler =>
    (req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const page = pageOf(req, body);
        record(path, page);
        res.writeHead(200, headers).end(name(page));
      });
    };
  const query = (req: http.IncomingMessage) => Number(new URL(req.url ?? '/', 'http://x').searchParams.get('pageIndex') ?? 1);
  const form = (_req: http.IncomingMessage, body: string) => Number(new URLSearchParams(body).get('pageIndex') ?? 1);
  const origin = await startOrigin({
    '/portal/briefing/pressRelease': paged('gwd', (n) => (n <= 2 ? file(`gwd-press-${n}`) : fixture('pages/gwd-press-empty.html')), form),
    '/mayor/newsroom/press-release/': paged('chuncheon', () => file('chuncheon-press'), () => 1),
    '/www/selectBbsNttList.do': paged('gangneung', (n) => file(`gangneung-press-${n}`), query),
    // No charset in the header: the page declares EUC-KR only in its <meta>.
    '/news/press_list.asp': paged('euckr', () => file('euckr-board'), () => 1, { 'content-type': 'text/html' }),
    '/briefing/pressReleaseList.do': paged('korea', (n) => file(`korea-kr-press-${n}`), query),
    '/alert.do': paged('alert', () => fixture('pages/alert-page.html'), () => 1),
  });
  return Object.assign(boards, { origin });
}

/** The five boards as page sources, in the syntax of issue 9. */
export function boardSources(o: Origin): string {
  return `sources:
  - id: gwd-press
    name: 강원특별자치도 보도자료
    url: ${o.at('/portal/briefing/pressRelease')}
    type: page
    page:
      items: "tr[data-prboard-seq]"
      title: "td.skinTb-sbj a"
      link: { selector: "td.skinTb-sbj a", attr: href }
      published: { selector: "td.skinTb-date", format: "yyyy-MM-dd" }
      author: "td.skinTb-part"
      pages: 3
      request: { method: POST, form: { pageIndex: "{page}" } }
  - id: chuncheon-press
    name: 춘천시 보도자료
    url: ${o.at('/mayor/newsroom/press-release/')}
    type: page
    page:
      items: "ul.news-list-box > li.news-box"
      title: "a > p"
      link: { selector: "a", attr: onclick, pattern: "fn_view\\\\('(\\\\d+)'\\\\)", template: "?bbsId=BBSMSTR_000000000335&nttId={1}&flag=view" }
      published: "ul.news-box-info > li:last-child"
      author: "ul.news-box-info > li:first-child"
      image: { selector: "img", attr: src }
  - id: gangneung-press
    name: 강릉시 시정보도자료
    url: ${o.at('/www/selectBbsNttList.do')}?bbsNo=23&key=277&pageIndex={page}
    type: page
    page:
      items: "tbody tr:has(td.subject a)"
      title: "td.subject a"
      link: { selector: "td.subject a", attr: href, pattern: "nttNo=(\\\\d+)", template: "./selectBbsNttView.do?key=277&bbsNo=23&nttNo={1}" }
      published: "td:nth-child(5)"
      author: "td:nth-child(3)"
      pages: 2
  - id: euckr-board
    name: 구정소식 보도자료
    url: ${o.at('/news/press_list.asp')}
    type: page
    page:
      items: "table.board_list tr:has(td.tit)"
      title: "td.tit a"
      link: { selector: "td.tit a", attr: href, pattern: "goView\\\\('(\\\\d+)'\\\\)", template: "/news/press_view.asp?code=press&no={1}" }
      published: "td.date"
      author: "td:nth-child(3)"
  - id: korea-kr-press
    name: 정책브리핑 보도자료
    url: ${o.at('/briefing/pressReleaseList.do')}?pageIndex={page}
    type: page
    page:
      items: "div.list_type li"
      title: "a strong"
      link: { selector: "a", attr: href, pattern: "newsId=(\\\\d+)", template: "/briefing/pressReleaseView.do?newsId={1}" }
      summary: { selector: "span.lead", pattern: "^-?\\\\s*(.+)" }
      published: "span.source"
      author: { selector: "span.source", pattern: "·\\\\s*(.+)$" }
      pages: 2
`;
}
