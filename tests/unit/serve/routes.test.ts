// Every route of the app against a real store and a real server on 127.0.0.1.
import Parser from 'rss-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseXmlStrict } from '../../helpers/xml.js';
import { NOW, body, config, item, save, serve, tempStore, type Served } from './serve-helpers.js';

let app: Served;

beforeAll(async () => {
  const cfg = config();
  const store = tempStore(cfg);
  save(store, 'kado', [item(1, 30), item(2, 20, { title: '춘천 관광 & 축제' }), item(3, 10, { title: '원주 기업 투자', summary: 'LG 배터리 공장' })]);
  save(store, 'kwnews', [item(4, 5, { url: 'https://kwnews.example.kr/4', title: '강릉 일자리 박람회' })]);
  app = await serve({ store, getConfig: () => cfg, clock: () => NOW, baseUrl: 'https://news.example.kr' });
});

describe('topic feeds', () => {
  it('serves RSS newest first with its content type, TTL and self link', async () => {
    const res = await app.get('/topics/economy.rss');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    const xml = await res.text();
    parseXmlStrict(xml);
    const feed = await new Parser().parseString(xml);
    expect(feed.items.map((i) => i.title)).toEqual(['강릉 일자리 박람회', '원주 기업 투자', '춘천 관광 & 축제', '기사 1']);
    expect(xml).toContain('<ttl>15</ttl>');
    expect(xml).toContain('href="https://news.example.kr/topics/economy.rss" rel="self"');
  });

  it('serves Atom and JSON Feed with their content types', async () => {
    const atom = await app.get('/topics/economy.atom');
    expect(atom.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    expect(parseXmlStrict(await atom.text()).name).toBe('feed');
    const json = await app.get('/topics/economy.json');
    expect(json.headers.get('content-type')).toBe('application/feed+json; charset=utf-8');
    expect((await body(json)).items).toHaveLength(4);
  });

  it('applies limit, filter, filterout and filter_time', async () => {
    const titles = async (q: string) => ((await body(await app.get(`/topics/economy.json?${q}`))).items as { title: string }[]).map((i) => i.title);
    expect(await titles('limit=2')).toEqual(['강릉 일자리 박람회', '원주 기업 투자']);
    expect(await titles(`filter=${encodeURIComponent('춘천|원주')}`)).toEqual(['원주 기업 투자', '춘천 관광 & 축제']);
    expect(await titles('filter=%EA%B8%B0%EC%82%AC&filterout=1')).toEqual([]);
    expect(await titles('filter=%EC%9A%94%EC%95%BD%204')).toEqual(['강릉 일자리 박람회']);
    expect(await titles('filterout=%EA%B0%95%EB%A6%89')).toHaveLength(3);
    expect(await titles(`filter_time=${12 * 3600}`)).toEqual(['강릉 일자리 박람회', '원주 기업 투자']);
  });

  it('matches filter case-insensitively on title and summary', async () => {
    const found = await body(await app.get('/topics/economy.json?filter=lg%20%EB%B0%B0%ED%84%B0%EB%A6%AC'));
    expect(found.items.map((i: { title: string }) => i.title)).toEqual(['원주 기업 투자']);
  });
});

describe('pages', () => {
  it('serves the index with every topic, subscribe links and autodiscovery', async () => {
    const res = await app.get('/');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    expect(html).toContain('<link rel="alternate" type="application/rss+xml" title="지역경제 (RSS)" href="./topics/economy.rss">');
    expect(html).toContain('강릉 일자리 박람회');
  });

  it('serves a topic page and the sources page', async () => {
    const topic = await (await app.get('/topics/economy')).text();
    expect(topic).toContain('<h1>지역경제</h1>');
    expect(topic).toContain('href="../topics/economy.atom"');
    const sources = await (await app.get('/sources')).text();
    expect(sources).toContain('kado 신문');
    expect(sources).toContain('kwnews 신문');
  });

  it('serves OPML with absolute feed URLs', async () => {
    const res = await app.get('/opml');
    expect(res.headers.get('content-type')).toBe('text/x-opml; charset=utf-8');
    expect(await res.text()).toContain('xmlUrl="https://news.example.kr/topics/economy.rss"');
  });
});

describe('/api/items', () => {
  it('lists items in the `items --json` shape, with topics, filtered by source, q, since and limit', async () => {
    const all = await body(await app.get('/api/items?topic=economy'));
    expect(all).toHaveLength(4);
    expect(Object.keys(all[0])).toEqual(['id', 'source', 'guid', 'url', 'title', 'summary', 'content', 'author', 'categories', 'topics', 'story', 'image', 'published', 'updated', 'fetched', 'attachments']);
    const kado = await body(await app.get('/api/items?source=kado&limit=1'));
    expect(kado.map((i: { title: string }) => i.title)).toEqual(['원주 기업 투자']);
    const search = await body(await app.get(`/api/items?q=${encodeURIComponent('일자리')}`));
    expect(search.map((i: { source: string }) => i.source)).toEqual(['kwnews']);
    const since = await body(await app.get('/api/items?since=2024-12-02T12:00:00Z'));
    expect(since).toHaveLength(2);
  });
});
