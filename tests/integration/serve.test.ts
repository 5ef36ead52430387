// Poll a local origin into a real database, serve it on 127.0.0.1, read every format back with a feed parser.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../src/cli/context.js';
import { runExport } from '../../src/cli/export.js';
import { createApp } from '../../src/serve/app.js';
import { pollPass } from '../../src/worker/poll-pass.js';
import { parseXmlStrict } from '../helpers/xml.js';
import { serveBody, startOrigin, type Origin } from '../helpers/origin.js';
import { fixture, removeTempDirs, tempDir, writeConfig } from '../helpers/temp.js';

let origin: Origin;
let app: App;
let server: http.Server;
let base: string;

beforeAll(async () => {
  origin = await startOrigin({
    '/rss2.xml': serveBody(fixture('feeds/gangwon-ndsoft-rss2.xml')),
    '/atom.xml': serveBody(fixture('feeds/gangwon-atom.xml'), { 'content-type': 'application/atom+xml' }),
    '/rdf.xml': serveBody(fixture('feeds/gangwon-rdf.xml')),
  });
  const config = writeConfig({
    'sources.yaml': `sources:\n${['rss2', 'atom', 'rdf'].map((id) => `  - { id: ${id}, name: 강원 ${id} 신문, url: "${origin.at(`/${id}.xml`)}", interval: 15m }\n`).join('')}`,
    'topics.yaml': 'topics:\n  - { id: everything, title: 강원 전체, description: 모든 출처, sources: [rss2, atom, rdf] }\n',
  });
  app = openApp({ config, db: path.join(tempDir(), 'serve.db') });
  await pollPass(app.config.sources, app.ctx);
  server = http.createServer(createApp({ store: app.store, getConfig: () => app.config }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  app?.store.close();
  await origin?.close();
  removeTempDirs();
});

describe('poll, then serve', () => {
  it.each(['rss', 'atom'])('%s carries every stored item of the topic, newest first, with links and dates', async (format) => {
    const stored = app.store.queryItems({ topic: 'everything', limit: 50 });
    expect(stored.length).toBeGreaterThanOrEqual(5);
    const res = await fetch(`${base}/topics/everything.${format}`);
    expect(res.status).toBe(200);
    const xml = await res.text();
    parseXmlStrict(xml);
    const feed = await new Parser().parseString(xml);
    expect(feed.items.map((i) => i.link)).toEqual(stored.map((s) => s.url));
    // Each fixture item is a story of its own; its entry is named after the story, not the item.
    expect(feed.items.map((i) => i.guid ?? i.id)).toEqual(stored.map((s) => `tag:regionwire,2024:story/${s.story}`));
    // Atom titles are HTML (type="html"): the parser gives them still escaped.
    const titles = feed.items.map((i) => (format === 'atom' ? (i.title ?? '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&') : i.title));
    expect(titles).toEqual(stored.map((s) => s.title));
    expect(feed.items.map((i) => new Date(i.isoDate ?? '').getTime())).toEqual(stored.map((s) => s.published.getTime()));
    expect(xml).not.toMatch(/<script/i);
  });

  it('JSON Feed carries the same items and sources', async () => {
    const stored = app.store.queryItems({ topic: 'everything', limit: 50 });
    const json = (await (await fetch(`${base}/topics/everything.json`)).json()) as { items: { url: string; _regionwire: { source: { id: string } } }[] };
    expect(json.items.map((i) => i.url)).toEqual(stored.map((s) => s.url));
    expect(json.items.map((i) => i._regionwire.source.id)).toEqual(stored.map((s) => s.source));
  });

  it('answers a conditional GET with 304, by ETag and by date', async () => {
    const first = await fetch(`${base}/topics/everything.atom`);
    const etag = first.headers.get('etag') ?? '';
    const lastModified = first.headers.get('last-modified') ?? '';
    expect((await fetch(`${base}/topics/everything.atom`, { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect((await fetch(`${base}/topics/everything.atom`, { headers: { 'if-modified-since': lastModified } })).status).toBe(304);
  });
});

describe('static export', () => {
  it('writes feeds, pages and OPML whose relative links all resolve to written files', () => {
    const out = tempDir();
    runExport({ config: app.config.dir, db: app.dbPath }, { out, baseUrl: 'https://news.example.kr/rw/' });
    for (const file of ['index.html', 'sources.html', 'opml.xml', 'topics/everything.html', 'topics/everything.rss', 'topics/everything.atom', 'topics/everything.json']) {
      expect(fs.existsSync(path.join(out, file)), file).toBe(true);
    }
    parseXmlStrict(fs.readFileSync(path.join(out, 'topics/everything.rss'), 'utf8'));
    expect(fs.readFileSync(path.join(out, 'opml.xml'), 'utf8')).toContain('xmlUrl="https://news.example.kr/rw/topics/everything.rss"');
    for (const page of ['index.html', 'topics/everything.html']) {
      const html = fs.readFileSync(path.join(out, page), 'utf8');
      const local = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1] ?? '').filter((h) => !/^https?:/.test(h) && !h.startsWith('#'));
      expect(local.length).toBeGreaterThan(3);
      for (const href of local) expect(fs.existsSync(path.join(out, path.dirname(page), href.split('#')[0] ?? '')), `${page} → ${href}`).toBe(true);
    }
  });
});

describe('regionwire serve', () => {
  it('listens on --port 0, answers, and stops cleanly on SIGTERM', async () => {
    const root = path.resolve(import.meta.dirname, '..', '..');
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/main.ts'), '--config', app.config.dir, '--db', app.dbPath, 'serve', '--port', '0'], { cwd: root });
    let stdout = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        const found = /serving topic feeds at (http:\/\/[^\s/]+)\//.exec(stdout);
        if (found?.[1]) resolve(found[1]);
      });
      child.on('close', () => reject(new Error(`serve exited early: ${stdout}`)));
    });
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    const code = await new Promise<number | null>((resolve) => {
      child.on('close', resolve);
      child.kill('SIGTERM');
    });
    expect(code).toBe(0);
    expect(stdout).toContain('stopped, database closed');
  });
});
