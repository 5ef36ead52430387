import fs from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { defaultSettings, loadConfig } from '../../../src/config/load-config.js';
import { readPage } from '../../../src/page/read-page.js';

const CONFIG = path.join(import.meta.dirname, '..', '..', '..', 'config');

interface Schema {
  title?: string;
  description?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
}

// Every property at every depth, with its path, so editors have help text for each.
function properties(schema: Schema, at = ''): [string, Schema][] {
  const own = Object.entries(schema.properties ?? {}).flatMap(([key, child]): [string, Schema][] => [
    [`${at}.${key}`, child],
    ...properties(child, `${at}.${key}`),
  ]);
  return schema.items ? [...own, ...properties(schema.items, `${at}[]`)] : own;
}

describe('shipped config/', () => {
  const config = loadConfig(CONFIG);

  it('loads without issues, with at least 12 sources under unique ids', () => {
    expect(config.sources.length).toBeGreaterThanOrEqual(12);
    const ids = config.sources.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('points every source at an http(s) URL and gives each a region and tags', () => {
    for (const source of config.sources) {
      expect(new URL(source.url).protocol, source.id).toMatch(/^https?:$/);
      expect(source.region, source.id).not.toBeNull();
      expect(source.tags.length, source.id).toBeGreaterThan(0);
    }
  });

  it('enables the sources whose feeds were confirmed, including both Gangwon and national ones', () => {
    const enabled = config.sources.filter((s) => s.enabled);
    expect(enabled.length).toBeGreaterThanOrEqual(12);
    expect(enabled.map((s) => s.region)).toEqual(expect.arrayContaining(['gangwon', 'national']));
    expect(enabled.map((s) => s.url)).toEqual(
      expect.arrayContaining(['https://www.kado.net/rss/allArticle.xml', 'https://www.korea.kr/briefing/pressReleaseList.do?pageIndex={page}']),
    );
  });

  it('reads the province, korea.kr and at least three 시군 boards as page sources, none of the dead korea.kr feeds', () => {
    const pages = config.sources.filter((s) => s.type === 'page' && s.enabled);
    expect(pages.map((s) => s.id)).toEqual(expect.arrayContaining(['gwd-pressrelease', 'korea-kr-press']));
    expect(pages.filter((s) => s.tags.includes('city')).length).toBeGreaterThanOrEqual(3);
    expect(config.sources.find((s) => s.id === 'g1-news')).toMatchObject({ type: 'page', enabled: false });
    expect(config.sources.filter((s) => s.url.includes('korea.kr/rss/'))).toEqual([]);
  });

  it.each([
    ['gwd-pressrelease', 'gwd-press-1.html', 'https://state.gwd.go.kr/portal/briefing/pressRelease?seq=8310'],
    ['gangneung-news', 'gangneung-press-1.html', 'https://www.gn.go.kr/www/selectBbsNttView.do?key=277&bbsNo=23&nttNo=203381'],
  ])('reads the in-house fixture modelled on its board with the shipped selectors of %s', (id, file, firstUrl) => {
    const source = config.sources.find((s) => s.id === id)!;
    const html = fs.readFileSync(path.join(CONFIG, '..', 'tests', 'fixtures', 'pages', file), 'utf8');
    const result = readPage(html, { url: source.url, timezone: source.timezone, now: new Date('2024-12-03T00:00:00Z'), encoding: 'utf-8', page: source.page! });
    expect(result.ok && result.items.length).toBe(file.startsWith('gwd') ? 5 : 4);
    expect(result.ok && result.items[0]).toMatchObject({ url: firstUrl, author: expect.any(String), published: expect.any(Date) });
  });

  it('cites, in a comment above each page source, the public code its selectors come from', () => {
    const text = fs.readFileSync(path.join(CONFIG, 'sources.yaml'), 'utf8');
    for (const source of config.sources.filter((s) => s.type === 'page')) {
      const at = text.indexOf(`  - id: ${source.id}\n`);
      const comment = text.slice(text.lastIndexOf('\n\n', at), at);
      expect(comment, source.id).toMatch(/^\n\n\s+# /);
      expect(comment, source.id).toMatch(/public|keeper0301\/government-information|no public code/i);
    }
  });

  it('writes every setting with its default', () => {
    expect(config.settings).toEqual(defaultSettings);
    const text = fs.readFileSync(path.join(CONFIG, 'settings.yaml'), 'utf8');
    for (const key of ['database', 'timezone', 'user_agent', 'default_interval', 'concurrency', 'per_host_concurrency', 'timeout', 'max_body_size', 'max_backoff', 'retention', 'days', 'items_per_source', 'http', 'host', 'port']) {
      expect(text).toMatch(new RegExp(`^\\s+${key}:`, 'm'));
    }
  });

  it.each(['sources', 'settings', 'topics'])('references its schema on line 1 of %s.yaml', (name) => {
    const firstLine = fs.readFileSync(path.join(CONFIG, `${name}.yaml`), 'utf8').split('\n')[0];
    expect(firstLine).toBe(`# yaml-language-server: $schema=./schema/${name}.schema.json`);
  });

  // The loader compiles the schemas without checking them against draft-07 at every start; this does.
  it.each(['sources', 'settings', 'topics'])('ships %s.schema.json as a valid draft-07 schema', (name) => {
    const schema = JSON.parse(fs.readFileSync(path.join(CONFIG, 'schema', `${name}.schema.json`), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, strict: true });
    expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
    expect(() => ajv.compile(schema)).not.toThrow();
  });

  it.each(['sources', 'settings', 'topics'])('gives every property of %s.schema.json a title and description', (name) => {
    const schema = JSON.parse(fs.readFileSync(path.join(CONFIG, 'schema', `${name}.schema.json`), 'utf8')) as Schema;
    const all = properties(schema);
    expect(all.length).toBeGreaterThan(0);
    for (const [at, property] of all) {
      expect(property.title, at).toBeTruthy();
      expect(property.description, at).toBeTruthy();
    }
  });

  it('ships topics whose rules name only sources, regions and tags that sources.yaml has', () => {
    expect(config.topics.length).toBeGreaterThanOrEqual(5);
    const ids = config.topics.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const topic of config.topics) expect(topic.title, topic.id).not.toBe('');
  });
});
