// Issue 12 §3: C0 control characters a source sends (raw or as references) never reach the store;
// tab and newline stay where the text keeps them (content HTML), and the feed is still read.
import { describe, expect, it } from 'vitest';
import { atom, firstItem, parseOk, rss } from './parse-helper.js';

const C0 = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

describe('control characters', () => {
  it('are dropped from titles, summaries, authors and categories, without gluing words', async () => {
    const item = await firstItem(
      rss('<item><title>산불\x01 경보\x1F 발령\x0B확대</title><description>입산\x02 통제\x7F</description><dc:creator>김\x03기자</dc:creator><category>재난\x04안전</category><category>\x05</category></item>'),
    );
    expect(item.title).toBe('산불 경보 발령 확대');
    expect(item.summary).toBe('입산 통제');
    expect(item.author).toBe('김기자');
    expect(item.categories).toEqual(['재난안전']);
  });

  it('are dropped from content, where tab and newline stay', async () => {
    const item = await firstItem(rss('<item><title>t</title><content:encoded><![CDATA[<pre>a\tb\nc\x0Bd\x01e\x1Ff</pre>]]></content:encoded></item>'));
    expect(item.content).toBe('<pre>a\tb\nc d' + 'ef</pre>');
    expect(item.content).not.toMatch(C0);
  });

  it('written as character references do not make the whole feed unreadable', async () => {
    const feed = await parseOk(rss('<item><title>산불&#1; 경보&#x1F;</title><description>a&#x0B;b&#0;c</description></item><item><title>둘째</title></item>'));
    expect(feed.items.map((i) => i.title)).toEqual(['산불 경보', '둘째']);
    expect(feed.items[0]?.summary).toBe('a bc');
  });

  it('are dropped from Atom entries and from the feed head', async () => {
    const feed = await parseOk(atom('<entry><id>e</id><title>제목\x01</title><summary>요약\x1F</summary><author><name>기자\x02</name></author></entry>').replace('강원 블로그', '강원\x01 블로그'));
    expect(feed.title).toBe('강원 블로그');
    expect(feed.items[0]).toMatchObject({ guid: 'e', title: '제목', summary: '요약', author: '기자' });
  });
});
