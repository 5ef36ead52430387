// The ingest issue's feed farm: 1,000 RSS feeds of 30 Korean items each (about 26 MB), one in ten
// encoded as EUC-KR. About a third of the items are reprints of a press release that two or three
// other feeds also carry, so story detection has real work to do.
import iconv from 'iconv-lite';

export const FARM_FEEDS = 1000;
export const FARM_ITEMS = 30;

const SYLLABLES = '강 원 춘 천 주 릉 속 초 삼 척 동 해 태 백 정 선 평 창 홍 성 영 월 인 제 고 양 철 화 구 경 투 자 업 관 광 축 산 불 폭'.split(' ');
const WORDS = SYLLABLES.flatMap((a) => SYLLABLES.map((b) => a + b));
const PLACES = ['강원특별자치도', '춘천시', '원주시', '강릉시', '동해시', '태백시', '속초시', '삼척시', '홍천군', '횡성군'];

// words is a deterministic run of `count` two-syllable words drawn from `seed`.
function words(seed: number, count: number): string {
  let x = seed >>> 0 || 1;
  const out: string[] = [];
  for (let w = 0; w < count; w += 1) {
    x = (Math.imul(x, 1_103_515_245) + 12_345) >>> 0;
    out.push(WORDS[(x >>> 8) % WORDS.length]!);
  }
  return out.join(' ');
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

// farmItem is item k of feed i: every third item retells press release r, shared with two other feeds.
function farmItem(i: number, k: number): string {
  const release = k % 3 === 0 ? Math.floor((i * FARM_ITEMS + k) / 9) : null;
  const seed = release === null ? i * 7919 + k + 1_000_000 : release;
  const place = PLACES[seed % PLACES.length]!;
  const title = `${place}, ${words(seed, 5)} 추진${release === null ? '' : ` (${i % 3 === 0 ? '종합' : '속보'})`}`;
  const body = `<p>${place}는 ${words(seed * 31 + 7, 60)}라고 밝혔다.</p><p>${words(seed * 17 + 3, 30)}.</p>`;
  const hour = String((k * 7 + i) % 24).padStart(2, '0');
  return (
    `<item><title>${escape(title)}</title><link>https://news${i}.example.kr/news/articleView.html?idxno=${100_000 + k}&amp;utm_source=rss</link>` +
    `<guid isPermaLink="false">farm-${i}-${k}</guid><description><![CDATA[${body}]]></description>` +
    `<category>${PLACES[(i + k) % PLACES.length]}</category><author>${words(i + k, 1)} 기자</author>` +
    `<pubDate>2024-12-0${1 + (k % 5)} ${hour}:${String(k * 2 % 60).padStart(2, '0')}:00</pubDate></item>`
  );
}

// farmFeed is feed i's body and content type: UTF-8, or EUC-KR for every tenth feed.
export function farmFeed(i: number): { body: Buffer; contentType: string } {
  const eucKr = i % 10 === 0;
  const items = Array.from({ length: FARM_ITEMS }, (_, k) => farmItem(i, k)).join('');
  const xml =
    `<?xml version="1.0" encoding="${eucKr ? 'EUC-KR' : 'UTF-8'}"?><rss version="2.0"><channel>` +
    `<title>강원 지역신문 ${i}</title><link>https://news${i}.example.kr/</link><description>지역 소식</description>${items}</channel></rss>`;
  return eucKr
    ? { body: iconv.encode(xml, 'euc-kr'), contentType: 'application/rss+xml; charset=euc-kr' }
    : { body: Buffer.from(xml), contentType: 'application/rss+xml; charset=utf-8' };
}
