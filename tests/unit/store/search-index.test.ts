import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { keyItems } from '../../../src/dedupe/item-key.js';
import type { DetailedItem, ItemDetail } from '../../../src/model.js';
import { SCHEMA_VERSION } from '../../../src/store/migrations.js';
import { openStore } from '../../../src/store/open-store.js';
import { searchDocument } from '../../../src/store/search-index.js';
import { htmlToText, searchText } from '../../../src/store/search.js';
import { at, parsed, source, tempDbPath, tempStore, updated } from './store-helpers.js';

const fields = { title: null, summary: null, content: null, author: null, categories: [] };

// An item whose page was read: its attachment holds words found nowhere in the feed.
const READ: ItemDetail = {
  status: 'ok',
  tries: 0,
  error: null,
  etag: null,
  lastModified: null,
  body: '<p>첨부 참조</p>',
  bodyLength: 5,
  fullContent: '\n도내 중견기업과 판로 공유',
  attachments: [{ url: 'https://state.gwd.go.kr/down?id=1', name: '보도자료.hwp', mediaType: 'application/x-hwp', size: 4096, textLength: 14, error: null, text: '도내 중견기업과 판로 공유' }],
};

describe('search document', () => {
  it('puts every field in one text, leaving out a summary that repeats the start of the content', () => {
    const doc = searchDocument({ ...fields, title: '강원 소식', summary: '지역경제 활성화', content: '<p>지역경제 <b>활성화</b> 대책</p>', author: '홍길동' });
    expect(doc).toBe('강원 원 소식 식 지역 역경 경제 제 활성 성화 화 대책 책 홍길 길동 동');
  });

  it('keeps a summary whose last word only begins a word of the content', () => {
    const doc = searchDocument({ ...fields, summary: '지역경제', content: '지역경제인 모임', categories: ['사회'] });
    expect(doc).toBe(`${searchText('지역경제')} ${searchText(htmlToText('지역경제인 모임'))} 사회 회`);
  });
});

describe('migration 9 (the one-column search index)', () => {
  it('re-indexes a version-8 database, full text included, so 경제 and attachment words are still found', () => {
    const file = tempDbPath();
    const v8 = openStore(file);
    v8.syncSources([source('gwd')]);
    const [plain, read] = keyItems([
      parsed({ url: 'https://state.gwd.go.kr/view?seq=1', title: '지역경제 활성화 대책 발표', summary: 'Café 개업 지원', published: at(1) }),
      parsed({ url: 'https://state.gwd.go.kr/view?seq=2', title: '상생 간담회 개최', summary: '첨부 참조', published: at(2) }),
    ]);
    v8.savePoll(updated('gwd', [plain!, { ...read!, detail: READ } as DetailedItem], at(10)));
    v8.close();
    // Put back the index version 8 had: five columns, unicode61, filled the way it filled them.
    const raw = new Database(file);
    raw.exec(`DROP TABLE items_fts;
      CREATE VIRTUAL TABLE items_fts USING fts5 (title, summary, content, author, categories,
        content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2');`);
    const old = raw.prepare('INSERT INTO items_fts (rowid, title, summary, content, author, categories) VALUES (?, ?, ?, ?, ?, ?)');
    for (const row of raw.prepare('SELECT id, title, summary, content FROM items').all() as { id: number; title: string; summary: string; content: string | null }[]) {
      old.run(row.id, searchText(row.title), searchText(row.summary), searchText(htmlToText(row.content)), '', '');
    }
    raw.pragma('user_version = 8');
    raw.close();

    const store = tempStore(file);
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    check.close();
    const titles = (search: string) => store.queryItems({ search }).map((i) => i.title);
    expect(titles('경제')).toEqual(['지역경제 활성화 대책 발표']);
    expect(titles('cafe')).toEqual(['지역경제 활성화 대책 발표']);
    expect(titles('판로')).toEqual(['상생 간담회 개최']);
    expect(titles('간담회')).toEqual(['상생 간담회 개최']);
    // Written after the upgrade: edits and new items go into the new index.
    const edited = parsed({ url: 'https://state.gwd.go.kr/view?seq=1', title: '지역경제 포럼', published: at(1) });
    store.savePoll(updated('gwd', [edited, parsed({ url: 'https://state.gwd.go.kr/view?seq=3', title: '경제자유구역 지정', published: at(3) })], at(20)));
    expect(titles('경제')).toEqual(['경제자유구역 지정', '지역경제 포럼']);
    expect(titles('대책')).toEqual([]);
  });
});
