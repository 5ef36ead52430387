import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load-config.js';
import { configDir, issuesOf, onlyIssue } from './config-dir.js';

const SOURCES = [
  'sources:',
  '  - { id: kado-all, name: 강원도민일보, url: "https://www.kado.net/rss/allArticle.xml", region: gangwon, tags: [newspaper] }',
  '  - { id: korea-kr, name: 정책브리핑, url: "https://www.korea.kr/rss/pressrelease.xml", region: national, tags: [government, press-release] }',
];
const withTopics = (...lines: string[]) => configDir({ 'sources.yaml': SOURCES, 'topics.yaml': ['topics:', ...lines] });
const at = (dir: string) => issuesOf(dir).map((i) => [path.basename(i.file), i.line, i.column, i.message]);

describe('topics.yaml', () => {
  it('loads every key into TopicConfig, snake_case to camelCase, with defaults for the optional ones', () => {
    const dir = withTopics(
      '  - id: regional-economy',
      '    title: 지역경제',
      '    description: 강원 지역 기업 소식',
      '    any: [기업, " 투자 "]',
      '    all: [강원]',
      '    none: [투자 사기]',
      '    title_only: true',
      '    sources: [kado-all]',
      '    exclude_sources: [korea-kr]',
      '    regions: [gangwon]',
      '    tags: [newspaper]',
      '    categories: [경제]',
      '  - { id: gov, title: 보도자료, tags: [press-release] }',
    );
    expect(loadConfig(dir).topics).toEqual([
      {
        id: 'regional-economy',
        title: '지역경제',
        description: '강원 지역 기업 소식',
        match: { any: ['기업', '투자'], all: ['강원'], none: ['투자 사기'], titleOnly: true, sources: ['kado-all'], excludeSources: ['korea-kr'], regions: ['gangwon'], tags: ['newspaper'], categories: ['경제'] },
      },
      {
        id: 'gov',
        title: '보도자료',
        description: '',
        match: { any: [], all: [], none: [], titleOnly: false, sources: [], excludeSources: [], regions: [], tags: ['press-release'], categories: [] },
      },
    ]);
  });

  it('reports an unknown key at the key, with "did you mean"', () => {
    const issue = onlyIssue(withTopics('  - id: fire', '    title: 산불', '    any: [산불]', '    titel_only: true'));
    expect([issue.line, issue.column]).toEqual([5, 5]);
    expect(issue.message).toBe('topics[0].titel_only: unknown key "titel_only" (did you mean "title_only"?)');
  });

  it('reports a duplicate topic id at the second one, naming the first line', () => {
    const issue = onlyIssue(withTopics('  - { id: fire, title: 산불, any: [산불] }', '  - { id: fire, title: 화재, any: [화재 발생] }'));
    expect([issue.line, issue.column]).toEqual([3, 11]);
    expect(issue.message).toBe('topics[1].id: duplicate id "fire"; topics[0] on line 2 already uses it, and ids must be unique');
  });

  it('reports a source id no source has, in sources and exclude_sources, naming the known ids', () => {
    expect(at(withTopics('  - id: fire', '    title: 산불', '    sources: [kado-al]', '    exclude_sources: [yna]'))).toEqual([
      ['topics.yaml', 4, 15, 'topics[0].sources[0]: no source has id "kado-al" (did you mean "kado-all"?); known ids: kado-all, korea-kr'],
      ['topics.yaml', 5, 23, 'topics[0].exclude_sources[0]: no source has id "yna"; known ids: kado-all, korea-kr'],
    ]);
  });

  it('reports regions and tags that no source uses', () => {
    expect(at(withTopics('  - { id: gov, title: 행정, regions: [gangwonn], tags: [goverment] }'))).toEqual([
      ['topics.yaml', 2, 37, 'topics[0].regions[0]: no source has region "gangwonn" (did you mean "gangwon"?); known regions: gangwon, national'],
      ['topics.yaml', 2, 55, 'topics[0].tags[0]: no source has tag "goverment" (did you mean "government"?); known tags: newspaper, government, press-release'],
    ]);
  });

  it('reports empty and blank keywords where they are', () => {
    expect(at(withTopics('  - id: fire', '    title: 산불', '    any: [산불, ""]', '    none: ["  "]'))).toEqual([
      ['topics.yaml', 4, 15, 'topics[0].any[1]: must not be empty (keyword)'],
      ['topics.yaml', 5, 12, 'topics[0].none[0]: a keyword or name cannot be blank; remove it or write a word'],
    ]);
  });

  it('reports a topic with no rule at the topic', () => {
    expect(at(withTopics('  - id: everything', '    title: 전부', '    none: [광고]'))).toEqual([
      ['topics.yaml', 2, 5, 'topics[0]: has no rule, so it would hold every item; give it keywords under "any:" or "all:", or name sources, regions, tags or categories'],
    ]);
  });

  it('reports a missing title and a bad id with the usual messages', () => {
    const issues = at(withTopics('  - { id: Fire, any: [산불] }'));
    expect(issues.map((i) => i[3])).toEqual([
      'topics[0]: missing required key "title" (title)',
      expect.stringMatching(/^topics\[0\]\.id: "Fire" is not a valid id/),
    ]);
  });
});
