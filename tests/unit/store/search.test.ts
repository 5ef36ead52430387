import { describe, expect, it } from 'vitest';
import type { ParsedItem } from '../../../src/model.js';
import { ftsQuery, searchText } from '../../../src/store/search.js';
import { at, parsed, source, tempStore, updated } from './store-helpers.js';

const titles = [
  '지역경제 활성화 대책 발표',
  '강원경제 회복세',
  '경제자유구역 지정 추진',
  '강릉단오제 축제 개막',
  'AI반도체 기업 유치',
  '강원 AI 반도체 클러스터',
  '경기 침체 우려',
  'Gangwon Tourism Week',
];

function storeWith(items: readonly ParsedItem[]) {
  const store = tempStore();
  store.syncSources([source('kado')]);
  store.savePoll(updated('kado', items, at(0)));
  return store;
}

function found(store: ReturnType<typeof storeWith>, search: string): string[] {
  return store
    .queryItems({ search })
    .map((i) => i.title ?? '')
    .sort();
}

const sample = titles.map((title, i) => parsed({ url: `https://kado.net/a/${i}`, title, published: at(i) }));

describe('Korean search', () => {
  it('finds a two-syllable word inside longer Hangul runs', () => {
    const store = storeWith(sample);
    expect(found(store, '경제')).toEqual(['강원경제 회복세', '경제자유구역 지정 추진', '지역경제 활성화 대책 발표']);
    expect(found(store, '축제')).toEqual(['강릉단오제 축제 개막']);
  });

  it('does not match a word that only shares a syllable', () => {
    expect(found(storeWith(sample), '경기')).toEqual(['경기 침체 우려']);
  });

  it('matches mixed Korean and English, with or without a space', () => {
    expect(found(storeWith(sample), 'AI 반도체')).toEqual(['AI반도체 기업 유치', '강원 AI 반도체 클러스터']);
  });

  it('is case-insensitive for English and folds full-width letters', () => {
    const store = storeWith(sample);
    expect(found(store, 'gangwon')).toEqual(['Gangwon Tourism Week']);
    expect(found(store, 'ＴＯＵＲＩＳＭ')).toEqual(['Gangwon Tourism Week']);
  });

  it('finds words with or without their diacritics', () => {
    const store = storeWith([parsed({ url: 'https://kado.net/d/1', title: 'Café Naïve 개업' })]);
    expect(found(store, 'cafe naive')).toEqual(['Café Naïve 개업']);
    expect(found(store, 'CAFÉ')).toEqual(['Café Naïve 개업']);
    expect(found(store, 'caf')).toEqual([]);
  });

  it('treats a one-syllable query as a prefix, including run-final syllables', () => {
    const store = storeWith(sample);
    expect(found(store, '강')).toEqual(['강릉단오제 축제 개막', '강원 AI 반도체 클러스터', '강원경제 회복세']);
    expect(found(store, '세')).toEqual(['강원경제 회복세']);
  });

  it('searches summary, text of the content, author and categories too', () => {
    const store = storeWith([
      parsed({ url: 'https://kado.net/b/1', title: '1', summary: '춘천시 예산안' }),
      parsed({ url: 'https://kado.net/b/2', title: '2', content: '<p>원주 <b>의료</b>기기&nbsp;산업</p><p>횡성</p>' }),
      parsed({ url: 'https://kado.net/b/3', title: '3', author: '홍길동 기자' }),
      parsed({ url: 'https://kado.net/b/4', title: '4', categories: ['사회', '교육'] }),
    ]);
    expect(found(store, '예산')).toEqual(['1']);
    expect(found(store, '의료기기')).toEqual(['2']);
    expect(found(store, 'nbsp')).toEqual([]);
    expect(found(store, '업횡')).toEqual([]);
    expect(found(store, '길동')).toEqual(['3']);
    expect(found(store, '교육')).toEqual(['4']);
  });

  it('does not crash on FTS5 syntax and finds nothing for an empty query', () => {
    const store = storeWith(sample);
    for (const q of ['"', 'AND', 'NEAR(경제', 'title:경제', '*', '경제"*', '-경제', '^경제', '(((']) {
      expect(() => store.queryItems({ search: q })).not.toThrow();
    }
    expect(found(store, '"경제" OR')).toEqual([]);
    expect(found(store, '(경제)')).toHaveLength(3);
    expect(found(store, '  ')).toEqual([]);
  });

  it('stays in sync when an item is edited', () => {
    const store = tempStore();
    store.syncSources([source('kado')]);
    const item = parsed({ url: 'https://kado.net/c/1', title: '강릉 축제 개막' });
    store.savePoll(updated('kado', [item], at(0)));
    store.savePoll(updated('kado', [{ ...item, title: '강릉 경제 포럼' }], at(10)));
    expect(store.queryItems({ search: '축제' })).toEqual([]);
    expect(store.queryItems({ search: '경제' }).map((i) => i.title)).toEqual(['강릉 경제 포럼']);
  });
});

describe('search text', () => {
  it('expands Hangul runs into bigrams plus the last syllable, and keeps words', () => {
    expect(searchText('지역경제 AI반도체 강')).toBe('지역 역경 경제 제 ai 반도 도체 체 강');
    expect(ftsQuery('AI 반도체')).toBe('"ai" AND "반도 도체"');
    expect(ftsQuery('강')).toBe('"강"*');
    expect(ftsQuery('!?')).toBeNull();
  });

  it('writes a long text whole, and a short one right after it', () => {
    // 150,000 code units of index text: past any one piece it is built from, and past the buffer kept between calls.
    const long = searchText('ab 가나다 '.repeat(10_000));
    expect(long).toBe('ab 가나 나다 다 '.repeat(10_000).trimEnd());
    expect(searchText('지역경제')).toBe('지역 역경 경제 제');
  });

  it('keeps characters outside the BMP whole and splits other scripts at punctuation', () => {
    expect(searchText('𠮷野家 𠮷 ΣΩΚΡΑΤΗΣ x_y 12,345원 Ｅ-mail')).toBe('𠮷野 野家 家 𠮷 σωκρατης x y 12 345 원 e mail');
    expect(ftsQuery('𠮷野家')).toBe('"𠮷野 野家"');
    expect(ftsQuery('𠮷')).toBe('"𠮷"*');
  });
});
