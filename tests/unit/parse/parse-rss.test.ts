import { describe, expect, it } from 'vitest';
import { firstItem, NOW, parseOk, rss } from './parse-helper.js';

describe('parseFeed: RSS 2.0', () => {
  it('detects rss20 and reads the channel', async () => {
    const feed = await parseOk(rss('', '<description>강원 &amp; 영동 소식</description><language>ko</language>'));
    expect(feed).toMatchObject({ format: 'rss20', title: '강원뉴스', link: 'https://news.example.kr/', description: '강원 & 영동 소식', language: 'ko' });
  });

  it('decodes entities in a Korean title exactly once', async () => {
    const item = await firstItem(rss('<item><title>춘천 F&amp;B 박람회 &amp;lt;개막&amp;gt;</title></item>'));
    expect(item.title).toBe('춘천 F&B 박람회 &lt;개막&gt;');
  });

  it('strips tags from a title that carries HTML', async () => {
    const item = await firstItem(rss('<item><title><![CDATA[<b>[속보]</b> 강릉 산불   진화]]></title></item>'));
    expect(item.title).toBe('[속보] 강릉 산불 진화');
  });

  it('turns a CDATA description with <br /> into plain text', async () => {
    const item = await firstItem(rss('<item><description><![CDATA[원주시는 6일<br />\n<br />시민 &lt;공청회&gt;를 열었다···]]></description></item>'));
    expect(item.summary).toBe('원주시는 6일 시민 <공청회>를 열었다···');
    expect(item.content).toBeNull();
  });

  it('reads content:encoded as sanitised HTML and keeps description as summary', async () => {
    const item = await firstItem(
      rss('<item><description>요약</description><content:encoded><![CDATA[<p onclick="x()">본문<script>alert(1)</script></p><iframe src="https://evil.example/"></iframe>]]></content:encoded></item>'),
    );
    expect(item.summary).toBe('요약');
    expect(item.content).toBe('<p>본문</p>');
  });

  it('derives a summary of at most 300 characters from content when there is no description', async () => {
    const words = Array.from({ length: 120 }, (_, i) => `단어${i}`).join(' ');
    const item = await firstItem(rss(`<item><content:encoded>&lt;p&gt;${words}&lt;/p&gt;</content:encoded></item>`));
    expect(item.summary?.endsWith('…')).toBe(true);
    expect(Array.from(item.summary ?? '').length).toBeLessThanOrEqual(301);
    expect(words.startsWith((item.summary ?? '').slice(0, -1))).toBe(true);
  });

  it('reads dc:date when there is no pubDate (khan)', async () => {
    const item = await firstItem(rss('<item><title>t</title><dc:date>2018-04-06T19:32:01+09:00</dc:date></item>'));
    expect(item.published?.toISOString()).toBe('2018-04-06T10:32:01.000Z');
  });

  it('reads a zone-less pubDate in the source zone', async () => {
    const item = await firstItem(rss('<item><pubDate>2024-12-01 17:55:13</pubDate></item>'));
    expect(item.published?.toISOString()).toBe('2024-12-01T08:55:13.000Z');
  });

  it('reads a Korean pubDate', async () => {
    const item = await firstItem(rss('<item><pubDate>2021년 05월 07일 (금)요일 06:00</pubDate></item>'));
    expect(item.published?.toISOString()).toBe('2021-05-06T21:00:00.000Z');
  });

  it('clamps a future date to now', async () => {
    const item = await firstItem(rss('<item><pubDate>Fri, 01 Jan 2100 00:00:00 GMT</pubDate></item>'));
    expect(item.published?.toISOString()).toBe(NOW.toISOString());
  });

  it('leaves published null for an item without a date or with an unreadable one', async () => {
    const feed = await parseOk(rss('<item><title>a</title></item><item><pubDate>어제</pubDate></item>'));
    expect(feed.items.map((i) => i.published)).toEqual([null, null]);
  });

  it('uses updated as published when only dcterms:modified exists', async () => {
    const item = await firstItem(
      rss('<item><dcterms:modified xmlns:dcterms="http://purl.org/dc/terms/">2024-12-01T09:00:00+09:00</dcterms:modified></item>'),
    );
    expect(item.updated?.toISOString()).toBe('2024-12-01T00:00:00.000Z');
    expect(item.published?.toISOString()).toBe('2024-12-01T00:00:00.000Z');
  });

  it('cleans the e-mail address out of a Korean byline', async () => {
    const item = await firstItem(rss('<item><author><![CDATA[박순봉 기자 gabgu@kyunghyang.com]]></author></item>'));
    expect(item.author).toBe('박순봉 기자');
  });

  it('takes the name from an RFC 822 "address (Name)" author', async () => {
    const item = await firstItem(rss('<item><author>foo@bar.com (Foo Bar)</author></item>'));
    expect(item.author).toBe('Foo Bar');
  });

  it('gives a null author for an empty CDATA byline', async () => {
    const item = await firstItem(rss('<item><author><![CDATA[]]></author></item>'));
    expect(item.author).toBeNull();
  });

  it('keeps dc:creator bylines with a dateline (chosun)', async () => {
    const item = await firstItem(rss('<item><dc:creator>용인=김수언 기자</dc:creator></item>'));
    expect(item.author).toBe('용인=김수언 기자');
  });

  it('resolves a relative link with a Hangul path against the feed URL, percent-encoded', async () => {
    const item = await firstItem(rss('<item><link>/news/강원/기사.html?q=산불 대응</link></item>'));
    expect(item.url).toBe('https://news.example.kr/news/%EA%B0%95%EC%9B%90/%EA%B8%B0%EC%82%AC.html?q=%EC%82%B0%EB%B6%88%20%EB%8C%80%EC%9D%91');
  });

  it('drops javascript: links', async () => {
    const item = await firstItem(rss('<item><link>javascript:alert(1)</link></item>'));
    expect(item.url).toBeNull();
  });

  it('uses a permalink guid as the link, but not one marked isPermaLink="false"', async () => {
    const feed = await parseOk(
      rss('<item><guid>https://news.example.kr/1</guid></item><item><guid isPermaLink="false">https://news.example.kr/2</guid></item>'),
    );
    expect(feed.items.map((i) => [i.guid, i.url])).toEqual([
      ['https://news.example.kr/1', 'https://news.example.kr/1'],
      ['https://news.example.kr/2', null],
    ]);
  });

  it('keeps categories trimmed, deduplicated and in order', async () => {
    const item = await firstItem(rss('<item><category> 사회 </category><category><![CDATA[정치일반]]></category><category>사회</category><dc:subject>강원</dc:subject></item>'));
    expect(item.categories).toEqual(['사회', '정치일반', '강원']);
  });

  it('takes the image from an image enclosure first', async () => {
    const item = await firstItem(
      rss('<item><enclosure url="/photo/산불.jpg" type="image/jpeg" length="1"/><media:thumbnail url="https://cdn.example.kr/t.jpg"/></item>'),
    );
    expect(item.image).toBe('https://news.example.kr/photo/%EC%82%B0%EB%B6%88.jpg');
  });

  it('takes the image from media:content, then the first <img> in the description', async () => {
    const feed = await parseOk(
      rss(`<item><media:content url="https://cdn.example.kr/a.jpg" medium="image"/></item>
           <item><description><![CDATA[<p><img src="/img/b.png" alt="b"> 사진</p>]]></description></item>`),
    );
    expect(feed.items.map((i) => i.image)).toEqual(['https://cdn.example.kr/a.jpg', 'https://news.example.kr/img/b.png']);
  });

  it('accepts undeclared HTML entities such as &nbsp; and &eacute;', async () => {
    const item = await firstItem(rss('<item><title>Caf&eacute;&nbsp;춘천 &hellip;</title></item>'));
    expect(item.title).toBe('Café 춘천 …');
  });

  it('accepts bare ampersands in links', async () => {
    const item = await firstItem(rss('<item><link>https://news.example.kr/view?idxno=1&sc=2</link></item>'));
    expect(item.url).toBe('https://news.example.kr/view?idxno=1&sc=2');
  });

  it('accepts a leading BOM and whitespace before the XML declaration', async () => {
    const feed = await parseOk(`\uFEFF\n  ${rss('<item><title>a</title></item>')}`);
    expect(feed.items).toHaveLength(1);
  });

  it('reads windows-1252 punctuation left as C1 controls', async () => {
    const item = await firstItem(rss('<item><title>don\u0092t &#147;quote&#148;</title></item>'));
    expect(item.title).toBe('don’t “quote”');
  });

  it('accepts an upper-case X in hexadecimal character references', async () => {
    const item = await firstItem(rss('<item><title>&#X41;&#xAC15;</title></item>'));
    expect(item.title).toBe('A강');
  });

  it('reads the data inside a description made of elements (KMA forecast) as text', async () => {
    const item = await firstItem(rss('<item><description>\n<header><title>강원도 육상중기예보</title><wf><![CDATA[ ○ (기온) 평년보다 높겠습니다.<br />○ (강수) 없음]]></wf></header>\n</description></item>'));
    expect(item.summary).toBe('강원도 육상중기예보 ○ (기온) 평년보다 높겠습니다. ○ (강수) 없음');
  });

  it('recovers the complete items of a truncated feed', async () => {
    const full = rss('<item><title>하나</title></item><item><title>둘</title></item>');
    const feed = await parseOk(full.slice(0, full.indexOf('<item><title>둘') + 10));
    expect(feed.items.map((i) => i.title)).toEqual(['하나']);
  });

  it('recovers a feed whose closing tag was cut off', async () => {
    const feed = await parseOk('<rss version="2.0"><channel><title>끝이 잘린 피드</title></channel></rss');
    expect(feed.title).toBe('끝이 잘린 피드');
  });
});

describe('parseFeed: RSS 0.9x and 1.0', () => {
  it('detects rss091 and rss092 by version', async () => {
    const v091 = await parseOk('<rss version="0.91"><channel><title>a</title><item><title>x</title></item></channel></rss>');
    const v092 = await parseOk('<rss version="0.92"><channel><title>a</title></channel></rss>');
    expect([v091.format, v092.format]).toEqual(['rss091', 'rss092']);
    expect(v091.items[0]?.title).toBe('x');
  });

  it('treats <rss> without a version as RSS 2.0', async () => {
    expect((await parseOk('<rss><channel><title>a</title></channel></rss>')).format).toBe('rss20');
  });

  it('reads RSS 1.0 (RDF) items beside the channel, with rdf:about as guid', async () => {
    const feed = await parseOk(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel rdf:about="https://news.example.kr/"><title>강원 RDF</title><link>https://news.example.kr/</link></channel>
      <item rdf:about="https://news.example.kr/1"><title>첫 기사</title><link>https://news.example.kr/1</link><dc:date>2018-04-06T19:32:01+09:00</dc:date><dc:creator>홍길동 기자</dc:creator></item>
    </rdf:RDF>`);
    expect(feed.format).toBe('rss10');
    expect(feed.title).toBe('강원 RDF');
    expect(feed.items[0]).toMatchObject({ guid: 'https://news.example.kr/1', title: '첫 기사', author: '홍길동 기자' });
    expect(feed.items[0]?.published?.toISOString()).toBe('2018-04-06T10:32:01.000Z');
  });

  it('detects RSS 0.90 by its RDF namespace', async () => {
    const feed = await parseOk(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
      <channel><title>old</title><link>http://example.com/</link></channel><item><title>x</title><link>http://example.com/x</link></item></rdf:RDF>`);
    expect(feed.format).toBe('rss090');
    expect(feed.items[0]?.url).toBe('http://example.com/x');
  });

  it('ignores same-named elements from other namespaces', async () => {
    const item = await firstItem(rss('<item><x:description xmlns:x="urn:other">wrong</x:description><description>right</description></item>'));
    expect(item.summary).toBe('right');
  });

  it('resolves links against xml:base on the item', async () => {
    const item = await firstItem(rss('<item xml:base="https://other.example.kr/섹션/"><link>기사.html</link></item>'));
    expect(item.url).toBe('https://other.example.kr/%EC%84%B9%EC%85%98/%EA%B8%B0%EC%82%AC.html');
  });

  it('keeps absolute links and drops relative ones when the source is a local file path', async () => {
    const feed = await parseOk(rss('<item><link>https://a.example.kr/1</link></item><item><link>/2</link></item>'), '/srv/feeds/local.xml');
    expect(feed.items.map((i) => i.url)).toEqual(['https://a.example.kr/1', null]);
  });

  it('uses the feed URL given in the options as the base', async () => {
    const item = await firstItem(rss('<item><link>../a.html</link></item>'), 'http://gangwon.example.kr/rss/feed.xml');
    expect(item.url).toBe('http://gangwon.example.kr/a.html');
  });
});
