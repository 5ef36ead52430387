// The HTML pages in a real browser (Debian's headless Chromium): topics show, and a hostile source's
// scripts never run. The test setup installs chromium with apt-get where it can (root on Debian);
// elsewhere the test is skipped and says why.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../src/cli/context.js';
import { createApp } from '../../src/serve/app.js';
import { pollPass } from '../../src/worker/poll-pass.js';
import { dumpDom, findOrInstallChromium } from '../helpers/chromium.js';
import { serveBody, startOrigin, type Origin } from '../helpers/origin.js';
import { fixture, removeTempDirs, tempDir, writeConfig } from '../helpers/temp.js';

const chromium = findOrInstallChromium();
if (!chromium.path) console.warn(`browser test skipped: ${chromium.reason}`);

// Each payload, if it ever ran, would mark <body> with data-pwned.
const MARK = "document.body.setAttribute('data-pwned','1')";
const HOSTILE = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>악성 피드</title><link>https://evil.example/</link>
<item><title>&lt;script&gt;${MARK}&lt;/script&gt;강원 축제 소식</title><link>https://evil.example/1</link>
<description>&lt;img src=x onerror="${MARK}"&gt;축제 안내 &lt;a href="javascript:${MARK}"&gt;링크&lt;/a&gt;</description>
<content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/"><![CDATA[<p>축제</p><script>${MARK}</script><svg onload="${MARK}"></svg><iframe src="javascript:${MARK}"></iframe>]]></content:encoded>
<pubDate>Sun, 01 Dec 2024 08:00:00 +0900</pubDate></item>
<item><title>"]]&gt; &amp; &lt;b onmouseover=x&gt; 축제 제목</title><link>https://evil.example/2</link><pubDate>Sun, 01 Dec 2024 07:00:00 +0900</pubDate></item>
</channel></rss>`;

let origin: Origin;
let app: App;
let server: http.Server;
let base: string;

beforeAll(async () => {
  if (!chromium.path) return;
  origin = await startOrigin({
    '/good.xml': serveBody(fixture('feeds/gangwon-ndsoft-rss2.xml')),
    '/evil.xml': serveBody(HOSTILE),
  });
  const config = writeConfig({
    'sources.yaml': `sources:\n  - { id: good, name: 강원뉴스, url: "${origin.at('/good.xml')}" }\n  - { id: evil, name: 악성, url: "${origin.at('/evil.xml')}" }\n`,
    'topics.yaml': 'topics:\n  - { id: festivals, title: 축제 모음, description: 축제 소식, any: [축제] }\n  - { id: economy, title: 지역경제, description: 기업 소식, any: [기업] }\n',
  });
  app = openApp({ config, db: path.join(tempDir(), 'browser.db') });
  await pollPass(app.config.sources, app.ctx);
  server = http.createServer(createApp({ store: app.store, getConfig: () => app.config }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  app?.store.close();
  await origin?.close();
  removeTempDirs();
});

describe.skipIf(!chromium.path)('HTML pages in headless Chromium', () => {
  it('the index shows every topic with its latest items and subscribe links', async () => {
    const dom = await dumpDom(chromium.path!, `${base}/`);
    expect(dom).toContain('축제 모음');
    expect(dom).toContain('지역경제');
    expect(dom).toContain('강원 중견 + 중소기업 손잡고');
    expect(dom).toMatch(/href="[^"]*\/topics\/festivals\.rss"/);
    expect(dom).toMatch(/href="[^"]*\/topics\/festivals\.atom"/);
    expect(dom).toMatch(/href="[^"]*\/topics\/festivals\.json"/);
  });

  it.each(['/', '/topics/festivals', '/sources'])('no injected script runs on %s', async (route) => {
    const dom = await dumpDom(chromium.path!, `${base}${route}`);
    expect(dom).toMatch(/<body/);
    expect(dom).not.toMatch(/<body[^>]*data-pwned/);
    expect(dom).not.toMatch(/<script/i);
    expect(dom).not.toMatch(/\sonerror=|\sonload=|\sonmouseover=/i);
    expect(dom).not.toMatch(/href="javascript:/i);
  });

  it('the hostile titles are shown as text, not markup', async () => {
    const dom = await dumpDom(chromium.path!, `${base}/topics/festivals`);
    expect(dom).toContain('강원 축제 소식');
    expect(dom).toContain('&lt;script&gt;');
    expect(dom).toContain('축제 제목');
  });
});
