// Hot reload: a valid edit arrives as a new config; an invalid one as located issues.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/config/load-config.js';
import { watchConfig, type ConfigWatcher } from '../../../src/config/watch-config.js';
import type { Config } from '../../../src/model.js';
import { removeTempDirs, writeConfig } from '../../helpers/temp.js';

const source = (id: string) => `  - { id: ${id}, name: 이름 ${id}, url: "https://news.example.kr/${id}.xml" }\n`;
let watcher: ConfigWatcher | null = null;

afterEach(() => {
  watcher?.close();
  removeTempDirs();
});

function nextEvent(dir: string): Promise<Config | ConfigError> {
  return new Promise((resolve) => {
    watcher?.close();
    watcher = watchConfig(dir, resolve, resolve, 50);
  });
}

describe('watchConfig', () => {
  it('delivers the new config after a valid save', async () => {
    const dir = writeConfig({ 'sources.yaml': `sources:\n${source('a')}` });
    const event = nextEvent(dir);
    fs.writeFileSync(path.join(dir, 'sources.yaml'), `sources:\n${source('a')}${source('b')}`);
    const config = await event;
    expect(config).not.toBeInstanceOf(ConfigError);
    expect((config as Config).sources.map((s) => s.id)).toEqual(['a', 'b']);
  });

  it('reports an invalid save with file:line and delivers no config', async () => {
    const dir = writeConfig({ 'sources.yaml': `sources:\n${source('a')}` });
    const event = nextEvent(dir);
    fs.writeFileSync(path.join(dir, 'sources.yaml'), `sources:\n${source('a')}  - { id: a, name: twice, url: "https://x.example.kr/" }\n`);
    const error = await event;
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toMatch(/sources\.yaml:3:\d+: .*duplicate/i);
  });

  it('ignores files that are not config files', async () => {
    const dir = writeConfig({ 'sources.yaml': `sources:\n${source('a')}` });
    let calls = 0;
    watcher = watchConfig(dir, () => calls++, () => calls++, 20);
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'memo');
    fs.writeFileSync(path.join(dir, 'sources.yaml.swp'), 'x');
    await new Promise((r) => setTimeout(r, 300));
    expect(calls).toBe(0);
  });
});
