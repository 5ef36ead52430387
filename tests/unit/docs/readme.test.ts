import fs from 'node:fs';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load-config.js';
import { readTables } from '../../helpers/markdown.js';

// Issue 12 §4: the README is the front door, at most 250 lines, with the reference in docs/.
const ROOT = path.join(import.meta.dirname, '..', '..', '..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const config = loadConfig(path.join(ROOT, 'config'));

const COMMANDS = [
  'npm ci && npm start      # install, then poll the shipped sources (config/) and serve topic feeds at http://127.0.0.1:8080/ until Ctrl-C',
  'npm ci && npm test       # install, then run the whole test suite (no internet needed)',
].join('\n');

// tableWith returns the README's one table whose header row is exactly the given cells.
function tableWith(header: string[]): string[][] {
  const tables = readTables(README).filter((t) => JSON.stringify(t[0]) === JSON.stringify(header));
  expect(tables, `README: one table headed | ${header.join(' | ')} |`).toHaveLength(1);
  return (tables[0] ?? []).slice(1).map((row) => row.map((cell) => cell.replaceAll('`', '')));
}

describe('README.md', () => {
  it('is at most 250 lines', () => {
    expect(README.split('\n').length).toBeLessThanOrEqual(250);
  });

  it('opens, under its title, with the two commands: start and test', () => {
    const blocks = new MarkdownIt().parse(README, {}).filter((t) => t.block && t.nesting !== -1 && t.type !== 'inline');
    expect(blocks[0]?.type).toBe('heading_open');
    expect(blocks[1]?.type).toBe('fence');
    expect(blocks[1]?.info).toBe('sh');
    expect(blocks[1]?.content).toBe(`${COMMANDS}\n`);
  });

  it('lists the shipped sources of config/sources.yaml, in order, in one table', () => {
    const rows = tableWith(['id', 'name', 'type', 'enabled', 'note']);
    const shipped = config.sources.map((s) => [s.id, s.name, s.type, s.enabled ? 'yes' : 'no']);
    expect(rows.map((row) => row.slice(0, 4))).toEqual(shipped);
    expect(rows.every((row) => (row[4] ?? '') !== '')).toBe(true);
    const counted = /ships (\d+) .*?, (\d+) of them enabled/s.exec(README);
    expect(counted?.slice(1).map(Number)).toEqual([config.sources.length, config.sources.filter((s) => s.enabled).length]);
  });

  it('lists the shipped topics of config/topics.yaml, in order, in one table, with keywords they use', () => {
    const rows = tableWith(['id', 'title', 'description', 'keywords, for example']);
    expect(rows.map((row) => row.slice(0, 3))).toEqual(config.topics.map((t) => [t.id, t.title, t.description]));
    for (const [i, topic] of config.topics.entries()) {
      const examples = (rows[i]?.[3] ?? '').split(', ');
      expect(examples.filter((k) => !topic.match.any.includes(k)), `keywords of ${topic.id} not in its any list`).toEqual([]);
    }
  });

  it('says why each package in package.json is there, and names no other', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, Record<string, string>>;
    const names = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})].map((n) => (n.startsWith('@types/') ? '@types/*' : n));
    const listed = tableWith(['package', 'why']).map((row) => (row[0] ?? '').replace(/ \(.*\)$/, ''));
    expect([...new Set(names)].filter((n) => !listed.includes(n)), 'packages the README does not explain').toEqual([]);
    expect(listed.filter((n) => !names.includes(n)), 'README rows for packages not in package.json').toEqual([]);
  });
});
