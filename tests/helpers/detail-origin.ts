// A local origin for the full-text tests (issue 10): a 뉴스스텝-style feed whose article page carries
// the site's boilerplate, and an eGov-style press-release board (강원특별자치도, tagged government)
// whose view pages hold a stub body and `javascript:fn_egov_downFile(…)` attachment links. Every
// file is built here by test code; the origin counts requests per path and query.
import type http from 'node:http';
import { buildHwp } from './hwp.js';
import { buildHwpx } from './hwpx.js';
import { RELEASE_PARAGRAPHS } from './korean-text.js';
import { startOrigin, type Origin } from './origin.js';
import { buildPdf } from './pdf.js';
import { fixture } from './temp.js';

export const SEED_TITLE = "강원 중견 + 중소기업 손잡고 '융합과 혁신' 약속";
export const STUB_BODY = '보도자료 첨부파일을 참고하시기 바랍니다.';
/** Over the tests' max_body_size (200KB). */
const OVERSIZED = Buffer.alloc(300 * 1024, 0x41);

export interface BoardItem {
  readonly seq: number;
  title: string;
  readonly date: string;
  /** File name on the page → bytes; null = the view page answers 404. */
  readonly files: Readonly<Record<string, Buffer>> | null;
}

export const HWPX_TEXT = ['화천군 산천어축제장 얼음낚시터에서 빙어 체험 행사가 열린다.', '참가자는 현장에서 접수한다.'];
export const PDF_TEXT = ['인제군은 봄철 곰취 재배 농가에 종자 구입비를 지원한다.', '신청은 읍면사무소에서 받는다.'];

// boardItems is the board's list, newest first: seq 1 is the seed release, whose text is only in its HWP.
export function boardItems(): BoardItem[] {
  const corrupt = buildHwp({ sections: [['손상된 문서']] }).subarray(0, 1536);
  return [
    { seq: 7, title: '삭제된 보도자료', date: '2024.11.29', files: null },
    { seq: 6, title: '대용량 첨부 보도자료', date: '2024.11.28', files: { '붙임 사진.hwp': OVERSIZED } },
    { seq: 5, title: '암호가 걸린 보도자료', date: '2024.11.28', files: { '보안문서.pdf': buildPdf({ pages: [['비밀 문서']], userPassword: 'secret' }) } },
    { seq: 4, title: '손상된 첨부 보도자료', date: '2024.11.28', files: { '손상.hwp': corrupt } },
    { seq: 3, title: '인제군 곰취 재배 지원', date: '2024.11.27', files: { '곰취 지원.pdf': buildPdf({ pages: [PDF_TEXT] }) } },
    { seq: 2, title: '화천 얼음낚시 체험', date: '2024.11.27', files: { '체험 안내.hwpx': buildHwpx({ sections: [HWPX_TEXT] }) } },
    { seq: 1, title: '중견·중소기업 상생 간담회 개최', date: '2024.11.29', files: { '보도자료(중견·중소기업 상생 간담회).hwp': buildHwp({ sections: [[...RELEASE_PARAGRAPHS]] }) } },
  ];
}

export interface DetailOrigin {
  readonly origin: Origin;
  readonly items: BoardItem[];
  /** Requests per path with query, e.g. "/gwd/view.do?seq=1". */
  count(pathAndQuery: string): number;
  /** View pages answered 304 Not Modified (their ETag is "v<seq>"). */
  readonly notModified: number[];
  readonly sourcesYaml: string;
}

// startDetailOrigin serves the feed, the article, the board list, its view pages and files.
export async function startDetailOrigin(): Promise<DetailOrigin> {
  const items = boardItems();
  const counts = new Map<string, number>();
  const notModified: number[] = [];
  const files = new Map<string, Buffer>();
  for (const item of items) Object.values(item.files ?? {}).forEach((bytes, n) => files.set(`${item.seq}-${n}`, bytes));
  const counted = (handler: http.RequestListener): http.RequestListener => (req, res) => {
    counts.set(req.url ?? '', (counts.get(req.url ?? '') ?? 0) + 1);
    handler(req, res);
  };
  const html = (res: http.ServerResponse, body: string | Buffer, status = 200) => res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  const origin = await startOrigin({
    '/rss/allArticle.xml': counted((_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(newsstepFeed(origin.url))),
    '/news/articleView.html': counted((_req, res) => html(res, fixture('pages/detail/newsstep-article.html'))),
    '/gwd/list.do': counted((_req, res) => html(res, boardList(items))),
    '/gwd/view.do': counted((req, res) => {
      const seq = Number(new URL(req.url ?? '', origin.url).searchParams.get('seq'));
      const item = items.find((i) => i.seq === seq);
      if (item?.files == null) return html(res, '<html><body>페이지를 찾을 수 없습니다</body></html>', 404);
      // The view page does not show the list's title edits, so its ETag never changes.
      const etag = `"v${seq}"`;
      if (req.headers['if-none-match'] === etag) {
        notModified.push(seq);
        return res.writeHead(304, { etag }).end();
      }
      res.setHeader('etag', etag);
      html(res, viewPage(item));
    }),
    '/cmm/fms/FileDown.do': counted((req, res) => {
      const query = new URL(req.url ?? '', origin.url).searchParams;
      const bytes = files.get(`${query.get('atchFileId')}-${query.get('fileSn')}`);
      if (bytes === undefined) res.writeHead(404).end();
      else res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(bytes);
    }),
  });
  const sourcesYaml = `sources:
  - id: newsstep
    name: 뉴스스텝
    url: ${origin.at('/rss/allArticle.xml')}
    detail: true
  - id: gwd-press
    name: 강원특별자치도 보도자료
    url: ${origin.at('/gwd/list.do')}
    tags: [government, press-release]
    type: page
    page:
      items: "tr.row"
      title: "td.sbj a"
      link: { selector: "td.sbj a", attr: href }
      published: "td.date"
    detail:
      content: "td.view_cont"
      author: "td.writer"
      attachments: { selector: "a.attach", pattern: "fn_egov_downFile\\\\('([^']+)','(\\\\d+)'\\\\)", template: "/cmm/fms/FileDown.do?atchFileId={1}&fileSn={2}" }
`;
  return { origin, items, count: (p) => counts.get(p) ?? 0, notModified, sourcesYaml };
}

function newsstepFeed(base: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>뉴스스텝</title><link>${base}/</link><description>뉴스스텝 전체기사</description>
<item><title>${SEED_TITLE.replace(/'/g, '&apos;')}</title><link>${base}/news/articleView.html?idxno=51234</link>
<description>[뉴스스텝] 강원특별자치도는 29일 도청 별관 대회의실에서 중견·중소기업···</description>
<pubDate>Sun, 01 Dec 2024 17:55:00 +0900</pubDate></item>
</channel></rss>`;
}

function boardList(items: readonly BoardItem[]): string {
  const rows = items.map((i) => `<tr class="row"><td class="sbj"><a href="/gwd/view.do?seq=${i.seq}">${i.title}</a></td><td class="date">${i.date}</td></tr>`);
  return `<!DOCTYPE html><html lang="ko"><head><meta charset="UTF-8"><title>보도자료</title></head><body><table>${rows.join('')}</table></body></html>`;
}

// viewPage follows tests/fixtures/pages/detail/egov-board-view.html: a stub body, files as javascript: links.
function viewPage(item: BoardItem): string {
  const links = Object.keys(item.files ?? {}).map((name, n) => `<li><a href="javascript:fn_egov_downFile('${item.seq}','${n}')" class="attach">${name}</a> <span class="size">[45.2 KB]</span></li>`);
  return `<!DOCTYPE html><html lang="ko"><head><meta charset="UTF-8"><title>${item.title}</title></head><body>
<table class="bbs_view"><tr><th>제목</th><td class="subject">${item.title}</td></tr>
<tr><th>작성자</th><td class="writer">기업지원과</td><th>등록일</th><td class="date">${item.date}</td></tr>
<tr><th>첨부파일</th><td><ul class="file_list">${links.join('')}</ul></td></tr>
<tr><td class="view_cont">${STUB_BODY}</td></tr></table></body></html>`;
}
