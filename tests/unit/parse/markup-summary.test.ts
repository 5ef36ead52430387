// Issue 12 §3: a description that is only markup (an image, an inline SVG) still says something:
// its alt text or its SVG title becomes the summary instead of null.
import { describe, expect, it } from 'vitest';
import { firstItem, rss } from './parse-helper.js';

describe('a summary from markup without text', () => {
  it('is the alt text of an image', async () => {
    const item = await firstItem(rss('<item><guid>1</guid><description>&lt;img alt="년" src="/img/year.png"&gt;</description></item>'));
    expect(item.summary).toBe('년');
    expect(item.image).toBe('https://news.example.kr/img/year.png');
  });

  it('joins the alt texts of several images, skipping empty ones', async () => {
    const item = await firstItem(rss('<item><guid>1</guid><description><![CDATA[<p><img src="a.png" alt=""><img src="b.png" alt="강원 지도"> <img src="c.png" alt="설악산 &amp; 단풍"></p>]]></description></item>'));
    expect(item.summary).toBe('강원 지도 설악산 & 단풍');
  });

  it('is the title of an inline SVG', async () => {
    const titled = await firstItem(rss('<item><guid>1</guid><description><![CDATA[<svg viewBox="0 0 1 1"><title>강원 지도</title><path d="M0 0"/></svg>]]></description></item>'));
    expect(titled.summary).toBe('강원 지도');
  });

  it('is the aria-label of an inline SVG without a title', async () => {
    const labelled = await firstItem(rss('<item><guid>1</guid><description><![CDATA[<svg role="img" aria-label="강원 관광 지도"><path d="M0 0"/></svg>]]></description></item>'));
    expect(labelled.summary).toBe('강원 관광 지도');
  });

  it('comes from content that is only an image when there is no description', async () => {
    const item = await firstItem(rss('<item><guid>1</guid><content:encoded><![CDATA[<figure><img src="p.jpg" alt="눈 덮인 대관령"></figure>]]></content:encoded></item>'));
    expect(item.summary).toBe('눈 덮인 대관령');
  });

  it('is still null when the markup says nothing', async () => {
    const item = await firstItem(rss('<item><guid>1</guid><description>&lt;img src="/a.png"&gt;&lt;br&gt;</description></item>'));
    expect(item.summary).toBeNull();
  });

  it('does not replace text that is there', async () => {
    const item = await firstItem(rss('<item><guid>1</guid><description>&lt;img alt="사진" src="/a.png"&gt; 본문 요약</description></item>'));
    expect(item.summary).toBe('본문 요약');
  });
});
