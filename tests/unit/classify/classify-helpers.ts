// Builders for the classify tests: topics with only the given rule parts, items and sources.
import type { ClassifiableItem, SourceConfig, TopicConfig, TopicMatch } from '../../../src/model.js';

// topic is a TopicConfig whose rule has only the given parts.
export function topic(id: string, match: Partial<TopicMatch>): TopicConfig {
  return {
    id,
    title: id,
    description: '',
    match: { any: [], all: [], none: [], titleOnly: false, sources: [], excludeSources: [], regions: [], tags: [], categories: [], ...match },
  };
}

// item is a ClassifiableItem with only the given fields.
export function item(fields: Partial<ClassifiableItem>): ClassifiableItem {
  return { title: null, summary: null, content: null, categories: [], ...fields };
}

// source is a Gangwon newspaper source unless overridden.
export function source(id = 'kado-all', fields: Partial<SourceConfig> = {}): SourceConfig {
  return {
    id,
    name: id,
    url: `https://${id}.example.kr/rss`,
    region: 'gangwon',
    tags: ['newspaper'],
    intervalMs: 600_000,
    encoding: null,
    timezone: 'Asia/Seoul',
    enabled: true,
    priority: 0,
    type: 'feed',
    page: null,
    ...fields,
  };
}
