import type http from 'node:http';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failure } from './fetch-helpers.js';
import { createFeedAgent } from '../../../src/fetch/agent.js';
import { fetchFeed, type FetchFeedOptions } from '../../../src/fetch/fetch-feed.js';
import type { FetchRequest } from '../../../src/model.js';
import { startOrigin, type Origin } from '../../helpers/origin.js';

const agent = createFeedAgent();
const opts: FetchFeedOptions = { userAgent: 'regionwire/test', timeoutMs: 2000, maxBodyBytes: 64 * 1024, maxRedirects: 5, dispatcher: agent };
const PAGE = '<html><body><table class="board"><tr><td>목록</td></tr></table></body></html>';

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

let origin: Origin;
let seen: Seen[];

// board answers with PAGE after recording the request, body included.
function board(status = 200, headers: Record<string, string> = {}) {
  return (req: http.IncomingMessage, res: http.ServerResponse) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers }).end(status === 200 ? PAGE : '');
    });
  };
}

const page = (path: string, fields: Partial<FetchRequest> = {}) =>
  fetchFeed({ url: origin.at(path), etag: null, lastModified: null, expect: 'page', ...fields }, opts);

beforeEach(async () => {
  seen = [];
  origin = await startOrigin({ '/list.do': board() });
});
afterEach(() => origin.close());
afterAll(() => agent.destroy());

describe('fetchFeed sends a page source\'s request', () => {
  it('POSTs the form urlencoded, with the source\'s headers and an HTML Accept', async () => {
    const result = await page('/list.do', { method: 'POST', form: { pageIndex: '2', searchKeyword: '강원 경제' }, headers: { Referer: 'https://www.example.go.kr/' } });
    expect(result.status).toBe('ok');
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/list.do', body: 'pageIndex=2&searchKeyword=%EA%B0%95%EC%9B%90+%EA%B2%BD%EC%A0%9C' });
    expect(seen[0]?.headers).toMatchObject({ 'content-type': 'application/x-www-form-urlencoded', referer: 'https://www.example.go.kr/' });
    expect(seen[0]?.headers.accept).toMatch(/^text\/html/);
  });

  it('adds a GET\'s form to the query, leaving an EUC-KR escape in the url alone', async () => {
    await page('/list.do?cat=%BA%B8%B5%B5', { form: { pageIndex: '3' } });
    expect(seen[0]).toMatchObject({ method: 'GET', url: '/list.do?cat=%BA%B8%B5%B5&pageIndex=3', body: '' });
  });

  it('sends validators with a GET and never with a POST', async () => {
    const validators = { etag: '"v1"', lastModified: 'Mon, 02 Dec 2024 01:00:00 GMT' };
    await page('/list.do', validators);
    await page('/list.do', { ...validators, method: 'POST', form: { pageIndex: '1' } });
    expect(seen[0]?.headers).toMatchObject({ 'if-none-match': '"v1"', 'if-modified-since': validators.lastModified });
    expect(seen[1]?.headers['if-none-match']).toBeUndefined();
    expect(seen[1]?.headers['if-modified-since']).toBeUndefined();
  });

  it('turns a POST into a GET after 303, and repeats it with its body after 307', async () => {
    origin.route('/see-other', board(303, { location: '/list.do' }));
    origin.route('/temporary', board(307, { location: '/list.do' }));
    await page('/see-other', { method: 'POST', form: { pageIndex: '1' } });
    await page('/temporary', { method: 'POST', form: { pageIndex: '2' } });
    expect(seen.map((s) => [s.method, s.url, s.body])).toEqual([
      ['POST', '/see-other', 'pageIndex=1'],
      ['GET', '/list.do', ''],
      ['POST', '/temporary', 'pageIndex=2'],
      ['POST', '/list.do', 'pageIndex=2'],
    ]);
    expect(seen[1]?.headers['content-type']).toBeUndefined();
  });

  it('says "not a list page" for a body that is not markup', async () => {
    origin.route('/json', (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"list":[]}'));
    expect(failure(await page('/json')).message).toMatch(/^fetch: .*\/json sent something that is not HTML \(it starts "\{"list":\[\]\}"\) — not a list page; check the URL/);
  });
});
