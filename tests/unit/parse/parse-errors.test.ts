import { describe, expect, it } from 'vitest';
import { parseError, parseOk } from './parse-helper.js';

describe('parseFeed: documents without items', () => {
  it('returns an empty feed for <rss version="2.0"></rss> (rss-parser throws a TypeError there)', async () => {
    const feed = await parseOk('<rss version="2.0"></rss>');
    expect(feed).toEqual({ format: 'rss20', title: null, link: null, description: null, language: null, items: [] });
  });

  it('returns an empty feed for an empty rdf:RDF', async () => {
    const feed = await parseOk('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"></rdf:RDF>');
    expect(feed.format).toBe('rss10');
    expect(feed.items).toEqual([]);
  });

  it('returns an empty feed for a channel without items', async () => {
    const feed = await parseOk('<rss version="2.0"><channel><title>조용한 날</title></channel></rss>');
    expect(feed.title).toBe('조용한 날');
    expect(feed.items).toEqual([]);
  });
});

describe('parseFeed: not a feed', () => {
  it('lists the feeds an HTML page advertises, absolute and percent-encoded', async () => {
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>강원일보</title>
      <link rel="stylesheet" href="/a.css">
      <link rel="alternate" type="application/rss+xml" title="전체" href="/rss/전체기사.xml">
      <link rel="alternate" type="application/atom+xml" href="https://feeds.example.kr/atom?a=1&amp;b=2">
      <link rel="alternate" hreflang="en" href="/en/"></head><body><p>기사<br></body></html>`;
    const error = await parseError(html, 'https://www.example.kr/news/index.html');
    expect(error.kind).toBe('not-a-feed');
    expect(error.message).toMatch(/^parse: got an HTML page, not a feed/);
    expect(error.message).toContain('https://www.example.kr/rss/%EC%A0%84%EC%B2%B4%EA%B8%B0%EC%82%AC.xml');
    expect(error.message).toContain('https://feeds.example.kr/atom?a=1&b=2');
    expect(error.message).not.toContain('/en/');
  });

  it('says so when an HTML page advertises no feed', async () => {
    const error = await parseError('<html><body>404 페이지를 찾을 수 없습니다</body></html>');
    expect(error).toMatchObject({ kind: 'not-a-feed' });
    expect(error.message).toContain('advertises no feed');
  });

  it('names the root element of XML that is not a feed', async () => {
    const error = await parseError('<?xml version="1.0"?><response><error>quota</error></response>');
    expect(error).toMatchObject({ kind: 'not-a-feed' });
    expect(error.message).toContain('<response>');
  });

  it('recognises JSON', async () => {
    const error = await parseError('{"version": "https://jsonfeed.org/version/1.1", "items": []}');
    expect(error.kind).toBe('not-a-feed');
    expect(error.message).toContain('JSON');
  });

  it('reports an empty body', async () => {
    expect(await parseError('  \n')).toMatchObject({ kind: 'not-a-feed', message: expect.stringMatching(/^parse: the body is empty/) });
  });
});

describe('parseFeed: broken XML', () => {
  it('returns a parse error with the position for mismatched tags', async () => {
    const error = await parseError('<rss version="2.0"><channel><title>x</titel></channel></rss>');
    expect(error.kind).toBe('parse');
    expect(error.message).toMatch(/^parse: the feed is not well-formed XML \(.+ at line 1, column \d+\)/);
  });

  it('does not mistake an XHTML DOCTYPE in front of an RSS document for a page', async () => {
    const feed = await parseOk('<?xml version="1.0"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://site.invalid/"><rss><channel><title>found</title></channel></rss>');
    expect(feed.title).toBe('found');
  });
});

describe('parseFeed: DOCTYPE entities are never expanded or fetched', () => {
  it('leaves billion-laughs references as literal text, quickly', async () => {
    const lol = ['<!ENTITY lol0 "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`)].join('');
    const started = Date.now();
    const feed = await parseOk(`<?xml version="1.0"?><!DOCTYPE rss [${lol}]><rss version="2.0"><channel><title>&lol9;</title></channel></rss>`);
    expect(feed.title).toBe('&lol9;');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('never reads an external entity', async () => {
    const feed = await parseOk(
      '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>a&xxe;b</title></channel></rss>',
    );
    expect(feed.title).toBe('a&xxe;b');
  });

  it('substitutes a plain-text internal entity once', async () => {
    const feed = await parseOk('<!DOCTYPE rss [<!ENTITY id "tag:example.com,">]><rss version="2.0"><channel><item><guid isPermaLink="false">&id;2006:/blog/</guid></item></channel></rss>');
    expect(feed.items[0]?.guid).toBe('tag:example.com,2006:/blog/');
  });
});
