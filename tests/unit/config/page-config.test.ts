import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load-config.js';
import { configDir, issuesOf, onlyIssue } from './config-dir.js';

// The example of issue 9, exactly as written there.
const GWD = [
  'sources:',
  '  - id: gwd-press',
  '    name: 강원특별자치도 보도자료',
  '    url: https://state.gwd.go.kr/portal/briefing/pressRelease',
  '    type: page',
  '    page:',
  '      items: "tr[data-prboard-seq]"            # CSS selector, one match per item (required)',
  '      title: "td.skinTb-sbj a"                 # required',
  '      link: { selector: "td.skinTb-sbj a", attr: href }   # required',
  '      published: { selector: "td.skinTb-date", format: "yyyy-MM-dd" }',
  '      author: "td.skinTb-part"',
  '      pages: 2                                 # list pages read per poll (default 1)',
  '      request: { method: POST, form: { pageIndex: "{page}" } }',
];

// page writes a page source whose `page:` map holds the given lines (indented under it).
const page = (...lines: string[]) => ({
  'sources.yaml': ['sources:', '  - id: board', '    name: 게시판', '    url: https://www.example.go.kr/list.do', '    type: page', '    page:', ...lines.map((l) => `      ${l}`)],
});
const BASICS = ['items: "table.board tbody tr"', 'title: "td.subject a"', 'link: { selector: "td.subject a", attr: href }'];

describe('page sources in sources.yaml', () => {
  it('reads the issue\'s example into a typed page config', () => {
    const [source] = loadConfig(configDir({ 'sources.yaml': GWD })).sources;
    expect(source?.type).toBe('page');
    expect(source?.page).toEqual({
      items: 'tr[data-prboard-seq]',
      fields: {
        title: { selector: 'td.skinTb-sbj a', attr: null, pattern: null, template: null, format: null, all: false },
        link: { selector: 'td.skinTb-sbj a', attr: 'href', pattern: null, template: null, format: null, all: false },
        published: { selector: 'td.skinTb-date', attr: null, pattern: null, template: null, format: 'yyyy-MM-dd', all: false },
        author: { selector: 'td.skinTb-part', attr: null, pattern: null, template: null, format: null, all: false },
      },
      pages: 2,
      request: { method: 'POST', form: { pageIndex: '{page}' }, headers: {} },
    });
  });

  it('keeps feeds the default type, with no page config', () => {
    const [source] = loadConfig(configDir({ 'sources.yaml': ['sources:', '  - { id: kado, name: 강원도민일보, url: https://www.kado.net/rss/allArticle.xml }'] })).sources;
    expect(source).toMatchObject({ type: 'feed', page: null });
  });

  it('accepts a field map without selector (the item itself), pattern, template, all and headers', () => {
    const [source] = loadConfig(configDir(page(
      'items: "li.card"',
      'title: "strong.tit"',
      'link: { attr: onclick, pattern: "fn_view\\\\(\'(\\\\d+)\'\\\\)", template: "view.do?seq={1}" }',
      'categories: { selector: "span.tag", all: true }',
      'request: { headers: { Referer: "https://www.example.go.kr/" } }',
    ))).sources;
    expect(source?.page?.fields.link).toMatchObject({ selector: null, attr: 'onclick', pattern: "fn_view\\('(\\d+)'\\)", template: 'view.do?seq={1}' });
    expect(source?.page?.fields.categories?.all).toBe(true);
    expect(source?.page?.request).toEqual({ method: 'GET', form: {}, headers: { Referer: 'https://www.example.go.kr/' } });
  });

  it('refuses an invalid items selector at its value', () => {
    const issue = onlyIssue(configDir(page('items: "table.board tr["', 'title: "td a"', 'link: "td a"')));
    expect([issue.line, issue.column]).toEqual([7, 14]);
    expect(issue.message).toMatch(/^sources\[0\]\.page\.items: "table\.board tr\[" is not a valid CSS selector \(.+\); write e\.g\./);
  });

  it('refuses an invalid selector inside a field map', () => {
    const issue = onlyIssue(configDir(page('items: "tr"', 'title: "td:subject a"', 'link: "td a"')));
    expect([issue.line, issue.column]).toEqual([8, 14]);
    expect(issue.message).toContain('sources[0].page.title: "td:subject a" is not a valid CSS selector (Unknown pseudo-class :subject)');
  });

  it('refuses a pattern that does not compile, and one without a group', () => {
    const issues = issuesOf(configDir(page(...BASICS, 'guid: { attr: onclick, pattern: "fn_view(\'(\\\\d+)\'" }', 'author: { pattern: "\\\\d+" }')));
    expect(issues.map((i) => `${i.line}:${i.column} ${i.message}`)).toEqual([
      expect.stringContaining('10:39 sources[0].page.guid.pattern: "fn_view(\'(\\\\d+)\'" is not a valid regular expression (/fn_view(\'(\\d+)\'/: Unterminated group); escape'),
      expect.stringMatching(/^11:26 sources\[0\]\.page\.author\.pattern: "\\\\d\+" has no group in \( \)/),
    ]);
  });

  it('refuses a template without a pattern at the key, and one naming a missing group', () => {
    const issues = issuesOf(configDir(page(...BASICS, 'guid: { attr: data-seq, template: "view.do?seq={1}" }', 'image: { attr: src, pattern: "(\\\\d+)", template: "{2}.png" }')));
    expect(issues.map((i) => `${i.line}:${i.column} ${i.message}`)).toEqual([
      "10:31 sources[0].page.guid.template: needs a pattern: the template is built from the pattern's groups {1}…{9}; add e.g. pattern: \"fn_view\\('(\\d+)'\\)\"",
      '11:56 sources[0].page.image.template: uses {2}, but the pattern has 1 group; use {1}…{1}',
    ]);
  });

  it('refuses an unknown field name with "did you mean", and an unknown key in a field map', () => {
    const issues = issuesOf(configDir(page(...BASICS, 'summery: "p.lead"', 'author: { selector: "td.writer", atr: title }')));
    expect(issues.map((i) => `${i.line}:${i.column} ${i.message}`)).toEqual([
      '10:7 sources[0].page.summery: unknown key "summery" (did you mean "summary"?)',
      '11:40 sources[0].page.author.atr: unknown key "atr" (did you mean "attr"?)',
    ]);
  });

  it('refuses pages above 1 when no {page} says where the page number goes', () => {
    const issue = onlyIssue(configDir(page(...BASICS, 'pages: 3', 'request: { method: POST, form: { pageIndex: "1" } }')));
    expect([issue.line, issue.column]).toEqual([10, 14]);
    expect(issue.message).toMatch(/^sources\[0\]\.page\.pages: is 3, but neither the url nor a request\.form value holds \{page\}/);
  });

  it('accepts pages above 1 with {page} in the url', () => {
    const files = page(...BASICS, 'pages: 2');
    files['sources.yaml'][3] = '    url: https://www.example.go.kr/list.do?pageIndex={page}';
    expect(loadConfig(configDir(files)).sources[0]?.page?.pages).toBe(2);
  });

  it('names each missing required key: items, title, link', () => {
    const issues = issuesOf(configDir(page('author: "td.writer"')));
    expect(issues.map((i) => i.message).sort()).toEqual([
      'sources[0].page: missing required key "items" (item selector)',
      'sources[0].page: missing required key "link" (link)',
      'sources[0].page: missing required key "title" (title)',
    ]);
  });

  it('refuses type page without a page map, and a page map on a feed', () => {
    const noMap = onlyIssue(configDir({ 'sources.yaml': ['sources:', '  - { id: a, name: 가, url: "https://a.go.kr/", type: page }'] }));
    expect(noMap.message).toBe('sources[0].type: a page source needs a "page:" map with at least items, title and link selectors');
    const feed = onlyIssue(configDir({ 'sources.yaml': ['sources:', '  - id: a', '    name: 가', '    url: https://a.go.kr/', '    page: { items: tr, title: a, link: a }'] }));
    expect([feed.line, feed.column]).toEqual([5, 5]);
    expect(feed.message).toBe('sources[0].page: is only read for page sources; add "type: page" to this source, or remove page:');
  });

  it('refuses a method other than GET or POST, format on a text field and all on a single field', () => {
    const issues = issuesOf(configDir(page(...BASICS, 'author: { selector: td, format: "yyyy" }', 'guid: { selector: td, all: true }', 'request: { method: PUT }')));
    expect(issues.map((i) => i.message)).toEqual([
      'sources[0].page.author.format: applies to dates only (published, updated); remove it here',
      'sources[0].page.guid.all: applies to categories only: every other field takes one value; remove it here',
      'sources[0].page.request.method: "PUT" is not allowed; use one of: GET, POST',
    ]);
  });
});
