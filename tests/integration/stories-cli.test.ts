// `regionwire stories …` as a user runs them: a real process, config folder and database.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, type CliRun } from '../helpers/cli.js';
import { removeTempDirs, tempDir, writeConfig } from '../helpers/temp.js';

const FEED = path.join(ROOT, 'tests', 'fixtures', 'feeds', 'gangwon-ndsoft-rss2.xml');

let config: string;
let db: string;

const regionwire = (args: string[]): Promise<CliRun> => runCli(['--config', config, '--db', db, ...args]);

beforeAll(async () => {
  config = writeConfig({
    'sources.yaml': `sources:\n  - { id: rss2, name: 강원뉴스, url: "${FEED}", region: gangwon, tags: [newspaper] }\n`,
    'topics.yaml': 'topics:\n  - { id: all, title: 전체, sources: [rss2] }\n',
  });
  db = path.join(tempDir(), 'stories.db');
  const poll = await regionwire(['poll', '--json']);
  expect(poll.code, poll.stderr).toBe(0);
}, 60_000);

afterAll(removeTempDirs);

describe('regionwire stories', () => {
  it('lists every polled item in a story, and rebuild re-clusters them the same way', async () => {
    const before = await regionwire(['stories', '--topic', 'all', '--limit', '500', '--json']);
    expect(before.code).toBe(0);
    const stories = JSON.parse(before.stdout) as { id: number; itemCount: number; versions: { story: number }[] }[];
    expect(stories.length).toBeGreaterThan(0);
    expect(stories.every((s) => s.versions.length === s.itemCount && s.versions.every((v) => v.story === s.id))).toBe(true);

    const rebuilt = await regionwire(['stories', 'rebuild', '--json']);
    expect(rebuilt.code).toBe(0);
    const result = JSON.parse(rebuilt.stdout) as { items: number; stories: number };
    expect(result.items).toBe(stories.reduce((n, s) => n + s.itemCount, 0));
    expect(result.stories).toBe(stories.length);
  }, 60_000);

  it('refuses an unknown topic', async () => {
    const run = await regionwire(['stories', '--topic', 'nope']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown topic "nope"');
  }, 30_000);
});
