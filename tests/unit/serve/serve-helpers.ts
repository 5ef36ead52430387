// A real store in a temp file, filled through savePoll, served by createApp on 127.0.0.1:0.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { defaultSettings } from '../../../src/config/defaults.js';
import { keyItems } from '../../../src/dedupe/item-key.js';
import type { Config, KeyedItem, ParsedItem, SourceConfig, TopicConfig } from '../../../src/model.js';
import { createApp, type AppDeps } from '../../../src/serve/app.js';
import { openStore, type Store } from '../../../src/store/open-store.js';

export const NOW = new Date('2024-12-03T00:00:00.000Z');

// source is an enabled SourceConfig polled every `intervalMs`.
export function source(id: string, intervalMs = 15 * 60_000): SourceConfig {
  return { id, name: `${id} 신문`, url: `https://${id}.example.kr/rss`, region: 'gangwon', tags: [], intervalMs, encoding: null, timezone: 'Asia/Seoul', enabled: true, priority: 0, type: 'feed', page: null };
}

// everything is a topic whose empty rules match every item.
export function everything(id = 'economy'): TopicConfig {
  const match = { any: [], all: [], none: [], titleOnly: false, sources: [], excludeSources: [], regions: [], tags: [], categories: [] };
  return { id, title: '지역경제', description: '강원 지역 경제', match };
}

// config has two sources (15 and 30 minutes) and the given topics.
export function config(topics: TopicConfig[] = [everything()]): Config {
  return { dir: '.', settings: defaultSettings, sources: [source('kado'), source('kwnews', 30 * 60_000)], topics };
}

// item is a ParsedItem published `hoursAgo` before NOW.
export function item(n: number, hoursAgo: number, fields: Partial<ParsedItem> = {}): ParsedItem {
  return {
    guid: null, url: `https://kado.example.kr/news/${n}`, title: `기사 ${n}`, summary: `요약 ${n}`, content: `<p>본문 ${n}</p>`,
    author: null, categories: [], image: null, published: new Date(NOW.getTime() - hoursAgo * 3_600_000), updated: null, ...fields,
  };
}

// classified marks items as belonging to the given topics, the way the worker hands them to savePoll.
export function classified(items: readonly ParsedItem[], topics: readonly string[]): KeyedItem[] {
  return keyItems(items).map((k) => Object.assign(k, { topics: topics.map((topic) => ({ topic, reason: 'test' })) }));
}

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

// tempStore opens a store on a fresh file, synced with the config's sources.
export function tempStore(cfg: Config): Store {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regionwire-serve-'));
  const store = openStore(path.join(dir, 'regionwire.db'));
  store.syncSources(cfg.sources, NOW);
  cleanups.push(() => {
    store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return store;
}

// save stores one successful poll of `src` finished at `when`.
export function save(store: Store, src: string, items: readonly ParsedItem[], when = NOW, topics = ['economy']): void {
  store.savePoll({
    source: src, startedAt: new Date(when.getTime() - 1000), finishedAt: when, nextPollAt: new Date(when.getTime() + 900_000), permanentRedirect: null,
    result: { status: 'updated', items: classified(items, topics), etag: null, lastModified: null, httpStatus: 200, encoding: 'utf-8', warning: null },
  });
}

export interface Served {
  readonly url: string;
  get(path: string, init?: RequestInit): Promise<Response>;
}

// serve listens with createApp on a free loopback port, closed after the file.
export async function serve(deps: AppDeps): Promise<Served> {
  const server = http.createServer(createApp(deps));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  cleanups.push(() => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  }));
  return { url, get: (p, init) => fetch(url + p, init) };
}

// body reads a JSON response; tests index into it freely.
export const body = (res: Response): Promise<any> => res.json();
