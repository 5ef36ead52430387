import type { SourceConfig, TopicConfig } from '../model.js';
import { suggest } from './did-you-mean.js';
import type { Reporter } from './report.js';
import { lineOfKey, type YamlFile } from './yaml-locate.js';

type Raw = Readonly<Record<string, unknown>>;

const isMap = (v: unknown): v is Raw => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The lists that let items in; a topic needs at least one (`none` and `exclude_sources` only keep items out). */
const RULE_KEYS = ['any', 'all', 'sources', 'regions', 'tags', 'categories'] as const;

// Names a value the sources define, with a suggestion, for messages about names nobody defines.
function unknownName(what: string, name: string, known: readonly string[]): string {
  const meant = suggest(name, known);
  const didYouMean = meant ? ` (did you mean "${meant}"?)` : '';
  const list = known.length > 0 ? known.join(', ') : 'none';
  return `no source has ${what} "${name}"${didYouMean}; known ${what}s: ${list}`;
}

// buildTopics turns the `topics:` list into TopicConfigs, checking what the schema cannot:
// duplicate ids, blank keywords, names of sources, regions and tags that no source has, and
// topics with no rule (which would hold every item).
export function buildTopics(raw: unknown, sources: readonly SourceConfig[], yaml: YamlFile, report: Reporter): TopicConfig[] {
  if (!Array.isArray(raw)) return [];
  const sourceIds = sources.map((s) => s.id);
  const regions = [...new Set(sources.flatMap((s) => (s.region === null ? [] : [s.region])))];
  const tags = [...new Set(sources.flatMap((s) => s.tags))];
  const firstIndexOfId = new Map<string, number>();
  const topics: TopicConfig[] = [];

  raw.forEach((item: unknown, index) => {
    if (!isMap(item)) return;
    const at = (...path: (string | number)[]) => ['topics', index, ...path];
    const list = (key: string): string[] => {
      const value = item[key];
      if (!Array.isArray(value)) return [];
      const strings: string[] = [];
      value.forEach((entry: unknown, i) => {
        if (typeof entry !== 'string') return;
        // An empty string is the schema's to report (minLength); one of spaces only is not.
        if (entry.trim() !== '') strings.push(entry.trim());
        else if (entry !== '') report(at(key, i), 'a keyword or name cannot be blank; remove it or write a word');
      });
      return strings;
    };
    const checkNames = (key: string, what: string, known: readonly string[]) => {
      const value = item[key];
      if (!Array.isArray(value)) return;
      value.forEach((name: unknown, i) => {
        if (typeof name === 'string' && name.trim() !== '' && !known.includes(name.trim())) report(at(key, i), unknownName(what, name, known));
      });
    };

    const id = typeof item['id'] === 'string' ? item['id'] : '';
    if (id !== '') {
      const first = firstIndexOfId.get(id);
      if (first === undefined) firstIndexOfId.set(id, index);
      else {
        const line = lineOfKey(yaml, ['topics', first, 'id']);
        report(at('id'), `duplicate id "${id}"; topics[${first}] on line ${line} already uses it, and ids must be unique`);
      }
    }
    checkNames('sources', 'id', sourceIds);
    checkNames('exclude_sources', 'id', sourceIds);
    checkNames('regions', 'region', regions);
    checkNames('tags', 'tag', tags);

    const match = {
      any: list('any'),
      all: list('all'),
      none: list('none'),
      titleOnly: item['title_only'] === true,
      sources: list('sources'),
      excludeSources: list('exclude_sources'),
      regions: list('regions'),
      tags: list('tags'),
      categories: list('categories'),
    };
    const hasRule = RULE_KEYS.some((key) => Array.isArray(item[key]) && (item[key] as unknown[]).length > 0);
    if (!hasRule) {
      report(at(), 'has no rule, so it would hold every item; give it keywords under "any:" or "all:", or name sources, regions, tags or categories');
    }
    topics.push({
      id,
      title: typeof item['title'] === 'string' ? item['title'] : id,
      description: typeof item['description'] === 'string' ? item['description'] : '',
      match,
    });
  });
  return topics;
}
