// The ingest issue's feed farm: 1,000 RSS feeds of 30 Korean items each (about 26 MB), one in ten
// encoded as EUC-KR. About a third of the items are reprints of a press release that two or three
// other feeds also carry, so story detection has real work to do.
import iconv from 'iconv-lite';

export const FARM_FEEDS = 1000;
export const FARM_ITEMS = 30;

const SYLLABLES = '강 원 춘 천 주 릉 속 초 삼 척 동 해 태 백 정 선 평 창 홍 성 영 월 인 제 고 양 철 화 구 경 투 자 업 관 광 축 산 불 폭'.split(' ');
const WORDS = SYLLABLES.flatMap((a) => SYLLABLES.map((b) => a + b));
const PLACES = ['강원특별자치도', '춘천시', '원주시', '강릉시', '동해시', '태백시', '속초시', '삼척시', '홍천군', '횡성군'];

/** `narrow`: the ingest issue's farm, two-syllable words of 42 syllables (1,764 words, about 190
 * distinct 2-grams an item). `wide`: the same feeds with words of two or three syllables drawn from
 * all 2,350 of KS X 1001 (EUC-KR), the common ones far more often, as in real text (about 270
 * distinct 2-grams an item, a million in 20,000 items): what story detection holds grows with it. */
export type FarmVocabulary = 'narrow' | 'wide';

// The 2,350 Hangul syllables EUC-KR has, in its order (rows 0xB0-0xC8).
const KS_SYLLABLES = Array.from({ length: 25 * 94 }, (_, n) => iconv.decode(Buffer.from([0xb0 + Math.floor(n / 94), 0xa1 + (n % 94)]), 'euc-kr'));
// 40,000 words; word n's syllables are skewed towards the front of the table (x^2.2).
const WIDE_WORDS = Array.from({ length: 40_000 }, (_, n) => {
  let x = n * 2_654_435_761 + 1;
  const next = () => (x = (Math.imul(x, 1_103_515_245) + 12_345) >>> 0) / 4_294_967_296;
  return Array.from({ length: 2 + Math.floor(next() * 2) }, () => KS_SYLLABLES[Math.floor(KS_SYLLABLES.length * next() ** 2.2)]!).join('');
});

// words is a deterministic run of `count` words drawn from `seed`; in the wide vocabulary the
// first words of the list come up far more often (x^1.8), as common words do.
function words(seed: number, count: number, vocabulary: FarmVocabulary = 'narrow'): string {
  let x = seed >>> 0 || 1;
  const out: string[] = [];
  for (let w = 0; w < count; w += 1) {
    x = (Math.imul(x, 1_103_515_245) + 12_345) >>> 0;
    out.push(vocabulary === 'narrow' ? WORDS[(x >>> 8) % WORDS.length]! : WIDE_WORDS[Math.floor(WIDE_WORDS.length * (x / 4_294_967_296) ** 1.8)]!);
  }
  return out.join(' ');
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

// farmItem is item k of feed i: every third item retells press release r, shared with two other feeds.
function farmItem(i: number, k: number, vocabulary: FarmVocabulary): string {
  const release = k % 3 === 0 ? Math.floor((i * FARM_ITEMS + k) / 9) : null;
  const seed = release === null ? i * 7919 + k + 1_000_000 : release;
  const place = PLACES[seed % PLACES.length]!;
  const title = `${place}, ${words(seed, 5, vocabulary)} 추진${release === null ? '' : ` (${i % 3 === 0 ? '종합' : '속보'})`}`;
  const body = `<p>${place}는 ${words(seed * 31 + 7, 60, vocabulary)}라고 밝혔다.</p><p>${words(seed * 17 + 3, 30, vocabulary)}.</p>`;
  const hour = String((k * 7 + i) % 24).padStart(2, '0');
  return (
    `<item><title>${escape(title)}</title><link>https://news${i}.example.kr/news/articleView.html?idxno=${100_000 + k}&amp;utm_source=rss</link>` +
    `<guid isPermaLink="false">farm-${i}-${k}</guid><description><![CDATA[${body}]]></description>` +
    `<category>${PLACES[(i + k) % PLACES.length]}</category><author>${words(i + k, 1)} 기자</author>` +
    `<pubDate>2024-12-0${1 + (k % 5)} ${hour}:${String(k * 2 % 60).padStart(2, '0')}:00</pubDate></item>`
  );
}

// farmFeed is feed i's body and content type: UTF-8, or EUC-KR for every tenth feed.
export function farmFeed(i: number, vocabulary: FarmVocabulary = 'narrow'): { body: Buffer; contentType: string } {
  const eucKr = i % 10 === 0;
  const items = Array.from({ length: FARM_ITEMS }, (_, k) => farmItem(i, k, vocabulary)).join('');
  const xml =
    `<?xml version="1.0" encoding="${eucKr ? 'EUC-KR' : 'UTF-8'}"?><rss version="2.0"><channel>` +
    `<title>강원 지역신문 ${i}</title><link>https://news${i}.example.kr/</link><description>지역 소식</description>${items}</channel></rss>`;
  return eucKr
    ? { body: iconv.encode(xml, 'euc-kr'), contentType: 'application/rss+xml; charset=euc-kr' }
    : { body: Buffer.from(xml), contentType: 'application/rss+xml; charset=utf-8' };
}
