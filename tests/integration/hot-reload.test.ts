// `regionwire run` picks up edits to sources.yaml and topics.yaml without a restart, and keeps
// the last good config when an edit is invalid.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveBody, startOrigin, type Origin } from '../helpers/origin.js';
import { fixture, removeTempDirs, tempDir, writeConfig } from '../helpers/temp.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

let origin: Origin;
let config: string;
let child: ChildProcess;
let logs = '';
let baseUrl = '';

// waitFor polls a condition every 100 ms, up to timeoutMs.
async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}; service log:\n${logs}`);
}

const source = (id: string, file: string) => `  - { id: ${id}, name: 소스 ${id}, url: "${origin.at(file)}", interval: 1m }\n`;
const topic = (id: string, word: string) => `topics:\n  - { id: ${id}, title: 주제 ${id}, description: 시험, any: [${word}] }\n`;

beforeAll(async () => {
  origin = await startOrigin({
    '/rss2.xml': serveBody(fixture('feeds/gangwon-ndsoft-rss2.xml')),
    '/rdf.xml': serveBody(fixture('feeds/gangwon-rdf.xml')),
  });
  config = writeConfig({ 'sources.yaml': `sources:\n${source('first', '/rss2.xml')}`, 'topics.yaml': topic('watch', '축제') });
  child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'src/cli/main.ts'), '--config', config, '--db', path.join(tempDir(), 'reload.db'), 'run', '--port', '0'],
    { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'info' } },
  );
  child.stdout?.on('data', (d: Buffer) => (logs += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (logs += d.toString()));
  await waitFor('the server address', () => {
    baseUrl = /serving topic feeds at (http:\/\/[^\s/"]+)/.exec(logs)?.[1] ?? '';
    return baseUrl !== '' && logs.includes('poll first');
  });
});

afterAll(async () => {
  child?.kill('SIGTERM');
  await origin?.close();
  removeTempDirs();
});

async function topicTitles(id: string): Promise<string[]> {
  const res = await fetch(`${baseUrl}/topics/${id}.json`);
  if (res.status !== 200) return [];
  const feed = (await res.json()) as { items: { title: string }[] };
  return feed.items.map((i) => i.title);
}

describe('config hot reload', () => {
  it('serves the topic from the starting config', async () => {
    await waitFor('the festival item', async () => (await topicTitles('watch')).some((t) => t.includes('겨울축제')));
  });

  it('polls a source added to sources.yaml without a restart', async () => {
    fs.writeFileSync(path.join(config, 'sources.yaml'), `sources:\n${source('first', '/rss2.xml')}${source('second', '/rdf.xml')}`);
    await waitFor('a poll of the new source', () => origin.requests.some((r) => r.path === '/rdf.xml'));
  });

  it('re-sorts stored items when topics.yaml changes', async () => {
    fs.writeFileSync(path.join(config, 'topics.yaml'), topic('watch', '투자협약'));
    await waitFor('the re-sorted topic', async () => {
      const titles = await topicTitles('watch');
      return titles.length === 1 && titles[0] === '원주 AI반도체 기업 투자협약 체결';
    });
  });

  it('keeps the last good config after an invalid edit and says where the error is', async () => {
    fs.writeFileSync(path.join(config, 'topics.yaml'), 'topics:\n  - { id: watch, title: 주제, descripton: 오타, any: [축제] }\n');
    await waitFor('the reload error', () => /config not reloaded[\s\S]*topics\.yaml:2:\d+/.test(logs));
    expect(logs).toContain('descripton');
    expect(await topicTitles('watch')).toEqual(['원주 AI반도체 기업 투자협약 체결']);
    expect(child.exitCode).toBeNull();
  });
});
