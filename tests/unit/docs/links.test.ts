import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findBrokenLinks, listMarkdownFiles, readHeadingSlugs, readLinks } from '../../helpers/markdown.js';
import { removeTempDirs, tempDir } from '../../helpers/temp.js';

const ROOT = path.join(import.meta.dirname, '..', '..', '..');

afterAll(removeTempDirs);

// writeTree writes Markdown files into a fresh folder and returns it.
function writeTree(files: Record<string, string>): string {
  const dir = tempDir('regionwire-docs-');
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('links between the Markdown files', () => {
  it('covers the README and every file in docs/', () => {
    const files = listMarkdownFiles(ROOT);
    expect(files).toContain('README.md');
    expect(files).toContain(path.join('docs', 'README.md'));
    expect(files.filter((f) => f.startsWith(`docs${path.sep}`)).length).toBeGreaterThanOrEqual(11);
    expect(files.some((f) => f.includes('node_modules'))).toBe(false);
  });

  it('all resolve: every target file exists and every #anchor is a heading of its target', () => {
    expect(findBrokenLinks(ROOT, listMarkdownFiles(ROOT))).toEqual([]);
  });

  it('the README links to every file in docs/', () => {
    const linked = new Set(readLinks(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8')).map((l) => path.normalize(l.href.split('#')[0] ?? '')));
    const docs = fs.readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md'));
    expect(docs.filter((f) => !linked.has(path.join('docs', f)))).toEqual([]);
  });
});

describe('the link checker', () => {
  it('reports a missing file, a missing anchor and a bad anchor in the same file, with file:line', () => {
    const dir = writeTree({
      'README.md': '# Top\n\nSee [gone](docs/gone.md) and\n[setup](docs/setup.md#nowhere), [self](#top), [here](#bottom).\n',
      'docs/setup.md': '# Setup\n\n## Install it\n\nBack to [the top](../README.md#top) or [install](#install-it).\n',
    });
    expect(findBrokenLinks(dir, listMarkdownFiles(dir))).toEqual([
      'README.md:3: link "docs/gone.md": docs/gone.md does not exist; fix the path or add the file',
      'README.md:3: link "docs/setup.md#nowhere": no heading with anchor #nowhere in docs/setup.md; its anchors are #setup #install-it',
      'README.md:3: link "#bottom": no heading with anchor #bottom in README.md; its anchors are #top',
    ]);
  });

  it('ignores web links and links written inside code', () => {
    const dir = writeTree({ 'a.md': '[site](https://example.kr/x.md#y) <http://127.0.0.1:8080/>\n\n`[not](b.md)`\n\n```\n[nor](c.md)\n```\n' });
    expect(findBrokenLinks(dir, ['a.md'])).toEqual([]);
  });

  it('accepts a percent-encoded Hangul anchor and a link to a folder', () => {
    const dir = writeTree({ 'a.md': '# 지역경제 소식\n\n[이곳](#%EC%A7%80%EC%97%AD%EA%B2%BD%EC%A0%9C-%EC%86%8C%EC%8B%9D) [docs](docs)\n', 'docs/b.md': '# B\n' });
    expect(findBrokenLinks(dir, ['a.md'])).toEqual([]);
  });
});

describe('heading anchors follow GitHub', () => {
  it('lower-case, punctuation dropped except - and _, spaces to -, Hangul kept, code spans kept', () => {
    expect(readHeadingSlugs('# How it reads feeds\n## `topics.yaml`\n### topics, stories, prune\n## 재난·안전 (Disaster)\n## snake_case & dash-ed\n')).toEqual([
      'how-it-reads-feeds',
      'topicsyaml',
      'topics-stories-prune',
      '재난안전-disaster',
      'snake_case--dash-ed',
    ]);
  });

  it('numbers repeated headings -1, -2 and ignores headings inside code blocks', () => {
    expect(readHeadingSlugs('## Speed\n\n```\n## Speed\n```\n\n## Speed\n## Speed\n')).toEqual(['speed', 'speed-1', 'speed-2']);
  });
});
