// Builders for the publish tests: stored items, sources and topics made in memory.
import type { FeedItem } from '../../../src/publish/entry.js';
import type { TopicConfig, StoredItem } from '../../../src/model.js';

export const BASE = 'https://news.example.kr/rw';

// topic is a TopicConfig that matches everything, with overrides.
export function topic(id = 'economy', fields: Partial<TopicConfig> = {}): TopicConfig {
  return {
    id,
    title: '지역경제',
    description: '강원 지역 경제 소식',
    match: { any: [], all: [], none: [], titleOnly: false, sources: [], excludeSources: [], regions: [], tags: [], categories: [] },
    ...fields,
  };
}

// stored is a StoredItem of source "kado" with overrides.
export function stored(id: number, fields: Partial<StoredItem> = {}): StoredItem {
  return {
    id,
    source: 'kado',
    guid: `https://www.kado.net/news/articleView.html?idxno=${id}`,
    url: `https://www.kado.net/news/articleView.html?idxno=${id}`,
    title: `기사 ${id}`,
    summary: `요약 ${id}`,
    content: `<p>본문 ${id}</p>`,
    author: '최선경 기자',
    categories: ['경제'],
    image: null,
    published: new Date(`2024-12-0${id}T00:00:00.000Z`),
    updated: null,
    fetched: new Date(`2024-12-0${id}T00:10:00.000Z`),
    topics: ['economy'],
    story: null,
    ...fields,
  };
}

// feedItem pairs an item with the 강원도민일보 source.
export function feedItem(item: StoredItem): FeedItem {
  return { item, source: { id: item.source, name: '강원도민일보', url: 'https://www.kado.net/rss/allArticle.xml' } };
}
