// Issue 9, point 2: each page error a user can act on is recorded on its source with kind
// "selector", while a working page source in the same pass goes on.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../src/cli/context.js';
import type { PollOutcome } from '../../src/model.js';
import { pollPass } from '../../src/worker/poll-pass.js';
import { startBoards, type Boards } from '../helpers/boards.js';
import { removeTempDirs, tempDir, writeConfig } from '../helpers/temp.js';

let boards: Boards;
let app: App;
let outcomes: Map<string, PollOutcome>;

// source writes one page source; `page` is its page: map in YAML flow style.
const source = (id: string, url: string, page: string) => `  - id: ${id}\n    name: ${id}\n    url: ${url}\n    type: page\n    page: ${page}\n`;

beforeAll(async () => {
  boards = await startBoards();
  const gwd = boards.origin.at('/portal/briefing/pressRelease');
  const yaml =
    'sources:\n' +
    source('working', gwd, '{ items: "tr[data-prboard-seq]", title: "td.skinTb-sbj a", link: { selector: "td.skinTb-sbj a", attr: href } }') +
    source('no-items', gwd, '{ items: "table.board tbody tr", title: "td a", link: { selector: "td a", attr: href } }') +
    source('no-title', gwd, '{ items: "tr[data-prboard-seq]", title: "td.skinTb-title", link: { selector: "td.skinTb-sbj a", attr: href } }') +
    source('script-links', boards.origin.at('/news/press_list.asp'), '{ items: "tr:has(td.tit)", title: "td.tit a", link: { selector: "td.tit a", attr: href } }') +
    source('alert', boards.origin.at('/alert.do'), '{ items: "tr[data-prboard-seq]", title: "td a", link: { selector: "td a", attr: href } }') +
    source('bad-pattern', boards.origin.at('/briefing/pressReleaseList.do'), `{ items: "div.list_type li", title: "a strong", link: { selector: "a", attr: href, pattern: "articleId=(\\\\d+)", template: "view.do?id={1}" } }`);
  app = openApp({ config: writeConfig({ 'sources.yaml': yaml }), db: path.join(tempDir(), 'errors.db') });
  outcomes = new Map((await pollPass(app.config.sources, app.ctx)).map((o) => [o.source, o]));
});

afterAll(async () => {
  app?.store.close();
  await boards?.origin.close();
  removeTempDirs();
});

// failedWith expects the source's poll to have failed with kind "selector" and returns the message
// recorded on the source.
function failedWith(id: string): string {
  expect(outcomes.get(id), id).toMatchObject({ status: 'failed', error: { kind: 'selector' } });
  const state = app.store.sourceState(id);
  expect(state, id).toMatchObject({ consecutiveFailures: 1, lastError: { kind: 'selector' } });
  expect(state?.nextPollAt, id).not.toBeNull();
  return state?.lastError?.message ?? '';
}

describe('page errors, each recorded on its source', () => {
  it('keeps the working page source going in the same pass', () => {
    expect(outcomes.get('working')).toMatchObject({ status: 'updated', counts: { new: 5 } });
    expect(app.store.sourceState('working')?.lastError).toBeNull();
  });

  it('names an items selector that matches nothing and the tables the page has', () => {
    expect(failedWith('no-items')).toBe(
      `page: items selector "table.board tbody tr" matches nothing on ${boards.origin.at('/portal/briefing/pressRelease')}; ` +
        'the page has table.skinTb (6 rows), ul.gnb (2 entries); check the selector against the page source, e.g. with `regionwire inspect --source ID`',
    );
  });

  it('says when the title is empty on every item', () => {
    expect(failedWith('no-title')).toMatch(/^page: title is empty on all 5 items matched by the items selector — "td\.skinTb-title" finds nothing/);
  });

  it('says when every link is a javascript: call, and how to turn it into an address', () => {
    expect(failedWith('script-links')).toMatch(/^page: link is empty on all 3 items .* its values are scripts such as "javascript:goView\('901'\)"; add pattern/);
  });

  it('recognises an alert page and quotes it', () => {
    expect(failedWith('alert')).toMatch(/^page: .*\/alert\.do answered with an alert instead of the list: "잘못된 접근입니다\." — the board refused the request/);
  });

  it('says when a pattern matches none of the values', () => {
    expect(failedWith('bad-pattern')).toMatch(/^page: the link pattern "articleId=\(\\d\+\)" matches none of 4 values, e\.g\. "\/briefing\/pressReleaseView\.do\?newsId=156661001&pageIndex=1&/);
  });

  it('loses nothing stored: a later pass with the working source still counts its items as known', async () => {
    const again = await pollPass(app.config.sources.filter((s) => s.id === 'working'), app.ctx);
    expect(again[0]).toMatchObject({ status: 'updated', counts: { new: 0, unchanged: 5 } });
  });
});
