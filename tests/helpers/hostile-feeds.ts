// Two sources that break every rule a feed can break while still being read: an EUC-KR RSS feed
// and a UTF-8 Atom feed, with no bylines, markup in titles, control characters, relative and
// javascript: links, missing and odd dates, huge and duplicate guids, entities, CDATA, emoji,
// items without links or titles, an empty item, and one press release both of them carry.
import iconv from 'iconv-lite';

/** The press release both sources reprint, so the topic feeds hold a story with two versions. */
const RELEASE =
  '강원특별자치도는 3일 도청 회의실에서 소상공인 지원 간담회를 개최하고 경영안정자금 200억원을 ' +
  '다음 달부터 지원한다고 밝혔다. 도는 업체당 최대 5000만원까지 융자하고 이자 2%를 보전한다.';

/** The link of the RSS feed's first item, with the tracking parameters a reader should never see. */
export const TRACKED_LINK = '/news/articleView.html?idxno=9001&utm_source=rss&utm_medium=feed&fbclid=IwAR0x&call_from=naver';

// hostileRss is an RSS 2.0 feed encoded in EUC-KR; characters EUC-KR lacks (emoji) are references.
export function hostileRss(): Buffer {
  const hugeGuid = `urn:odd guid &lt;${'가나다 &amp; '.repeat(400)}&gt;`;
  const items = [
    // Markup and a script in the title, a relative link with tracking parameters, entities, CDATA.
    `<item><title>&lt;b&gt;강원&lt;/b&gt; 중소기업 &lt;script&gt;alert(1)&lt;/script&gt;수출 상담회 &amp;amp; 판로 지원 &hellip;</title>
<link>${TRACKED_LINK.replace(/&/g, '&amp;')}</link>
<description><![CDATA[<p>중소기업&nbsp;수출 상담회 <a href="javascript:alert(1)">자세히</a> <a href="/news/9002">관련</a></p><script>alert(2)</script>]]></description>
<pubDate>Sun, 01 Dec 2024 08:00:00 +0900</pubDate></item>`,
    // Control characters (raw and as references), a javascript: link, no date, an emoji reference.
    `<item><title>산불\x01 경보\x1F 발령&#1;\x0B확대</title><link>javascript:alert(document.cookie)</link>
<description>산불 조심 &#x1F525; 입산 통제&#x1F;</description><category>재난\x02안전</category></item>`,
    // No title, no link, no date; a huge guid full of spaces and escaped markup.
    `<item><guid isPermaLink="false">${hugeGuid}</guid><description>관광 축제 안내 &#x1F600; 가족 단위 방문객 환영</description></item>`,
    // Two items with one guid; a link carrying call_from; an odd date.
    `<item><guid isPermaLink="false">dup-1</guid><title>강원 관광 축제 개막</title><link>/news/articleView.html?idxno=9003&amp;call_from=daum</link><pubDate>어제</pubDate></item>`,
    `<item><guid isPermaLink="false">dup-1</guid><title>중복 기사</title><link>/news/articleView.html?idxno=9004</link></item>`,
    // Nothing at all.
    '<item></item>',
    // A description that is only an image.
    '<item><guid isPermaLink="false">img-only</guid><description>&lt;img alt="년" src="/img/year.png"&gt;</description></item>',
    // Entities in the title, a byline that is an e-mail address with a name.
    `<item><title>&quot;복지&quot; &amp; &lt;돌봄&gt; 확대 &middot; 어르신 &#xD55C;&#xAE00;</title><link>https://127.0.0.1/news/9005?utm_campaign=x</link>
<author>reporter@example.com (김기자)</author><pubDate>2024년 12월 1일 오후 3:00</pubDate></item>`,
    // A category with markup, a relative image enclosure, a guid that is a relative permalink.
    `<item><title>철도 개통 앞두고 시운전</title><guid>/news/articleView.html?idxno=9006</guid><category>&lt;교통&gt; "SOC"</category>
<enclosure url="/img/rail.jpg" type="image/jpeg" length="0"/><pubDate>Sat, 30 Nov 2024 10:00:00 GMT</pubDate></item>`,
    // The shared press release, an hour after the Atom source's copy.
    `<item><title>도, 소상공인 지원 간담회 개최</title><link>/news/articleView.html?idxno=9007</link>
<description>${RELEASE}</description><pubDate>Tue, 03 Dec 2024 12:00:00 +0900</pubDate></item>`,
    // "]]>" as text in title and description; a date in the future.
    `<item><title>투자 유치 ]]&gt; 설명회</title><link>/news/articleView.html?idxno=9008</link>
<description><![CDATA[<p>기업 투자 ]]]]><![CDATA[> 설명</p>]]></description><pubDate>Fri, 01 Jan 2100 00:00:00 +0900</pubDate></item>`,
  ];
  const xml = `<?xml version="1.0" encoding="EUC-KR"?>
<rss version="2.0"><channel><title>적대적 &amp; 지역 신문</title><link>/</link><description>시험용</description>
${items.join('\n')}
</channel></rss>`;
  return iconv.encode(xml, 'euc-kr');
}

// hostileAtom is an Atom 1.0 feed with no author anywhere, xml:base links and raw emoji.
export function hostileAtom(): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="/press/">
<title type="html">&lt;i&gt;도청&lt;/i&gt; 보도자료 😀</title><id>urn:hostile:atom</id><updated>2024-12-02T10:00:00+09:00</updated>
<entry><title type="html">&lt;em&gt;폭설&lt;/em&gt; 대비 제설 장비 점검 ☃️</title><link href="view?no=1&amp;utm_source=atom"/><id>urn:hostile:1</id>
<published>2024-12-02T09:30:00+09:00</published>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>제설 장비를 <a href="javascript:alert(1)">점검</a>했다.</p><img src="snow.png" alt="눈"/></div></content></entry>
<entry><title>링크도 날짜도 없는 복지 소식</title><id>urn:hostile:2</id><summary>돌봄\x01 서비스 확대</summary></entry>
<entry><title>도, 소상공인 지원 간담회 개최</title><link href="view?no=3"/><id>urn:hostile:3</id>
<updated>2024-12-03T11:00:00+09:00</updated><summary>${RELEASE}</summary></entry>
<entry><title type="text">&lt;script&gt; 철도 교량 안전 점검</title><link rel="alternate" href="https://127.0.0.1/press/view?no=4&amp;fbclid=x&amp;gclid=y"/><id>urn:hostile:4</id>
<updated>2024-12-01T09:00:00Z</updated></entry>
</feed>`;
}
