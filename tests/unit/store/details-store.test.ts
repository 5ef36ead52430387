import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { keyItems } from '../../../src/dedupe/item-key.js';
import { STORY_TEXT_CHARS, type DetailedItem, type ItemDetail } from '../../../src/model.js';
import { openStore } from '../../../src/store/open-store.js';
import { at, parsed, source, tempDbPath, tempStore, updated } from './store-helpers.js';

const [KEYED] = keyItems([parsed({ url: 'https://state.gwd.go.kr/view?seq=1', title: '상생 간담회 개최', summary: '첨부 참조', published: at(1) })]);

const READ: ItemDetail = {
  status: 'ok',
  tries: 0,
  error: null,
  etag: '"v1"',
  lastModified: null,
  body: '<p>첨부 참조</p>',
  bodyLength: 5,
  fullContent: '<p>도내 중견기업과 판로 공유</p>',
  attachments: [
    { url: 'https://state.gwd.go.kr/down?id=1', name: '보도자료.hwp', mediaType: 'application/x-hwp', size: 4096, textLength: 14, error: null, text: '도내 중견기업과 판로 공유' },
    { url: 'https://state.gwd.go.kr/down?id=2', name: '사진.pdf', mediaType: 'application/pdf', size: 999, textLength: null, error: 'detail: 사진.pdf is encrypted', text: null },
  ],
};

const detailed = (detail: ItemDetail): DetailedItem => ({ ...(KEYED as NonNullable<typeof KEYED>), content: '<p>도내 중견기업과 판로 공유</p>', detail });

describe('item details and attachments in the store', () => {
  it('indexes the full content and lists attachments in page order, without their text', () => {
    const store = tempStore();
    store.syncSources([source('gwd')]);
    store.savePoll(updated('gwd', [detailed(READ)], at(10)));
    const [item] = store.queryItems({ search: '판로' });
    expect(item?.title).toBe('상생 간담회 개최');
    expect(store.withAttachments([item!])[0]?.attachments).toEqual(READ.attachments.map(({ text: _t, ...rest }) => rest));
    expect(store.detailStates('gwd', [KEYED!.key]).get(KEYED!.key)).toMatchObject({ status: 'ok', tries: 0, etag: '"v1"', body: '<p>첨부 참조</p>', attachments: [{ text: '도내 중견기업과 판로 공유' }, { text: null }] });
  });

  it('gives story detection at most STORY_TEXT_CHARS of a huge full text, from its start', () => {
    const store = tempStore();
    store.syncSources([source('gwd')]);
    const annex = '붙임 세부 추진계획 구분 | 사업명 | 예산\n'.repeat(5_000);
    const huge: ItemDetail = { ...READ, attachments: [{ ...READ.attachments[0]!, text: `도내 중견기업과 판로 공유\n${annex}`, textLength: annex.length }] };
    store.savePoll(updated('gwd', [detailed(huge)], at(10)));
    const [item] = store.recentStoryItems(new Date(0), 10);
    expect(annex.length).toBeGreaterThan(2 * STORY_TEXT_CHARS);
    expect(item?.content).toHaveLength(STORY_TEXT_CHARS);
    expect(item?.content?.startsWith('\n도내 중견기업과 판로 공유\n붙임')).toBe(true);
  });

  it('counts a failed retry of an unchanged item without touching it, and keeps what an earlier read stored', () => {
    const store = tempStore();
    store.syncSources([source('gwd')]);
    store.savePoll(updated('gwd', [detailed(READ)], at(10)));
    const failed: ItemDetail = { ...READ, status: 'failed', tries: 2, error: 'fetch: 503', body: null, fullContent: null, attachments: [] };
    const counts = store.savePoll(updated('gwd', [detailed(failed)].map((item) => ({ ...item, content: KEYED!.content })), at(11), '"v2"'));
    expect(counts).toMatchObject({ unchanged: 1, updated: 0 });
    expect(store.detailStates('gwd', [KEYED!.key]).get(KEYED!.key)).toMatchObject({ status: 'failed', tries: 2, body: '<p>첨부 참조</p>' });
    expect(store.queryItems({ search: '판로' })).toHaveLength(1);
    expect(store.withAttachments(store.queryItems({}))[0]?.attachments).toHaveLength(2);
  });

  it('migrates a version-7 database to 8, keeping every item, which then has no detail state', () => {
    const file = tempDbPath();
    const v7 = openStore(file);
    v7.syncSources([source('kado')]);
    v7.savePoll(updated('kado', [parsed({ url: 'https://kado.net/1', title: '단오제 개막', published: at(1) })], at(10)));
    v7.close();
    const raw = new Database(file);
    raw.exec('DROP TABLE attachments; DROP TABLE item_details;');
    raw.pragma('user_version = 7');
    raw.close();

    const store = tempStore(file);
    const items = store.queryItems({});
    expect(items.map((i) => i.title)).toEqual(['단오제 개막']);
    expect(store.withAttachments(items)[0]?.attachments).toEqual([]);
    const key = keyItems([parsed({ url: 'https://kado.net/1', title: '단오제 개막', published: at(1) })])[0]!.key;
    expect(store.detailStates('kado', [key]).get(key)).toMatchObject({ status: null, tries: 0 });
  });
});
