// Topics from the config, compiled once into sets and keyword tests.
import type { TopicConfig } from '../model.js';
import { compileKeyword, type Keyword } from './keyword.js';
import { normalizeText } from './item-text.js';

/** A topic with every keyword normalised and every list turned into what matching needs. */
export interface CompiledTopic {
  readonly id: string;
  readonly any: readonly Keyword[];
  readonly all: readonly Keyword[];
  readonly none: readonly Keyword[];
  readonly titleOnly: boolean;
  readonly sources: ReadonlySet<string>;
  readonly excludeSources: ReadonlySet<string>;
  readonly regions: ReadonlySet<string>;
  readonly tags: ReadonlySet<string>;
  readonly categories: readonly Keyword[];
}

const compiled = new WeakMap<readonly TopicConfig[], readonly CompiledTopic[]>();

// compileTopic prepares one topic; regions and tags compare normalised, like keywords.
export function compileTopic(topic: TopicConfig): CompiledTopic {
  const m = topic.match;
  const keywords = (list: readonly string[]) => list.map(compileKeyword).filter((k) => k.text !== '');
  const labels = (list: readonly string[]) => new Set(list.map(normalizeText));
  return {
    id: topic.id,
    any: keywords(m.any),
    all: keywords(m.all),
    none: keywords(m.none),
    titleOnly: m.titleOnly,
    sources: new Set(m.sources),
    excludeSources: new Set(m.excludeSources),
    regions: labels(m.regions),
    tags: labels(m.tags),
    categories: keywords(m.categories),
  };
}

// compileTopics compiles a topic list once and remembers it, so classifying each item stays cheap.
export function compileTopics(topics: readonly TopicConfig[]): readonly CompiledTopic[] {
  let found = compiled.get(topics);
  if (found === undefined) {
    found = topics.map(compileTopic);
    compiled.set(topics, found);
  }
  return found;
}
