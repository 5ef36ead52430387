// Issue 12 §3: an item with nothing in it (<item></item>: no title, link, text or guid) is not
// stored; the poll counts it as skipped, in its outcome, its log row and the `poll` output.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { runCli } from '../helpers/cli.js';
import { serveBody, startOrigin, type Origin } from '../helpers/origin.js';
import { removeTempDirs, tempDir, writeConfig } from '../helpers/temp.js';

const FEED = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>빈 항목 피드</title><link>http://127.0.0.1/</link>
<item><title>강원 축제 개막</title><link>http://127.0.0.1/news/1</link></item>
<item></item>
<item><title>  </title><description>&lt;br&gt;</description><category>빈칸</category></item>
<item><description>제목도 링크도 없지만 본문은 있는 글</description></item>
</channel></rss>`;

let origin: Origin;
let config: string;
let db: string;

beforeAll(async () => {
  origin = await startOrigin({ '/feed.xml': serveBody(FEED) });
  config = writeConfig({
    'sources.yaml': `sources:\n  - { id: sparse, name: 빈 항목 신문, url: "${origin.at('/feed.xml')}" }\n`,
    'topics.yaml': 'topics:\n  - { id: all, title: 전체, sources: [sparse] }\n',
  });
  db = path.join(tempDir(), 'empty.db');
});

afterAll(async () => {
  await origin?.close();
  removeTempDirs();
});

describe('a feed with empty items', () => {
  it('poll stores the items with something in them and says how many it skipped', async () => {
    const run = await runCli(['--config', config, '--db', db, 'poll']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('sparse: 2 new, 0 updated, 0 unchanged, 1 skipped');
    const store = openStore(db);
    try {
      expect(store.queryItems({ limit: 10 }).map((i) => i.title ?? i.summary).sort()).toEqual(['강원 축제 개막', '제목도 링크도 없지만 본문은 있는 글']);
      expect(store.pollLog('sparse', 1)[0]?.counts).toEqual({ new: 2, updated: 0, unchanged: 0, skipped: 1 });
    } finally {
      store.close();
    }
  });

  it('poll --json counts the skipped item again on the next poll, and never stores it', async () => {
    const run = await runCli(['--config', config, '--db', db, 'poll', '--json']);
    expect(JSON.parse(run.stdout)).toMatchObject([{ source: 'sparse', status: 'updated', new: 0, unchanged: 2, skipped: 1 }]);
    const store = openStore(db);
    try {
      expect(store.queryItems({ limit: 10 })).toHaveLength(2);
    } finally {
      store.close();
    }
  });
});
