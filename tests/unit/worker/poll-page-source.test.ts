// pollSource on a page source: date-only items across polls, conditional GET of page 1, and one
// outcome for a poll whose later page fails. Real origin, real database file.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../../src/cli/context.js';
import { pollSource, type PollContext } from '../../../src/worker/poll-source.js';
import type { Handler } from '../../helpers/origin.js';
import { startOrigin, type Origin } from '../../helpers/origin.js';
import { removeTempDirs, tempDir, writeConfig } from '../../helpers/temp.js';

let origin: Origin | null = null;
let app: App | null = null;

afterEach(async () => {
  app?.store.close();
  await origin?.close();
  origin = app = null;
  removeTempDirs();
});

// board renders a list of [id, date] rows.
const board = (rows: readonly [number, string][]) =>
  `<table class="list"><tbody>${rows.map(([id, date]) => `<tr><td class="t"><a href="view.do?no=${id}">보도자료 ${id}호</a></td><td class="d">${date}</td></tr>`).join('')}</tbody></table>`;

const pages: Record<string, string> = {};
// served answers /list.do?page=N from `pages`, with an ETag per body, 304 when it matches.
const served: Handler = (req, res) => {
  const page = new URL(req.url ?? '/', 'http://x').searchParams.get('page') ?? '1';
  const body = pages[page];
  if (body === undefined) return void res.writeHead(500).end('server error');
  const etag = `"${Buffer.from(body).length}-${page}"`;
  if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag }).end(body);
};

async function setup(pagesPerPoll: number): Promise<{ ctx: PollContext; poll: (at: string) => ReturnType<typeof pollSource> }> {
  origin = await startOrigin({ '/list.do': served });
  const yaml = `sources:
  - id: board
    name: 게시판
    url: ${origin.at('/list.do')}?page={page}
    type: page
    page: { items: "tbody tr", title: "td.t a", link: { selector: "td.t a", attr: href }, published: "td.d", pages: ${pagesPerPoll} }
`;
  const opened = openApp({ config: writeConfig({ 'sources.yaml': yaml }), db: path.join(tempDir(), 'pages.db') });
  app = opened;
  const source = opened.config.sources[0]!;
  return { ctx: opened.ctx, poll: (at) => pollSource(source, { ...opened.ctx, now: () => new Date(at) }) };
}

const stored = () => app!.store.queryItems({ sources: ['board'], limit: 100 });

describe('pollSource on a page source', () => {
  it('dates a date-only item of today at its first poll, and keeps that time on later polls', async () => {
    const { poll } = await setup(1);
    pages['1'] = board([[1, '2024-12-03']]);
    // 10:00 in Seoul on 2024-12-03.
    expect(await poll('2024-12-03T01:00:00.000Z')).toMatchObject({ status: 'updated', counts: { new: 1 } });
    // The same page again (no ETag sent back by a new body): later that day, and the next day.
    pages['1'] = board([[2, '2024-12-03'], [1, '2024-12-03']]);
    expect(await poll('2024-12-03T05:00:00.000Z')).toMatchObject({ counts: { new: 1, updated: 0, unchanged: 1 } });
    pages['1'] = board([[3, '2024-12-03'], [2, '2024-12-03'], [1, '2024-12-03']]);
    expect(await poll('2024-12-04T01:00:00.000Z')).toMatchObject({ counts: { new: 1, updated: 0, unchanged: 2 } });
    const published = Object.fromEntries(stored().map((item) => [item.title, item.published.toISOString()]));
    expect(published).toEqual({
      '보도자료 1호': '2024-12-03T01:00:00.000Z',
      '보도자료 2호': '2024-12-03T05:00:00.000Z',
      // First seen the next day: the start of its own day in Seoul.
      '보도자료 3호': '2024-12-02T15:00:00.000Z',
    });
  });

  it('asks page 1 conditionally and calls the whole poll not-modified on a 304', async () => {
    const { poll } = await setup(2);
    pages['1'] = board([[12, '2024-12-02'], [11, '2024-12-02']]);
    pages['2'] = board([[10, '2024-12-01']]);
    expect(await poll('2024-12-03T01:00:00.000Z')).toMatchObject({ status: 'updated', counts: { new: 3 } });
    expect(await poll('2024-12-03T02:00:00.000Z')).toMatchObject({ status: 'not-modified' });
    const asked = origin!.requests.map((r) => r.headers['if-none-match'] ?? null);
    expect(asked).toEqual([null, null, `"${Buffer.from(pages['1']).length}-1"`]);
  });

  it('fails the whole poll when a later page fails, storing nothing of the first', async () => {
    const { poll } = await setup(2);
    pages['1'] = board([[21, '2024-12-02']]);
    delete pages['2'];
    const outcome = await poll('2024-12-03T01:00:00.000Z');
    expect(outcome).toMatchObject({ status: 'failed', error: { kind: 'http-status', status: 500 } });
    expect(outcome.status === 'failed' && outcome.error.message).toMatch(/^fetch: .* \(list page 2 of 2\)$/);
    expect(stored()).toEqual([]);
    expect(app!.store.sourceState('board')).toMatchObject({ consecutiveFailures: 1, lastError: { kind: 'http-status' } });
  });
});
