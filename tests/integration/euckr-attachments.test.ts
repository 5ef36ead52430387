// An EUC-KR board whose item page links its HWP with the file's Hangul name in the query, as
// older ASP and JSP boards do. A browser sends that name in the page's encoding, and the board's
// download script only finds the file so: the poll must ask for it the same way (WHATWG URL's
// encoding override), or the release's text is lost to a 404.
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../src/cli/context.js';
import type { PollOutcome } from '../../src/model.js';
import { pollSource } from '../../src/worker/poll-source.js';
import { buildHwp } from '../helpers/hwp.js';
import { startOrigin, type Origin } from '../helpers/origin.js';
import { removeTempDirs, tempDir, writeConfig } from '../helpers/temp.js';

const FILE_NAME = '보도자료(산불예방).hwp';
const RELEASE = ['양구군은 봄철 산불 예방을 위해 감시 인력 120명을 배치한다.', '입산 통제 구역은 군청 누리집에 알린다.'];
const HWP = buildHwp({ sections: [RELEASE] });

const euckr = (html: string) => iconv.encode(html, 'euc-kr');
const page = (body: string) => euckr(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=euc-kr"><title>보도자료</title></head><body>${body}</body></html>`);

let origin: Origin;
let app: App;
let outcome: PollOutcome;
const downloads: string[] = [];

beforeAll(async () => {
  origin = await startOrigin({
    '/press/list.asp': (_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end(page('<table><tr class="row"><td class="tit"><a href="view.asp?no=7">양구군, 봄철 산불 감시 인력 배치</a></td><td class="date">2024-03-04</td></tr></table>')),
    '/press/view.asp': (_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end(page(`<div class="cont">첨부파일 참조</div><div class="file"><a href="down.asp?name=${FILE_NAME}">${FILE_NAME}</a></div>`)),
    // The script reads the name's bytes as EUC-KR, as the board's own ASP would.
    '/press/down.asp': (req, res) => {
      const raw = (req.url ?? '').split('name=')[1] ?? '';
      downloads.push(raw);
      const bytes = Buffer.from(raw.replace(/%([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
      if (iconv.decode(bytes, 'euc-kr') === FILE_NAME) res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(HWP);
      else res.writeHead(404, { 'content-type': 'text/html' }).end(page('파일을 찾을 수 없습니다.'));
    },
  });
  const config = writeConfig({
    'sources.yaml': `sources:
  - id: yanggu-press
    name: 양구군 보도자료
    url: ${origin.at('/press/list.asp')}
    type: page
    page:
      items: "tr.row"
      title: "td.tit a"
      link: { selector: "td.tit a", attr: href }
      published: "td.date"
    detail:
      content: "div.cont"
      attachments: "div.file a"
`,
  });
  app = openApp({ config, db: path.join(tempDir(), 'regionwire.db') });
  const source = app.config.sources[0];
  if (source === undefined) throw new Error('no source');
  outcome = await pollSource(source, app.ctx);
});

afterAll(async () => {
  app?.store.close();
  await origin?.close();
  removeTempDirs();
});

describe('attachments of an EUC-KR board', () => {
  it('asks for the file by its name in EUC-KR, and takes the release text from it', () => {
    expect(outcome).toMatchObject({ status: 'updated', encoding: 'euc-kr', counts: { new: 1 } });
    expect(downloads).toEqual(['%BA%B8%B5%B5%C0%DA%B7%E1(%BB%EA%BA%D2%BF%B9%B9%E6).hwp']);
    const [item] = app.store.queryItems({ sources: ['yanggu-press'], limit: 10 });
    expect(item?.content).toContain(RELEASE[0]);
    const files = app.store.attachmentsOf([item?.id ?? 0]).get(item?.id ?? 0) ?? [];
    expect(files).toMatchObject([{ name: FILE_NAME, error: null }]);
  });
});
