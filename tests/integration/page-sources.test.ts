// Issue 9: five board shapes, written in-house after real boards, polled twice from a local origin
// into a real SQLite file: the second poll adds only the new item and duplicates nothing.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../src/cli/context.js';
import type { PollOutcome } from '../../src/model.js';
import { pollPass } from '../../src/worker/poll-pass.js';
import { boardSources, startBoards, type Boards } from '../helpers/boards.js';
import { removeTempDirs, tempDir, writeConfig } from '../helpers/temp.js';

const TOPICS = `topics:
  - id: gangwon
    title: 강원
    any: [강원, 춘천, 강릉]
`;

let boards: Boards;
let app: App;
let first: Map<string, PollOutcome>;
let second: Map<string, PollOutcome>;

const byId = (outcomes: readonly PollOutcome[]) => new Map(outcomes.map((o) => [o.source, o]));
const itemsOf = (source: string) => app.store.queryItems({ sources: [source], limit: 100 });
const at = (p: string) => boards.origin.at(p);

beforeAll(async () => {
  boards = await startBoards();
  const config = writeConfig({ 'sources.yaml': boardSources(boards.origin), 'topics.yaml': TOPICS });
  app = openApp({ config, db: path.join(tempDir(), 'regionwire.db') });
  first = byId(await pollPass(app.config.sources, app.ctx));
  boards.later = true;
  second = byId(await pollPass(app.config.sources, app.ctx));
});

afterAll(async () => {
  app?.store.close();
  await boards?.origin.close();
  removeTempDirs();
});

describe('page sources polled twice', () => {
  it('adds only the new item on the second poll of every shape, and duplicates nothing', () => {
    const expected: Record<string, [number, number]> = {
      'gwd-press': [10, 11],
      'chuncheon-press': [4, 5],
      'gangneung-press': [8, 9],
      'euckr-board': [3, 4],
      'korea-kr-press': [8, 9],
    };
    for (const [id, [firstNew, total]] of Object.entries(expected)) {
      expect(first.get(id), id).toMatchObject({ status: 'updated', counts: { new: firstNew, updated: 0 } });
      expect(second.get(id), id).toMatchObject({ status: 'updated', counts: { new: 1 } });
      const urls = itemsOf(id).map((item) => item.url);
      expect(urls, id).toHaveLength(total);
      expect(new Set(urls).size, id).toBe(total);
    }
  });

  it('(a) reads table rows with ?seq= links, pages by POST, ends at an empty page and stops at a known one', () => {
    expect(boards.asked.get('gwd')).toEqual([1, 2, 3, 1, 2]);
    const [newest] = itemsOf('gwd-press');
    expect(newest).toMatchObject({
      title: '강원 수소산업 규제자유특구 지정 신청',
      url: at('/portal/briefing/pressRelease?seq=8311'),
      author: '기획조정실',
      topics: ['gangwon'],
    });
    expect(newest?.published.toISOString()).toBe('2024-11-20T15:00:00.000Z');
    expect(newest?.story).not.toBeNull();
  });

  it('(a) updates an edited title in place', () => {
    expect(second.get('gwd-press')).toMatchObject({ counts: { new: 1, updated: 1, unchanged: 8 } });
    const edited = itemsOf('gwd-press').filter((item) => item.url === at('/portal/briefing/pressRelease?seq=8309'));
    expect(edited.map((item) => item.title)).toEqual(['폭설 대비 제설장비 사전 점검 완료…읍면동 제설함 1,200곳 정비']);
  });

  it('(b) builds card links from onclick="fn_view(\'N\')"', () => {
    const item = itemsOf('chuncheon-press').find((i) => i.title === '춘천시, 2025 겨울 레저 축제 세부 일정 확정');
    expect(item).toMatchObject({
      url: at('/mayor/newsroom/press-release/?bbsId=BBSMSTR_000000000335&nttId=524761&flag=view'),
      author: '관광과',
      image: at('/upload/thumb/524761.jpg'),
    });
    expect(item?.published.toISOString()).toBe('2024-11-27T15:00:00.000Z');
  });

  it('(c) keeps an eGov item that moved from page 1 to page 2 as one item, with dotted dates', () => {
    expect(second.get('gangneung-press')).toMatchObject({ counts: { new: 1, updated: 0, unchanged: 7 } });
    const moved = itemsOf('gangneung-press').filter((i) => i.title === '강릉 안목해변 공영주차장 확충 공사 준공');
    expect(moved).toHaveLength(1);
    expect(moved[0]?.url).toBe(at('/www/selectBbsNttView.do?key=277&bbsNo=23&nttNo=203378'));
    expect(moved[0]?.published.toISOString()).toBe('2024-11-25T15:00:00.000Z');
    expect(boards.asked.get('gangneung')).toEqual([1, 2, 1, 2]);
  });

  it('(d) reads an EUC-KR page declared only in <meta>, with javascript:goView links and 년월일 dates', () => {
    expect(first.get('euckr-board')).toMatchObject({ encoding: 'euc-kr', warning: null });
    const item = itemsOf('euckr-board').find((i) => i.url === at('/news/press_view.asp?code=press&no=901'));
    expect(item).toMatchObject({ title: '삼척 수소산업 일자리 500개 창출 기대 (똠방각하 공연 안내 포함)', author: '기획예산과' });
    expect(item?.published.toISOString()).toBe('2024-11-26T15:00:00.000Z');
  });

  it('(e) reads a korea.kr list: lead line as summary, "date · ministry" as date and author', () => {
    const item = itemsOf('korea-kr-press').find((i) => i.url === at('/briefing/pressReleaseView.do?newsId=156660998'));
    expect(item).toMatchObject({
      title: '지방소멸대응기금 2025년 배분 결과 공개',
      summary: '강원 15개 시군 포함 107곳 지원',
      author: '행정안전부',
      topics: ['gangwon'],
    });
    expect(item?.published.toISOString()).toBe('2024-11-27T15:00:00.000Z');
    expect(boards.asked.get('korea')).toEqual([1, 2, 1, 2]);
  });

  it('records each page poll on the source like a feed poll', () => {
    for (const id of ['gwd-press', 'korea-kr-press']) {
      expect(app.store.sourceState(id)).toMatchObject({ consecutiveFailures: 0, lastError: null });
      expect(app.store.pollLog(id).map((entry) => entry.status)).toEqual(['updated', 'updated']);
    }
  });
});
