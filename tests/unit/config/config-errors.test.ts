import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config/load-config.js';
import { configDir, issuesOf, KADO, onlyIssue } from './config-dir.js';

const sources = (...lines: string[]) => ({ 'sources.yaml': ['sources:', ...lines] });

describe('config errors name the file, line and column, and say what is expected', () => {
  it('formats ConfigError.message as file:line:column: path: message, one issue a line', () => {
    const dir = configDir(sources(...KADO, '    interval: 15x'));
    const shown = path.relative(process.cwd(), dir);
    let error: unknown;
    try {
      loadConfig(shown);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toBe(
      `${path.join(shown, 'sources.yaml')}:5:15: sources[0].interval: "15x" is not a duration; write e.g. 15m, 1h, 90s, 1h30m`,
    );
  });

  it('reports a YAML syntax error at its position', () => {
    const issue = onlyIssue(configDir(sources('  - id: a', '    name: [강원도민일보', '    url: https://a.kr/rss')));
    expect(issue.file).toMatch(/sources\.yaml$/);
    expect(issue.message).toMatch(/^YAML syntax error/);
    expect(issue.line).toBe(4);
  });

  it('reports a tab used for indentation after a Korean name, at the tab', () => {
    const issue = onlyIssue(configDir(sources('  - id: kado-all', '    name: 강원도민일보', '\turl: https://www.kado.net/rss/allArticle.xml')));
    expect([issue.line, issue.column]).toEqual([4, 1]);
    expect(issue.message).toMatch(/YAML syntax error: Tabs are not allowed.*indent with spaces/);
  });

  it('reports a mis-indented line after a Korean name, where the parser lost its way', () => {
    const issue = onlyIssue(configDir(sources('  - id: kado-all', '    name: 강원도민일보', '      url: https://www.kado.net/rss/allArticle.xml')));
    expect([issue.line, issue.column]).toEqual([3, 11]);
    expect(issue.message).toMatch(/YAML syntax error: .*indentation/);
  });

  it('reports a duplicate YAML key at the second one, naming the first line', () => {
    const issue = onlyIssue(configDir(sources(...KADO, '    name: 다른 이름')));
    expect([issue.line, issue.column]).toEqual([5, 5]);
    expect(issue.message).toContain('duplicate key "name" (first written on line 3)');
  });

  it('reports an unknown key at the key, with "did you mean"', () => {
    const issue = onlyIssue(configDir(sources(...KADO, '    intervall: 15m')));
    expect([issue.line, issue.column]).toEqual([5, 5]);
    expect(issue.message).toBe('sources[0].intervall: unknown key "intervall" (did you mean "interval"?)');
  });

  it('lists the allowed keys when an unknown key is not close to any', () => {
    const issue = onlyIssue(configDir(sources(...KADO, '    colour: red')));
    expect([issue.line, issue.column]).toEqual([5, 5]);
    expect(issue.message).toMatch(/unknown key "colour"; allowed keys: id, name, url, region/);
  });

  it('suggests the snake_case spelling of a camelCase setting', () => {
    const issue = onlyIssue(configDir({ ...sources(...KADO), 'settings.yaml': ['settings:', '  userAgent: bot/1.0'] }));
    expect(issue.file).toMatch(/settings\.yaml$/);
    expect([issue.line, issue.column]).toEqual([2, 3]);
    expect(issue.message).toContain('(did you mean "user_agent"?)');
  });

  it('reports a duplicate id at the second, naming the first one’s line', () => {
    const issue = onlyIssue(configDir(sources(...KADO, '  - id: other', '    name: 다른', '    url: https://a.kr/', '  - id: kado-all', '    name: 또', '    url: https://b.kr/')));
    expect([issue.line, issue.column]).toEqual([8, 9]);
    expect(issue.message).toBe('sources[2].id: duplicate id "kado-all"; sources[0] on line 2 already uses it, and ids must be unique');
  });

  it('reports an id that breaks the id rule', () => {
    const issue = onlyIssue(configDir(sources('  - id: Kado All', '    name: 강원도민일보', '    url: https://a.kr/')));
    expect([issue.line, issue.column]).toEqual([2, 9]);
    expect(issue.message).toMatch(/"Kado All" is not a valid id; use lower-case letters/);
  });

  it.each([
    ['ftp://example.kr/feed.xml', /uses "ftp:"; use an http\(s\) URL or a local file path/],
    ['https://', /is not a valid URL/],
    ['www.kado.net/rss/allArticle.xml', /without "https:\/\/"/],
    ['~/feeds/a.xml', /"~", which is not expanded/],
  ])('reports a bad url %j at the value', (url, expected) => {
    const issue = onlyIssue(configDir(sources('  - id: a', '    name: 가', `    url: ${url}`)));
    expect([issue.line, issue.column]).toEqual([4, 10]);
    expect(issue.message).toMatch(/^sources\[0\]\.url: /);
    expect(issue.message).toMatch(expected);
  });

  it('reports a bad interval, and one below the minimum with the reason', () => {
    const issues = issuesOf(configDir(sources(...KADO, '    interval: 15x', '  - id: b', '    name: 나', '    url: https://b.kr/', '    interval: 30s')));
    expect(issues.map((i) => [i.line, i.column])).toEqual([[5, 15], [9, 15]]);
    expect(issues[0]!.message).toBe('sources[0].interval: "15x" is not a duration; write e.g. 15m, 1h, 90s, 1h30m');
    expect(issues[1]!.message).toMatch(/"30s" is below the minimum of 1m: polling more often than once a minute/);
  });

  it('reports a number where a duration was expected', () => {
    const issue = onlyIssue(configDir({ ...sources(...KADO), 'settings.yaml': ['settings:', '  default_interval: 30'] }));
    expect([issue.line, issue.column]).toEqual([2, 21]);
    expect(issue.message).toBe('settings.default_interval: 30 (a number) is not a duration; write e.g. 15m, 1h, 90s');
  });

  it('reports bad settings values: size, timeout, port and retention', () => {
    const issues = issuesOf(configDir({
      ...sources(...KADO),
      'settings.yaml': ['settings:', '  max_body_size: 10 MBB', '  timeout: 0s', '  retention:', '    days: 0', '  http:', '    port: 99999'],
    }));
    expect(issues.map((i) => [i.line, i.column, i.message])).toEqual([
      [2, 18, 'settings.max_body_size: "10 MBB" is not a size; write e.g. 512KB, 10MB or a number of bytes'],
      [3, 12, expect.stringMatching(/^settings\.timeout: "0s" is below the minimum of 1s/)],
      [5, 11, 'settings.retention.days: 0 is too small; the minimum is 1'],
      [7, 11, 'settings.http.port: 99999 is too large; the maximum is 65535'],
    ]);
  });

  it.each([
    ['priority: high', 'sources[0].priority: expected a whole number, got "high"'],
    ['enabled: yes', 'sources[0].enabled: expected true or false, got "yes"'],
    ['tags: newspaper', 'sources[0].tags: expected a list, got "newspaper"'],
    ['region: 42', 'sources[0].region: expected text, got 42 (a number); put it in quotes to make it text'],
  ])('reports a wrong type (%s) at the value', (line, message) => {
    const issue = onlyIssue(configDir(sources(...KADO, `    ${line}`)));
    expect([issue.line, issue.column]).toEqual([5, line.indexOf(':') + 7]);
    expect(issue.message).toBe(message);
  });

  it('reports a key with no value at the key', () => {
    const issue = onlyIssue(configDir(sources(...KADO, '    priority:')));
    expect([issue.line, issue.column]).toEqual([5, 5]);
    expect(issue.message).toBe('sources[0].priority: expected a whole number, got nothing (the value is empty)');
  });

  it('reports a bad time zone with a suggestion', () => {
    const issue = onlyIssue(configDir(sources(...KADO, '    timezone: Asia/Seul')));
    expect([issue.line, issue.column]).toEqual([5, 15]);
    expect(issue.message).toBe('sources[0].timezone: "Asia/Seul" is not a known time zone (did you mean "Asia/Seoul"?); use an IANA name such as Asia/Seoul or UTC');
  });

  it('reports an unknown encoding', () => {
    const issue = onlyIssue(configDir(sources(...KADO, '    encoding: euc-kr2')));
    expect([issue.line, issue.column]).toEqual([5, 15]);
    expect(issue.message).toMatch(/"euc-kr2" is not an encoding regionwire can decode; use e\.g\. utf-8, euc-kr or cp949/);
  });

  it('reports a missing required key at the entry that lacks it', () => {
    const issue = onlyIssue(configDir(sources(...KADO, '  - id: b', '    name: 나')));
    expect([issue.line, issue.column]).toEqual([5, 5]);
    expect(issue.message).toBe('sources[1]: missing required key "url" (feed or page address)');
  });

  it('reports a misspelt required key once, as unknown with "did you mean"', () => {
    const issue = onlyIssue(configDir(sources('  - id: a', '    name: 가', '    urll: https://a.kr/')));
    expect([issue.line, issue.column]).toEqual([4, 5]);
    expect(issue.message).toBe('sources[0].urll: unknown key "urll" (did you mean "url"?)');
  });

  it('reports a wrong top-level key, with "did you mean"', () => {
    const issue = onlyIssue(configDir({ 'sources.yaml': ['# 소스', 'source:', ...KADO] }));
    expect([issue.line, issue.column]).toEqual([2, 1]);
    expect(issue.message).toBe('unknown top-level key "source" (did you mean "sources"?); sources.yaml has exactly one top-level key, "sources:"');
  });

  it('reports a second top-level key and a missing one', () => {
    const extra = onlyIssue(configDir({ 'sources.yaml': ['sources:', ...KADO, 'settings:', '  timezone: UTC'] }));
    expect([extra.line, extra.column]).toEqual([5, 1]);
    expect(extra.message).toMatch(/unknown top-level key "settings"; sources\.yaml has exactly one top-level key/);
    const wrong = issuesOf(configDir({ 'sources.yaml': ['sources:', ...KADO], 'settings.yaml': ['# 설정', 'feeds:', '  - a'] }));
    expect(wrong.map((i) => [i.line, i.column, i.message])).toEqual([
      [2, 1, 'missing the top-level key "settings:"; settings.yaml must hold a map of settings under it'],
      [2, 1, 'unknown top-level key "feeds"; settings.yaml has exactly one top-level key, "settings:"'],
    ]);
  });

  it('reports an empty sources.yaml, a list in place of the top-level map, and an empty list', () => {
    expect(onlyIssue(configDir({ 'sources.yaml': '# 아직 없음\n' })).message).toBe(
      'the file is empty; sources.yaml must start with "sources:" followed by a list of sources',
    );
    const list = onlyIssue(configDir({ 'sources.yaml': KADO.map((l) => l.slice(2)) }));
    expect([list.line, list.column, list.message]).toEqual([1, 1, expect.stringMatching(/^the file holds a list; sources\.yaml must start with "sources:"/)]);
    const empty = onlyIssue(configDir({ 'sources.yaml': 'sources: []\n' }));
    expect([empty.line, empty.column, empty.message]).toEqual([1, 10, 'sources: the list is empty; add at least one entry']);
  });

  it('reports a missing sources.yaml, a misnamed settings file and a missing folder', () => {
    const dir = configDir({ 'settings.yml': 'settings:\n' });
    const issues = issuesOf(dir);
    expect(issues.map((i) => [path.basename(i.file), i.message])).toEqual([
      ['settings.yml', 'this file is not read; did you mean to name it "settings.yaml"?'],
      ['sources.yaml', expect.stringMatching(/^file not found; a config folder needs a sources\.yaml/)],
    ]);
    expect(issuesOf(path.join(dir, 'nowhere'))[0]!.message).toMatch(/^config folder does not exist/);
  });

  it('checks topics.yaml for its top-level key and topic ids', () => {
    const issues = issuesOf(configDir({ ...sources(...KADO), 'topics.yaml': ['topics:', '  - title: 산불', '    any: [산불]', '  - { id: Wild Fire, title: 산불, any: [산불] }'] }));
    expect(issues.map((i) => [path.basename(i.file), i.line, i.column])).toEqual([['topics.yaml', 2, 5], ['topics.yaml', 4, 11]]);
    expect(issues[0]!.message).toMatch(/topics\[0\]: missing required key "id"/);
  });

  it('reports every problem at once, file by file, top to bottom', () => {
    const dir = configDir({
      'settings.yaml': ['settings:', '  timezone: Seoul/Asia', '  concurency: 4'],
      'sources.yaml': [
        'sources:',
        '  - id: kado-all',
        '    name: 강원도민일보',
        '    url: https://www.kado.net/rss/allArticle.xml',
        '    interval: 5m30',
        '  - id: kado-all',
        '    name: 강원도민일보 정치',
        '    url: gopher://kado.net',
        '    encoding: klingon',
        '  - name: 이름만',
      ],
    });
    const issues = issuesOf(dir);
    expect(issues.map((i) => `${path.basename(i.file)}:${i.line}:${i.column}`)).toEqual([
      'settings.yaml:2:13',
      'settings.yaml:3:3',
      'sources.yaml:5:15',
      'sources.yaml:6:9',
      'sources.yaml:8:10',
      'sources.yaml:9:15',
      'sources.yaml:10:5',
      'sources.yaml:10:5',
    ]);
    expect(issues.slice(-2).map((i) => i.message).sort()).toEqual([
      'sources[2]: missing required key "id" (source id)',
      'sources[2]: missing required key "url" (feed or page address)',
    ]);
  });
});
