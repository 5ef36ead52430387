import { describe, expect, it } from 'vitest';
import { atom, firstItem, parseOk } from './parse-helper.js';

describe('parseFeed: Atom 1.0', () => {
  it('detects atom10 and reads the feed head', async () => {
    const feed = await parseOk(atom('', ' xml:lang="ko"').replace('<id>', '<subtitle type="html">&lt;b&gt;강원&lt;/b&gt; 소식</subtitle><link rel="alternate" href="https://blog.example.kr/"/><id>'));
    expect(feed).toMatchObject({ format: 'atom10', title: '강원 블로그', description: '강원 소식', link: 'https://blog.example.kr/', language: 'ko' });
  });

  it('reads published and updated separately', async () => {
    const item = await firstItem(atom('<entry><published>2024-12-01T09:00:00+09:00</published><updated>2024-12-02T09:00:00+09:00</updated></entry>'));
    expect(item.published?.toISOString()).toBe('2024-12-01T00:00:00.000Z');
    expect(item.updated?.toISOString()).toBe('2024-12-02T00:00:00.000Z');
  });

  it('uses updated as published when published is missing', async () => {
    const item = await firstItem(atom('<entry><updated>2024-12-02T09:00:00+09:00</updated></entry>'));
    expect(item.published?.toISOString()).toBe('2024-12-02T00:00:00.000Z');
  });

  it('reads an XHTML title as plain text', async () => {
    const item = await firstItem(atom('<entry><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">춘천 <b>닭갈비</b> &amp; 막국수</div></title></entry>'));
    expect(item.title).toBe('춘천 닭갈비 & 막국수');
  });

  it('decodes a type="html" title once and keeps a type="text" title literal', async () => {
    const feed = await parseOk(atom(`<entry><title type="html">A &amp;amp; B &lt;i&gt;C&lt;/i&gt;</title></entry>
      <entry><title type="text">x &lt;b&gt; y &amp;amp; z</title></entry>`));
    expect(feed.items.map((i) => i.title)).toEqual(['A & B C', 'x <b> y &amp; z']);
  });

  it('resolves links and content URLs against xml:base on feed, entry and element', async () => {
    const item = await firstItem(
      atom(
        `<entry xml:base="/blog/"><link href="2024/산불"/>
          <content type="xhtml" xml:base="https://img.example.kr/"><div xmlns="http://www.w3.org/1999/xhtml"><a href="a.html">a</a><img src="사진.jpg" alt="p"/></div></content></entry>`,
        ' xml:base="https://blog.example.kr/root/"',
      ),
    );
    expect(item.url).toBe('https://blog.example.kr/blog/2024/%EC%82%B0%EB%B6%88');
    expect(item.content).toBe('<a href="https://img.example.kr/a.html">a</a><img src="https://img.example.kr/%EC%82%AC%EC%A7%84.jpg" alt="p" />');
    expect(item.image).toBe('https://img.example.kr/%EC%82%AC%EC%A7%84.jpg');
  });

  it('prefers the alternate HTML link over other rels', async () => {
    const item = await firstItem(atom('<entry><link rel="self" href="https://x.example/self"/><link rel="enclosure" href="https://x.example/a.mp3"/><link href="https://x.example/html"/></entry>'));
    expect(item.url).toBe('https://x.example/html');
  });

  it('reads category term, falling back to label', async () => {
    const item = await firstItem(atom('<entry><category term="politics" label="정치"/><category term="" label="강원"/><category term="politics"/></entry>'));
    expect(item.categories).toEqual(['politics', '강원']);
  });

  it('reads author names and drops e-mail addresses', async () => {
    const item = await firstItem(atom('<entry><author><name>김기자</name><email>kim@example.kr</email></author><author><name>이기자</name></author></entry>'));
    expect(item.author).toBe('김기자, 이기자');
  });

  it('inherits the feed author when the entry has none', async () => {
    const feed = await parseOk(atom('<entry><title>a</title></entry>').replace('<id>', '<author><name>편집부</name></author><id>'));
    expect(feed.items[0]?.author).toBe('편집부');
  });

  it('derives the summary from content when there is no summary', async () => {
    const item = await firstItem(atom('<entry><content type="html">&lt;p&gt;본문 &lt;b&gt;첫&lt;/b&gt; 문단&lt;/p&gt;</content></entry>'));
    expect(item).toMatchObject({ summary: '본문 첫 문단', content: '<p>본문 <b>첫</b> 문단</p>' });
  });

  it('escapes type="text" content rather than reading it as HTML', async () => {
    const item = await firstItem(atom('<entry><content type="text">1 &lt; 2 &amp; &lt;b&gt;</content></entry>'));
    expect(item.content).toBe('1 &lt; 2 &amp; &lt;b&gt;');
  });

  it('decodes base64 content of a non-text media type', async () => {
    const b64 = Buffer.from('<p>강원 <b>소식</b></p>').toString('base64');
    const item = await firstItem(atom(`<entry><content type="application/octet-stream">${b64}</content></entry>`));
    expect(item.content).toBe('<p>강원 <b>소식</b></p>');
  });

  it('reads TypePad-style escaped HTML inside an XHTML div', async () => {
    const item = await firstItem(atom('<entry><content type="html"><div xmlns="http://www.w3.org/1999/xhtml">Example &lt;b&gt;Atom&lt;/b&gt;</div></content></entry>'));
    expect(item.content).toBe('Example <b>Atom</b>');
  });

  it('reads the image from a link rel="enclosure" with an image type', async () => {
    const item = await firstItem(atom('<entry><link rel="enclosure" type="image/png" href="/i/1.png"/></entry>'));
    expect(item.image).toBe('https://news.example.kr/i/1.png');
  });
});

describe('parseFeed: Atom 0.3', () => {
  const atom03 = (entry: string): string =>
    `<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>old</title><tagline>옛 블로그</tagline>${entry}</feed>`;

  it('detects atom03 and reads tagline as description', async () => {
    const feed = await parseOk(atom03(''));
    expect(feed).toMatchObject({ format: 'atom03', description: '옛 블로그' });
  });

  it('reads issued as published and modified as updated', async () => {
    const item = await firstItem(atom03('<entry><issued>2004-01-01T19:48:21Z</issued><modified>2004-01-02T19:48:21Z</modified></entry>'));
    expect(item.published?.toISOString()).toBe('2004-01-01T19:48:21.000Z');
    expect(item.updated?.toISOString()).toBe('2004-01-02T19:48:21.000Z');
  });

  it('decodes mode="base64" content', async () => {
    const b64 = Buffer.from('<p>안녕 <i>Atom</i></p>').toString('base64');
    const item = await firstItem(atom03(`<entry><content type="text/html" mode="base64">${b64}</content></entry>`));
    expect(item.content).toBe('<p>안녕 <i>Atom</i></p>');
  });

  it('reads mode="escaped" HTML titles', async () => {
    const item = await firstItem(atom03('<entry><title type="text/html" mode="escaped">&lt;b&gt;&amp;#38;&lt;/b&gt; 강원</title></entry>'));
    expect(item.title).toBe('& 강원');
  });

  it('reads a namespace-less <feed version="0.3">', async () => {
    const feed = await parseOk('<feed version="0.3"><title>plain</title><entry><title>e</title></entry></feed>');
    expect(feed.format).toBe('atom03');
    expect(feed.items[0]?.title).toBe('e');
  });
});
