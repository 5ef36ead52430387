import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load-config.js';
import { configDir, onlyIssue } from './config-dir.js';

// feed writes a feed source whose `detail:` value is the given lines (the first on the key's line).
const feed = (first: string, ...rest: string[]) => ({
  'sources.yaml': ['sources:', '  - id: newsstep', '    name: 뉴스스텝', '    url: https://www.newsstep.co.kr/rss/allArticle.xml', `    detail: ${first}`, ...rest.map((l) => `      ${l}`)],
});

describe('detail: in sources.yaml', () => {
  it('reads detail: true as automatic extraction, 30 pages a poll', () => {
    const [source] = loadConfig(configDir(feed('true'))).sources;
    expect(source?.detail).toEqual({ content: null, remove: [], published: null, author: null, attachments: null, maxPerPoll: 30 });
  });

  it('reads the issue\'s map, a javascript: attachment rule taking the page-field template syntax', () => {
    const [source] = loadConfig(configDir(feed(
      '',
      'content: "div.board-view-con"',
      'remove: [".btn-area", ".share"]',
      'published: { selector: ".view-info .date" }',
      'author: ".view-info .writer"',
      'attachments: { selector: ".file a", pattern: "fn_download\\\\(\'(\\\\d+)\'\\\\)", template: "/download.do?id={1}" }',
      'max_per_poll: 5',
    ))).sources;
    expect(source?.detail).toMatchObject({
      content: 'div.board-view-con',
      remove: ['.btn-area', '.share'],
      published: { selector: '.view-info .date', format: null },
      author: { selector: '.view-info .writer' },
      attachments: { selector: '.file a', pattern: "fn_download\\('(\\d+)'\\)", template: '/download.do?id={1}' },
      maxPerPoll: 5,
    });
  });

  it('leaves a source without detail: as it was', () => {
    const [source] = loadConfig(configDir({ 'sources.yaml': ['sources:', '  - { id: kado, name: 강원도민일보, url: https://www.kado.net/rss/allArticle.xml }'] })).sources;
    expect(source?.detail ?? null).toBeNull();
  });

  it('refuses an invalid selector at its line and column', () => {
    const issue = onlyIssue(configDir(feed('', 'content: "div[class="')));
    expect(issue).toMatchObject({ line: 6, column: 16 });
    expect(issue.message).toMatch(/detail.content.*not a valid CSS selector/);
  });

  it('refuses a pattern that is not a regular expression', () => {
    const issue = onlyIssue(configDir(feed('', 'attachments: { selector: "a", pattern: "fn_down(" , template: "/d?id={1}" }')));
    expect(issue.line).toBe(6);
    expect(issue.message).toMatch(/attachments.pattern.*not a valid regular expression/);
  });

  it('refuses a template without a pattern', () => {
    const issue = onlyIssue(configDir(feed('', 'attachments: { selector: "a", template: "/d?id={1}" }')));
    expect(issue.message).toMatch(/attachments.template.*needs a pattern/);
  });

  it('refuses an unknown key', () => {
    const issue = onlyIssue(configDir(feed('', 'contents: "div.body"')));
    expect(issue.line).toBe(6);
    expect(issue.message).toMatch(/contents/);
  });
});

describe('the examples of docs/full-text.md', () => {
  it('load as written', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const doc = fs.readFileSync(path.join(import.meta.dirname, '..', '..', '..', 'docs', 'full-text.md'), 'utf8');
    const examples = [...doc.matchAll(/```yaml\n(- id:[\s\S]*?)```/g)].map((m) => m[1] ?? '');
    expect(examples).toHaveLength(2);
    const sources = loadConfig(configDir({ 'sources.yaml': `sources:\n${examples.map((e) => e.trimEnd().replace(/^/gm, '  ')).join('\n')}\n` })).sources;
    expect(sources.map((s) => [s.id, s.detail?.attachments ?? null])).toEqual([
      ['newsstep', null],
      ['hanbit-press', { selector: 'ul.file_list a.attach', pattern: "fn_egov_downFile\\('([^']+)','(\\d+)'\\)", template: '/cmm/fms/FileDown.do?atchFileId={1}&fileSn={2}' }],
    ]);
  });
});
