// `regionwire inspect --source ID` as a user runs it: a real process, a local origin, nothing stored.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardSources, startBoards, type Boards } from '../helpers/boards.js';
import { runCli } from '../helpers/cli.js';
import { serveBody } from '../helpers/origin.js';
import { fixture, removeTempDirs, tempDir, writeConfig } from '../helpers/temp.js';

let boards: Boards;
let config: string;
let db: string;

interface Result {
  source: string;
  format: string | null;
  encoding: string | null;
  items: Record<string, unknown>[];
  error: { kind: string; message: string } | null;
}

const inspect = async (...args: string[]) => {
  const run = await runCli(['--config', config, '--db', db, 'inspect', ...args]);
  return { ...run, results: run.code === 0 && args.includes('--json') ? (JSON.parse(run.stdout) as Result[]) : [] };
};

beforeAll(async () => {
  boards = await startBoards();
  boards.origin.route('/rss2.xml', serveBody(fixture('feeds/gangwon-ndsoft-rss2.xml')));
  const broken = `  - id: broken-board\n    name: 잘못된 선택자\n    url: ${boards.origin.at('/www/selectBbsNttList.do')}\n    type: page\n    page: { items: "ul.board > li", title: a, link: a }\n`;
  const feed = `  - id: rss2\n    name: 피드\n    url: ${boards.origin.at('/rss2.xml')}\n`;
  config = writeConfig({ 'sources.yaml': boardSources(boards.origin) + broken + feed });
  db = path.join(tempDir(), 'never-written.db');
});

afterAll(async () => {
  await boards?.origin.close();
  removeTempDirs();
});

describe('inspect --source', () => {
  // One process for the JSON cases: three configured sources (page, feed, broken page) and a URL.
  let results: Result[];
  beforeAll(async () => {
    results = (await inspect(boards.origin.at('/rss2.xml'), '--source', 'korea-kr-press', 'rss2', 'broken-board', '--json')).results;
  });

  it('prints a page source\'s items as JSON, in the shape of inspect URL --json, storing nothing', () => {
    const [page, , , url] = results;
    expect(page).toMatchObject({ source: 'korea-kr-press', format: 'page', encoding: 'utf-8', error: null });
    expect(page?.items).toHaveLength(8);
    expect(page?.items[0]).toMatchObject({
      title: '겨울철 한파 대비 취약계층 보호 대책 시행',
      url: boards.origin.at('/briefing/pressReleaseView.do?newsId=156661001'),
      summary: '12월부터 3월까지 응급 대피소 1,200곳 운영',
      author: '행정안전부',
      content: null,
    });
    expect(Object.keys(page ?? {}).sort()).toEqual(Object.keys(url ?? {}).sort());
    expect(Object.keys(page?.items[0] ?? {}).sort()).toEqual(Object.keys(url?.items[0] ?? {}).sort());
    expect(fs.existsSync(db)).toBe(false);
  });

  it('reads a feed source with its own settings too', () => {
    expect(results[1]).toMatchObject({ source: 'rss2', format: 'rss20', error: null });
    expect(results[1]?.items).toHaveLength(3);
  });

  it('gives a page source\'s selector error', () => {
    expect(results[2]?.error).toMatchObject({ kind: 'selector' });
    expect(results[2]?.error?.message).toMatch(/^page: items selector "ul\.board > li" matches nothing on .*; the page has table\.bbs_default\.list \(5 rows\)/);
  });

  it('prints each item\'s fields as text', async () => {
    const text = await inspect('--source', 'euckr-board');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('삼척 수소산업 일자리 500개 창출 기대 (똠방각하 공연 안내 포함)');
    expect(text.stdout).toContain(`${boards.origin.at('/news/press_view.asp?code=press&no=901')}\n      author: 기획예산과`);
  });

  it('refuses an unknown source id with exit code 2, listing the known ones', async () => {
    const run = await inspect('--source', 'gwd-pres');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown source "gwd-pres"; known sources: gwd-press, /);
  });
});
