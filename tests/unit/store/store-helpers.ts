// Builders shared by the store tests: a store in a fresh temp folder, sources, items and polls.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { keyItems } from '../../../src/dedupe/item-key.js';
import type { KeyedItem, ParsedItem, SourceConfig, SourceError } from '../../../src/model.js';
import { openStore, type SavePollInput, type Store } from '../../../src/store/open-store.js';

const dirs: string[] = [];
const stores: Store[] = [];

afterEach(() => {
  for (const store of stores.splice(0)) store.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

// tempDbPath names a database file inside a new temp folder (the folder "db" is not created yet).
export function tempDbPath(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regionwire-store-'));
  dirs.push(dir);
  return path.join(dir, 'db', 'regionwire.db');
}

// tempStore opens a store on a real file; it is closed after the test.
export function tempStore(file = tempDbPath()): Store {
  const store = openStore(file);
  stores.push(store);
  return store;
}

// source is a valid SourceConfig for `id`, with overrides.
export function source(id: string, fields: Partial<SourceConfig> = {}): SourceConfig {
  return {
    id,
    name: `${id} 뉴스`,
    url: `https://${id}.example.kr/rss`,
    region: 'gangwon',
    tags: ['news'],
    intervalMs: 600_000,
    encoding: null,
    timezone: 'Asia/Seoul',
    enabled: true,
    priority: 0,
    type: 'feed',
    page: null,
    ...fields,
  };
}

// parsed is a ParsedItem with every field empty but the ones given.
export function parsed(fields: Partial<ParsedItem>): ParsedItem {
  return {
    guid: null,
    url: null,
    title: null,
    summary: null,
    content: null,
    author: null,
    categories: [],
    image: null,
    published: null,
    updated: null,
    ...fields,
  };
}

// T0 is the fixed "now" the store tests count from.
export const T0 = new Date('2024-12-01T08:00:00.000Z');

// at gives T0 plus some minutes.
export function at(minutes: number): Date {
  return new Date(T0.getTime() + minutes * 60_000);
}

// updated builds a savePoll input for a 200 with the given items, finished at `when`.
export function updated(src: string, items: readonly ParsedItem[] | readonly KeyedItem[], when = T0, etag: string | null = '"v1"'): SavePollInput {
  const keyed = items.every((i) => 'key' in i) ? (items as KeyedItem[]) : keyItems(items);
  return {
    source: src,
    startedAt: new Date(when.getTime() - 1500),
    finishedAt: when,
    nextPollAt: new Date(when.getTime() + 600_000),
    permanentRedirect: null,
    result: { status: 'updated', items: keyed, etag, lastModified: 'Sun, 01 Dec 2024 08:00:00 GMT', httpStatus: 200, encoding: 'utf-8', warning: null },
  };
}

// failed builds a savePoll input for a failed poll finished at `when`.
export function failed(src: string, error: SourceError, when = T0): SavePollInput {
  return {
    source: src,
    startedAt: new Date(when.getTime() - 30_000),
    finishedAt: when,
    nextPollAt: new Date(when.getTime() + 1_200_000),
    permanentRedirect: null,
    result: { status: 'failed', error },
  };
}

// notModified builds a savePoll input for a 304 finished at `when`.
export function notModified(src: string, when = T0, etag: string | null = null): SavePollInput {
  return {
    source: src,
    startedAt: new Date(when.getTime() - 200),
    finishedAt: when,
    nextPollAt: new Date(when.getTime() + 600_000),
    permanentRedirect: null,
    result: { status: 'not-modified', etag, lastModified: null },
  };
}
