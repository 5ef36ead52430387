import { describe, expect, it } from 'vitest';
import { contentHash, keyItems } from '../../../src/dedupe/item-key.js';
import type { ParsedItem } from '../../../src/model.js';

function item(fields: Partial<ParsedItem>): ParsedItem {
  return {
    guid: null,
    url: null,
    title: '강원 소식',
    summary: null,
    content: null,
    author: null,
    categories: [],
    image: null,
    published: new Date('2024-12-01T08:55:13.000Z'),
    updated: null,
    ...fields,
  };
}

describe('keyItems', () => {
  it('keys by canonical URL first', () => {
    const [keyed] = keyItems([item({ guid: 'kado-1', url: 'http://m.kado.net/news/articleView.html?idxno=1&utm_source=rss' })]);
    expect(keyed?.key).toBe('u:https://kado.net/news/articleView.html?idxno=1');
    expect(keyed?.canonicalUrl).toBe('https://kado.net/news/articleView.html?idxno=1');
  });

  // Issue 12 §3: readers (and sqlite3 users) were sent links with the source's utm_ tags on.
  it('stores the link without tracking parameters, as given otherwise, under the same key', () => {
    const tracked = 'http://m.kado.net/news/articleView.html?idxno=1&utm_source=rss&fbclid=x&call_from=naver';
    const [keyed] = keyItems([item({ url: tracked })]);
    expect(keyed?.url).toBe('http://m.kado.net/news/articleView.html?idxno=1');
    expect(keyed?.key).toBe('u:https://kado.net/news/articleView.html?idxno=1');
    expect(keyed?.contentHash).toBe(contentHash(item({ url: tracked }), 'https://kado.net/news/articleView.html?idxno=1'));
  });

  it('falls back to the guid, then to a hash of title and date', () => {
    const [byGuid, byHash] = keyItems([item({ guid: ' tag:kado.net,2024:1 ' }), item({ title: '다른 기사' })]);
    expect(byGuid?.key).toBe('g:tag:kado.net,2024:1');
    expect(byHash?.key).toMatch(/^h:[0-9a-f]{40}$/);
    const [again] = keyItems([item({ title: '다른 기사' })]);
    expect(again?.key).toBe(byHash?.key);
  });

  it('uses guids when every item links to the front page', () => {
    const keyed = keyItems([
      item({ guid: '101', url: 'https://www.example-gun.go.kr/', title: '공지 1' }),
      item({ guid: '102', url: 'https://www.example-gun.go.kr/', title: '공지 2' }),
    ]);
    expect(keyed.map((k) => k.key)).toEqual(['g:101', 'g:102']);
  });

  it('uses guids when items share one inner page but have different guids', () => {
    const keyed = keyItems([
      item({ guid: 'a', url: 'https://gw.example.kr/board/list.do', title: '1' }),
      item({ guid: 'b', url: 'https://gw.example.kr/board/list.do', title: '2' }),
      item({ guid: null, url: 'https://gw.example.kr/board/view.do?id=3', title: '3' }),
    ]);
    expect(keyed.map((k) => k.key)).toEqual(['g:a', 'g:b', 'u:https://gw.example.kr/board/view.do?id=3']);
  });

  it('does not count a guid that is the link itself as a different guid', () => {
    const keyed = keyItems([
      item({ guid: 'http://kado.net/a/1', url: 'https://kado.net/a/1?utm_source=x' }),
      item({ guid: 'https://www.kado.net/a/1', url: 'https://kado.net/a/1' }),
    ]);
    expect(keyed).toHaveLength(1);
    expect(keyed[0]?.key).toBe('u:https://kado.net/a/1');
  });

  it('collapses in-batch duplicates to the first', () => {
    const keyed = keyItems([
      item({ url: 'https://kado.net/a/1', title: 'first' }),
      item({ url: 'http://m.kado.net/a/1/', title: 'second' }),
      item({ url: 'https://kado.net/a/2', title: 'other' }),
    ]);
    expect(keyed.map((k) => k.title)).toEqual(['first', 'other']);
  });

  it('hashes what makes an edit, and not a rotating tracking tag or `updated`', () => {
    const base = item({ url: 'https://kado.net/a/1?utm_campaign=mon', content: '<p>본문</p>' });
    const [a] = keyItems([base]);
    const [sameShown] = keyItems([{ ...base, url: 'https://kado.net/a/1?utm_campaign=tue', updated: new Date() }]);
    const [edited] = keyItems([{ ...base, content: '<p>본문 수정</p>' }]);
    expect(sameShown?.contentHash).toBe(a?.contentHash);
    expect(edited?.contentHash).not.toBe(a?.contentHash);
    expect(contentHash({ ...base, categories: ['경제'] })).not.toBe(contentHash(base));
  });
});
