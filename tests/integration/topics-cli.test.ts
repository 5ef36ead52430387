// `regionwire topics …` and `items --topic` as a user runs them: a real process, config folder and database.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, type CliRun } from '../helpers/cli.js';
import { removeTempDirs, tempDir, writeConfig } from '../helpers/temp.js';

const FEED = path.join(ROOT, 'tests', 'fixtures', 'feeds', 'gangwon-ndsoft-rss2.xml');


const regionwire = (args: string[]): Promise<CliRun> => runCli(['--config', config, '--db', db, ...args]);

const topicsYaml = (festival: string) =>
  ['topics:', '  - { id: economy, title: 지역경제, any: [중소기업, 투자] }', `  - { id: festival, title: 축제, any: [${festival}] }`, ''].join('\n');

let config: string;
let db: string;

beforeAll(async () => {
  config = writeConfig({
    'sources.yaml': `sources:\n  - { id: rss2, name: 강원뉴스, url: "${FEED}", region: gangwon, tags: [newspaper] }\n`,
    'topics.yaml': topicsYaml('축제'),
  });
  db = path.join(tempDir(), 'topics.db');
  const poll = await regionwire(['poll', '--json']);
  expect(poll.code, poll.stderr).toBe(0);
});

afterAll(() => removeTempDirs());

describe('regionwire topics', () => {
  it('poll classifies new items: items --topic lists one topic, and items JSON carries topic ids', async () => {
    const run = await regionwire(['items', '--topic', 'economy', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const items = JSON.parse(run.stdout) as { title: string; topics: string[] }[];
    expect(items.map((i) => [i.title.slice(0, 12), i.topics])).toEqual([
      ['강원 중견 + 중소기업', ['economy']],
      ['원주 AI반도체 기업 ', ['economy']],
    ]);
  });

  it('topics list --json gives each topic with its item count', async () => {
    const run = await regionwire(['topics', 'list', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as { id: string; items: number }[]).map((t) => [t.id, t.items])).toEqual([
      ['economy', 2],
      ['festival', 1],
    ]);
  });

  it('preview shows what an edited rule would hold, and why, without saving it; reclassify saves it', async () => {
    fs.writeFileSync(path.join(config, 'topics.yaml'), topicsYaml('축제, 협약'));
    const preview = await regionwire(['topics', 'preview', 'festival', '--json']);
    expect(preview.code, preview.stderr).toBe(0);
    const shown = JSON.parse(preview.stdout) as { matches: number; added: number; items: { title: string; reason: string; added: boolean }[] };
    expect(shown).toMatchObject({ matches: 2, added: 1 });
    expect(shown.items.map((i) => [i.title.slice(0, 10), i.reason, i.added])).toEqual([
      ['춘천 겨울축제 & ', 'any: 축제 (title)', false],
      ['원주 AI반도체 기', 'any: 협약 (title)', true],
    ]);
    const text = await regionwire(['topics', 'preview', 'festival', '--limit', '1']);
    expect(text.stdout).toMatch(/^festival \(축제\): 2 of 3 stored items match .*\+1 new, -0 leaving/);
    expect(text.stdout).toContain('any: 축제 (title)');

    const unchanged = JSON.parse((await regionwire(['topics', 'list', '--json'])).stdout) as { id: string; items: number }[];
    expect(unchanged.find((t) => t.id === 'festival')?.items).toBe(1);

    const redo = await regionwire(['topics', 'reclassify', '--json']);
    expect(redo.code, redo.stderr).toBe(0);
    expect(JSON.parse(redo.stdout)).toEqual({
      items: 3,
      changed: 1,
      topics: { economy: { before: 2, after: 2 }, festival: { before: 1, after: 2 } },
    });
  });

  it('poll re-sorts stored items by itself after topics.yaml changed', async () => {
    fs.writeFileSync(path.join(config, 'topics.yaml'), topicsYaml('관광객'));
    const poll = await regionwire(['poll']);
    expect(poll.code, poll.stderr).toBe(0);
    expect(poll.stderr).toContain('topics changed: 3 stored items re-sorted, 2 changed');
    const items = JSON.parse((await regionwire(['items', '--topic', 'festival', '--json'])).stdout) as { title: string }[];
    expect(items.map((i) => i.title.slice(0, 7))).toEqual(['춘천 겨울축제']);
  });

  it('refuses an unknown topic id with exit 2, naming the known ones', async () => {
    for (const args of [['topics', 'preview', 'wildfire'], ['items', '--topic', 'wildfire']]) {
      const run = await regionwire(args);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe('regionwire: unknown topic "wildfire"; known topics: economy, festival\n');
    }
  });
});
