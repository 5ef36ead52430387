// classifyItem decides which topics an item belongs to, and says which rule put it there.
import type { ClassifiableItem, SourceConfig, TopicConfig, TopicMatchResult } from '../model.js';
import { compileTopics, type CompiledTopic } from './compile-topics.js';
import type { Keyword } from './keyword.js';
import { htmlWords } from '../shared/html-words.js';
import { normalizeText } from './item-text.js';

export type { TopicMatchResult } from '../model.js';

type Field = 'title' | 'summary' | 'content';

/** An item's normalised text, computed once per item whatever the number of topics. */
interface ItemText {
  readonly fields: readonly (readonly [Field, string])[];
  readonly categories: readonly string[];
}

function itemText(item: ClassifiableItem): ItemText {
  const fields: [Field, string][] = [];
  if (item.title) fields.push(['title', normalizeText(item.title)]);
  if (item.summary) fields.push(['summary', normalizeText(item.summary)]);
  if (item.content) fields.push(['content', normalizeText(htmlWords(item.content))]);
  return { fields, categories: item.categories.map(normalizeText) };
}

// Where a keyword is found, title first: a title hit explains a match best.
function findIn(fields: ItemText['fields'], keyword: Keyword): Field | null {
  for (const [field, text] of fields) if (keyword.test(text)) return field;
  return null;
}

// The first field with a hit, and there the longest keyword: 중소기업 explains more than 기업.
function firstHit(fields: ItemText['fields'], keywords: readonly Keyword[]): string | null {
  for (const [field, text] of fields) {
    let best: Keyword | null = null;
    for (const keyword of keywords) {
      if ((best === null || keyword.text.length > best.text.length) && keyword.test(text)) best = keyword;
    }
    if (best !== null) return `${best.text} (${field})`;
  }
  return null;
}

const intersects = (set: ReadonlySet<string>, values: readonly string[]) => values.some((v) => set.has(v));

// matchTopic returns the reason an item belongs to one topic, or null. Every non-empty list of the
// rule must hold (they are ANDed); `none` and `exclude_sources` veto.
function matchTopic(topic: CompiledTopic, text: ItemText, source: SourceConfig): string | null {
  if (topic.excludeSources.has(source.id)) return null;
  if (topic.sources.size > 0 && !topic.sources.has(source.id)) return null;
  const region = source.region === null ? null : normalizeText(source.region);
  if (topic.regions.size > 0 && (region === null || !topic.regions.has(region))) return null;
  const tags = source.tags.map(normalizeText);
  if (topic.tags.size > 0 && !intersects(topic.tags, tags)) return null;

  const fields = topic.titleOnly ? text.fields.filter(([field]) => field === 'title') : text.fields;
  if (topic.none.some((keyword) => findIn(fields, keyword) !== null)) return null;
  const reasons: string[] = [];
  if (topic.any.length > 0) {
    const hit = firstHit(fields, topic.any);
    if (hit === null) return null;
    reasons.push(`any: ${hit}`);
  }
  if (topic.all.length > 0) {
    const found = topic.all.map((keyword) => [keyword, findIn(fields, keyword)] as const);
    if (found.some(([, field]) => field === null)) return null;
    reasons.push(`all: ${found.map(([keyword, field]) => `${keyword.text} (${field})`).join(' + ')}`);
  }
  if (topic.categories.length > 0) {
    const category = text.categories.find((c) => topic.categories.some((keyword) => keyword.test(c)));
    if (category === undefined) return null;
    reasons.push(`category: ${category}`);
  }
  if (reasons.length > 0) return reasons.join('; ');
  // A rule of source filters only: say which filter let the item in.
  if (topic.sources.size > 0) return `source: ${source.id}`;
  if (topic.regions.size > 0) return `region: ${region}`;
  return `tag: ${tags.find((t) => topic.tags.has(t)) ?? ''}`;
}

// classifyItem lists every topic the item belongs to (an item may be in several), in config order.
export function classifyItem(
  item: ClassifiableItem,
  source: SourceConfig,
  topics: readonly TopicConfig[],
): TopicMatchResult[] {
  const compiled = compileTopics(topics);
  if (compiled.length === 0) return [];
  const text = itemText(item);
  const results: TopicMatchResult[] = [];
  for (const topic of compiled) {
    const reason = matchTopic(topic, text, source);
    if (reason !== null) results.push({ topic: topic.id, reason });
  }
  return results;
}
