// Issue 10: full text. A 뉴스스텝 feed with `detail: true` and a 강원특별자치도 board whose releases
// keep their text in HWP, HWPX and PDF attachments, polled from a local origin into a real SQLite
// file through the real pollSource: body without boilerplate, attachment text in content and
// search, errors listed, pages fetched once, retried at most 3 times, and the seed story.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../src/cli/context.js';
import type { PollOutcome, StoredItem } from '../../src/model.js';
import { pollPass } from '../../src/worker/poll-pass.js';
import { pollSource } from '../../src/worker/poll-source.js';
import { HWPX_TEXT, PDF_TEXT, SEED_TITLE, STUB_BODY, startDetailOrigin, type DetailOrigin } from '../helpers/detail-origin.js';
import { runCli } from '../helpers/cli.js';
import { RELEASE_PARAGRAPHS } from '../helpers/korean-text.js';
import { removeTempDirs, tempDir, writeConfig } from '../helpers/temp.js';

let site: DetailOrigin;
let app: App;
let config: string;
let db: string;
let first: Map<string, PollOutcome>;
let second: Map<string, PollOutcome>;

const poll = async () => new Map((await pollPass(app.config.sources, app.ctx)).map((o) => [o.source, o]));
const items = (source: string) => app.store.queryItems({ sources: [source], limit: 100 });
const bySeq = (seq: number): StoredItem => {
  const found = items('gwd-press').find((i) => i.url?.endsWith(`seq=${seq}`));
  if (found === undefined) throw new Error(`no item seq=${seq}`);
  return found;
};
const attachments = (item: StoredItem) => app.store.attachmentsOf([item.id]).get(item.id) ?? [];
const view = (seq: number) => site.count(`/gwd/view.do?seq=${seq}`);
const file = (seq: number) => site.count(`/cmm/fms/FileDown.do?atchFileId=${seq}&fileSn=0`);

beforeAll(async () => {
  site = await startDetailOrigin();
  config = writeConfig({ 'sources.yaml': site.sourcesYaml, 'settings.yaml': 'settings:\n  max_body_size: 200KB\n' });
  db = path.join(tempDir(), 'regionwire.db');
  app = openApp({ config, db });
  // The real order (issue 10, point 6): the province's board is polled the morning after its release
  // (so the release keeps its date without a time), 뉴스스텝's feed when the reprint comes out.
  first = new Map();
  for (const [id, at] of [['gwd-press', '2024-11-29T23:00:00Z'], ['newsstep', '2024-12-01T09:00:00Z']] as const) {
    const source = app.config.sources.find((s) => s.id === id);
    if (source === undefined) throw new Error(`no source ${id}`);
    first.set(id, await pollSource(source, { ...app.ctx, now: () => new Date(at) }));
  }
  second = await poll();
});

afterAll(async () => {
  app?.store.close();
  await site?.origin.close();
  removeTempDirs();
});

describe('full text of feed items (detail: true)', () => {
  it('keeps the 뉴스스텝 article body whole and drops every boilerplate block after it', () => {
    const [article] = items('newsstep');
    expect(first.get('newsstep')).toMatchObject({ status: 'updated', counts: { new: 1 } });
    for (const paragraph of RELEASE_PARAGRAPHS.slice(1)) expect(article?.content).toContain(paragraph);
    expect(article?.content).toContain('판로가 가장 큰 고민인데');
    for (const boilerplate of ['저작권자', '무단전재', '최신뉴스', 'PHOTO NEWS', '많이 본 기사', '더보기', '관련기사', '댓글', '이 기사를 공유합니다', '글자크기', '인쇄하기', '양구군, 2025년 청년 창업']) {
      expect(article?.content, boilerplate).not.toContain(boilerplate);
    }
  });
});

describe('full text of board items with attachments', () => {
  it('makes the HWP, HWPX and PDF text the content of items whose body is a stub', () => {
    expect(bySeq(1).content).toContain(`<p>${RELEASE_PARAGRAPHS[0]}</p>`);
    expect(bySeq(2).content).toContain(HWPX_TEXT[0]);
    expect(bySeq(3).content).toContain(PDF_TEXT[0]);
    expect(bySeq(1).author).toBe('기업지원과');
  });

  it('finds a two-syllable word that only the attachment holds', () => {
    const found = (word: string) => app.store.queryItems({ sources: ['gwd-press'], search: word }).map((i) => i.id);
    expect(found('판로')).toEqual([bySeq(1).id]);
    expect(found('빙어')).toEqual([bySeq(2).id]);
    expect(found('곰취')).toEqual([bySeq(3).id]);
  });

  it('lists each attachment with its media type, size and text length', () => {
    expect(attachments(bySeq(1))).toEqual([
      expect.objectContaining({ name: '보도자료(중견·중소기업 상생 간담회).hwp', url: site.origin.at('/cmm/fms/FileDown.do?atchFileId=1&fileSn=0'), mediaType: 'application/x-hwp', error: null }),
    ]);
    const [hwp] = attachments(bySeq(1));
    expect(hwp?.size).toBeGreaterThan(1000);
    expect(hwp?.textLength).toBeGreaterThan(RELEASE_PARAGRAPHS.join('').length - 10);
    expect(attachments(bySeq(2))[0]).toMatchObject({ name: '체험 안내.hwpx', mediaType: 'application/hwp+zip', error: null });
    expect(attachments(bySeq(3))[0]).toMatchObject({ name: '곰취 지원.pdf', mediaType: 'application/pdf', error: null });
  });

  it('keeps items whose file is corrupt, encrypted or over the size cap, listing the error and warning', () => {
    const warning = first.get('gwd-press')?.status === 'updated' ? (first.get('gwd-press') as { warning: string | null }).warning : null;
    for (const seq of [4, 5, 6]) {
      const item = bySeq(seq);
      expect(item.content).toContain(STUB_BODY);
      const [attachment] = attachments(item);
      expect(attachment?.textLength ?? null, `seq ${seq}`).toBeNull();
      expect(attachment?.error, `seq ${seq}`).toBeTruthy();
      expect(warning).toContain(attachment?.name);
    }
    expect(attachments(bySeq(4))[0]?.error).toMatch(/^detail: .*손상\.hwp/);
    expect(attachments(bySeq(5))[0]?.error).toMatch(/encrypt|password|암호/i);
    expect(attachments(bySeq(6))[0]).toMatchObject({ size: null, error: expect.stringMatching(/^fetch: .*larger than maxBodyBytes/) });
  });

  it('keeps an item whose page answers 404 with what the list gave, and warns', () => {
    const item = bySeq(7);
    expect(item.title).toBe('삭제된 보도자료');
    expect(item.content).toBeNull();
    expect(attachments(item)).toEqual([]);
    expect(first.get('gwd-press')).toMatchObject({ status: 'updated', warning: expect.stringMatching(/404.*tried again at the next poll/) });
  });
});

describe('items --json', () => {
  it('finds the release by a word of its HWP and shows its content and attachments', async () => {
    const run = await runCli(['--config', config, '--db', db, 'items', '--search', '판로', '--source', 'gwd-press', '--json']);
    expect(run.stderr).toBe('');
    const [item] = JSON.parse(run.stdout) as { content: string; attachments: unknown[] }[];
    expect(item?.content).toContain(RELEASE_PARAGRAPHS[1]);
    expect(item?.attachments).toEqual([
      {
        url: site.origin.at('/cmm/fms/FileDown.do?atchFileId=1&fileSn=0'),
        name: '보도자료(중견·중소기업 상생 간담회).hwp',
        mediaType: 'application/x-hwp',
        size: expect.any(Number),
        textLength: expect.any(Number),
        error: null,
      },
    ]);
  }, 30_000);
});

describe('fetch discipline', () => {
  it('fetches no detail page or attachment again on the second poll, but retries the failed page', () => {
    expect(second.get('newsstep')).toMatchObject({ status: 'updated', counts: { new: 0 } });
    expect(site.count('/rss/allArticle.xml')).toBe(2);
    expect(site.count('/news/articleView.html?idxno=51234')).toBe(1);
    for (const seq of [1, 2, 3, 4, 5, 6]) {
      expect(view(seq), `view ${seq}`).toBe(1);
      expect(file(seq), `file ${seq}`).toBe(1);
    }
    expect(view(7)).toBe(2);
  });

  it('fetches an edited item\'s page again, and a failing page at most 3 times', async () => {
    const edited = site.items.find((i) => i.seq === 2);
    if (edited) edited.title = '화천 얼음낚시 체험 (일정 변경)';
    await poll();
    expect(view(2)).toBe(2);
    // Asked conditionally: the page answered 304, so the stored body and attachment text stand and the file is not downloaded again.
    expect(site.notModified).toEqual([2]);
    expect(file(2)).toBe(1);
    expect(bySeq(2)).toMatchObject({ title: '화천 얼음낚시 체험 (일정 변경)', content: expect.stringContaining(HWPX_TEXT[0] ?? '') });
    expect(app.store.queryItems({ sources: ['gwd-press'], search: '빙어' }).map((i) => i.id)).toEqual([bySeq(2).id]);
    expect(attachments(bySeq(2))).toHaveLength(1);
    expect(view(7)).toBe(3);
    const fourth = await poll();
    expect(view(7)).toBe(3);
    expect(view(2)).toBe(2);
    expect(fourth.get('gwd-press')).toMatchObject({ status: 'updated', warning: null });
  });
});

describe('the seed case (issue 10)', () => {
  it('puts the province\'s release and 뉴스스텝\'s reprint into one story, the release representing it', () => {
    // The feed's description stops at "중견·중소기업···" and the release's list row has only a title:
    // without the article body and the HWP's text the two land in separate stories (checked by hand).
    // The release is stored first and the reprint 2½ days later, as in life (see beforeAll).
    const release = bySeq(1);
    const [reprint] = items('newsstep');
    expect(reprint?.title).toBe(SEED_TITLE);
    expect(release.published.toISOString()).toBe('2024-11-28T15:00:00.000Z');
    expect(reprint?.story).not.toBeNull();
    expect(release.story).toBe(reprint?.story);
    expect(app.store.storyRepresentatives([release.story ?? -1]).get(release.story ?? -1)).toBe(release.id);
  });

  it('gives story detection the attachment text again after a restart, and never ties releases by their stub body', () => {
    const recent = new Map(app.store.recentStoryItems(new Date(0), 100).map((item) => [item.id, item.content ?? '']));
    expect(recent.get(bySeq(1).id)).toContain(RELEASE_PARAGRAPHS[2]);
    expect(recent.get(bySeq(1).id)).not.toContain(STUB_BODY);
    const stubOnly = [4, 5, 6].map((seq) => bySeq(seq).story);
    expect(new Set(stubOnly).size).toBe(3);
  });
});
