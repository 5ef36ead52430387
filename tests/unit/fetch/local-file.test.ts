import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { failure } from './fetch-helpers.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fetchFeed } from '../../../src/fetch/fetch-feed.js';
import type { FetchOptions } from '../../../src/model.js';

const FEED = '<?xml version="1.0"?><rss version="2.0"><channel><title>도청 보도자료</title></channel></rss>';
const opts: FetchOptions = { userAgent: 'regionwire-test', timeoutMs: 800, maxBodyBytes: 1024, maxRedirects: 5 };
const read = (url: string, lastModified: string | null = null) => fetchFeed({ url, etag: null, lastModified }, opts);


let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'regionwire-fetch-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('fetchFeed on local files', () => {
  it('reads an absolute path, with its mtime as lastModified', async () => {
    const path = join(dir, 'feed.xml');
    await writeFile(path, FEED);
    const result = await read(path);
    expect(result).toMatchObject({ status: 'ok', httpStatus: null, contentType: null, finalUrl: path, etag: null, permanentRedirect: null });
    expect(result.status === 'ok' && result.body.toString()).toBe(FEED);
    expect(result.status === 'ok' && result.lastModified).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
  });

  it('reads a file: URL and answers not-modified while the mtime is unchanged', async () => {
    const path = join(dir, '강원 feed.xml');
    await writeFile(path, FEED);
    const url = pathToFileURL(path).href;
    const first = await read(url);
    if (first.status !== 'ok') throw new Error(first.status);
    expect(await read(url, first.lastModified)).toEqual({
      status: 'not-modified',
      finalUrl: url,
      permanentRedirect: null,
      etag: null,
      lastModified: first.lastModified,
    });
  });

  it('fails a missing file with kind file', async () => {
    const path = join(dir, 'missing.xml');
    const error = failure(await read(path));
    expect(error.kind).toBe('file');
    expect(error.message).toBe(`fetch: file ${path} does not exist — check the path in sources.yaml`);
  });

  it('fails a folder and a relative path with kind file', async () => {
    expect(failure(await read(dir)).kind).toBe('file');
    expect(failure(await read('feeds/local.xml')).message).toContain('is neither an http(s) URL nor an absolute file path');
  });

  it('applies the size cap to files', async () => {
    const path = join(dir, 'big.xml');
    await writeFile(path, `<rss>${'x'.repeat(opts.maxBodyBytes)}</rss>`);
    expect(failure(await read(path)).kind).toBe('too-large');
  });

  it('sniffs files like bodies', async () => {
    const path = join(dir, 'feed.json');
    await writeFile(path, '{"items":[]}');
    expect(failure(await read(path)).kind).toBe('not-a-feed');
  });
});
