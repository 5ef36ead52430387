import { describe, expect, it } from 'vitest';
import { buildIndexPage, buildSourcesPage, buildTopicPage } from '../../../src/publish/html-pages.js';
import { buildOpml } from '../../../src/publish/opml.js';
import { pageLinks } from '../../../src/publish/site-urls.js';
import { escapeHtml } from '../../../src/publish/text.js';
import { findAll, parseXmlStrict } from '../../helpers/xml.js';
import { BASE, feedItem, stored, topic } from './publish-helpers.js';

const options = { links: pageLinks('server', 0), timezone: 'Asia/Seoul' };

describe('escapeHtml', () => {
  it('escapes the five characters that matter in text and quoted attributes, and strips control characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;\u0001</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });
});

describe('index page', () => {
  const html = buildIndexPage(
    [{ topic: topic('economy', { title: '지역경제 <b>' }), items: [feedItem(stored(1, { title: '<img src=x onerror=alert(1)>' }))] }],
    options,
  );

  it('is Korean UTF-8 with a viewport and no script', () => {
    expect(html).toMatch(/^<!doctype html>\n<html lang="ko">/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('advertises the three feeds of each topic and links to them', () => {
    expect(html).toContain('<link rel="alternate" type="application/rss+xml" title="지역경제 &lt;b&gt; (RSS)" href="./topics/economy.rss">');
    expect(html).toContain('type="application/atom+xml"');
    expect(html).toContain('type="application/feed+json"');
    expect(html).toContain('<a href="./topics/economy.json">JSON Feed</a>');
    expect(html).toContain('2024-12-01 09:00');
  });
});

describe('topic and sources pages', () => {
  it('links a topic page relative to topics/, in both styles', () => {
    const page = buildTopicPage({ topic: topic(), items: [] }, { ...options, links: pageLinks('static', 1) });
    expect(page).toContain('href="../topics/economy.rss"');
    expect(page).toContain('<a href="../index.html">주제</a>');
    expect(page).toContain('아직 글이 없습니다');
  });

  it('shows each source with its failures and escaped last error', () => {
    const html = buildSourcesPage(
      [
        {
          config: { id: 'kado', name: '강원도민일보', url: 'https://kado.net/rss', region: null, tags: [], intervalMs: 900_000, encoding: null, timezone: 'Asia/Seoul', enabled: true, priority: 0, type: 'feed', page: null },
          state: { id: 'kado', etag: null, lastModified: null, lastPollAt: null, lastSuccessAt: new Date('2024-12-01T00:00:00Z'), consecutiveFailures: 2, lastError: { kind: 'http-status', message: 'HTTP 500 <oops>' }, nextPollAt: null, permanentRedirect: null, goneAt: null, itemCount: 7 },
        },
      ],
      options,
    );
    expect(html).toContain('실패 2회');
    expect(html).toContain('(http-status) HTTP 500 &lt;oops&gt;');
    expect(html).toContain('<td>7</td>');
  });

  it('flags a source whose certificate is not checked (tls.insecure), and only that one', () => {
    const config = { id: 'gwd', name: '강원도청', url: 'https://state.gwd.go.kr/rss', region: null, tags: [], intervalMs: 900_000, encoding: null, timezone: 'Asia/Seoul', enabled: true, priority: 0, type: 'feed' as const, page: null };
    const html = buildSourcesPage(
      [
        { config: { ...config, tls: { ca: null, insecure: true } }, state: null },
        { config: { ...config, id: 'gwd-ca', tls: { ca: { file: '/etc/regionwire/gwd.pem', pem: '' }, insecure: false } }, state: null },
      ],
      options,
    );
    const rows = html.split('<tr>').filter((row) => row.includes('<td>'));
    expect(rows[0]).toContain('<span class="bad">인증서 검사 꺼짐 (tls: insecure)');
    expect(rows[1]).not.toContain('인증서 검사 꺼짐');
  });
});

describe('OPML', () => {
  it('is OPML 2.0 with one RSS outline per topic, absolute URLs', () => {
    const doc = parseXmlStrict(buildOpml([topic('economy'), topic('admin', { title: '행정 & 행사' })], BASE));
    expect(doc.attributes.version).toBe('2.0');
    const feeds = findAll(doc, 'outline').filter((o) => o.attributes.xmlUrl);
    expect(feeds.map((o) => o.attributes)).toEqual([
      expect.objectContaining({ type: 'rss', text: '지역경제', xmlUrl: `${BASE}/topics/economy.rss`, htmlUrl: `${BASE}/topics/economy` }),
      expect.objectContaining({ text: '행정 & 행사', xmlUrl: `${BASE}/topics/admin.rss` }),
    ]);
  });
});
