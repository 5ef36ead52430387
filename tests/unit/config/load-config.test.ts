import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSettings, loadConfig } from '../../../src/config/load-config.js';
import { configDir, KADO } from './config-dir.js';

describe('loadConfig', () => {
  it('works with a folder holding only sources.yaml, using default settings', () => {
    const dir = configDir({ 'sources.yaml': ['sources:', ...KADO] });
    const config = loadConfig(dir);
    expect(config.dir).toBe(path.resolve(dir));
    expect(config.settings).toEqual(defaultSettings);
    expect(config.sources).toEqual([
      {
        id: 'kado-all',
        name: '강원도민일보',
        url: 'https://www.kado.net/rss/allArticle.xml',
        region: null,
        tags: [],
        intervalMs: 30 * 60_000,
        encoding: null,
        timezone: 'Asia/Seoul',
        enabled: true,
        priority: 0,
        type: 'feed',
        page: null,
      },
    ]);
  });

  it('maps snake_case settings to Settings and uses them as source defaults', () => {
    const dir = configDir({
      'settings.yaml': [
        'settings:',
        '  database: /var/lib/regionwire/db.sqlite',
        '  timezone: utc',
        '  user_agent: test-agent/1.0',
        '  default_interval: 1h30m',
        '  concurrency: 4',
        '  per_host_concurrency: 1',
        '  timeout: 1m',
        '  max_body_size: 512KB',
        '  max_backoff: 1d',
        '  retention:',
        '    days: 90',
        '    items_per_source: 500',
        '  http:',
        '    host: 0.0.0.0',
        '    port: 9000',
      ],
      'sources.yaml': ['sources:', ...KADO],
    });
    const { settings, sources } = loadConfig(dir);
    expect(settings).toEqual({
      database: '/var/lib/regionwire/db.sqlite',
      timezone: 'UTC',
      userAgent: 'test-agent/1.0',
      defaultIntervalMs: 90 * 60_000,
      concurrency: 4,
      perHostConcurrency: 1,
      timeoutMs: 60_000,
      maxBodyBytes: 512 * 1024,
      maxBackoffMs: 86_400_000,
      retention: { days: 90, itemsPerSource: 500 },
      http: { host: '0.0.0.0', port: 9000 },
    });
    expect(sources[0]).toMatchObject({ intervalMs: 90 * 60_000, timezone: 'UTC' });
  });

  it('fills settings left out, or written as an empty map, with defaults', () => {
    const partial = loadConfig(configDir({ 'settings.yaml': 'settings:\n  concurrency: 3\n  retention:\n    days: 30\n', 'sources.yaml': ['sources:', ...KADO] }));
    expect(partial.settings).toEqual({ ...defaultSettings, concurrency: 3, retention: { days: 30, itemsPerSource: null } });
    const empty = loadConfig(configDir({ 'settings.yaml': '# everything commented out\nsettings:\n', 'sources.yaml': ['sources:', ...KADO] }));
    expect(empty.settings).toEqual(defaultSettings);
  });

  it('reads every source key, with Korean names and comments', () => {
    const dir = configDir({
      'sources.yaml': [
        '# 강원 지역 소스 목록',
        'sources:',
        '  # 강원도민일보 — 도내 최대 지역 일간지',
        '  - id: kado-politics   # 정치면',
        '    name: "강원도민일보: 정치"',
        '    url: https://www.kado.net/rss/S1N1.xml',
        '    region: gangwon',
        '    tags: [newspaper, 정치]',
        '    interval: 15m',
        '    encoding: EUC-KR',
        '    timezone: Asia/Tokyo',
        '    enabled: false',
        '    priority: -2',
      ],
    });
    expect(loadConfig(dir).sources[0]).toEqual({
      id: 'kado-politics',
      name: '강원도민일보: 정치',
      url: 'https://www.kado.net/rss/S1N1.xml',
      region: 'gangwon',
      tags: ['newspaper', '정치'],
      intervalMs: 15 * 60_000,
      encoding: 'euc-kr',
      timezone: 'Asia/Tokyo',
      enabled: false,
      priority: -2,
      type: 'feed',
      page: null,
    });
  });

  it('resolves local file paths against the config folder', () => {
    const dir = configDir({
      'sources.yaml': [
        'sources:',
        '  - { id: relative, name: 상대경로, url: fixtures/feed.xml }',
        '  - { id: dotted, name: 점경로, url: ../shared/feed.xml }',
        '  - { id: absolute, name: 절대경로, url: /srv/feeds/feed.xml }',
        '  - { id: file-url, name: 파일URL, url: "file:///srv/feeds/other.xml" }',
      ],
    });
    expect(loadConfig(dir).sources.map((s) => s.url)).toEqual([
      path.join(path.resolve(dir), 'fixtures', 'feed.xml'),
      path.join(path.dirname(path.resolve(dir)), 'shared', 'feed.xml'),
      '/srv/feeds/feed.xml',
      '/srv/feeds/other.xml',
    ]);
  });

  it('accepts a topics.yaml with no topics yet, and an absent one, as no topics', () => {
    const sources = ['sources:', ...KADO];
    expect(loadConfig(configDir({ 'sources.yaml': sources, 'topics.yaml': 'topics:\n' })).topics).toEqual([]);
    expect(loadConfig(configDir({ 'sources.yaml': sources })).topics).toEqual([]);
  });
});
