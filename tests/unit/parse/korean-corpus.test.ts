// The shared Korean samples (../shared/corpus/korean, not copied here: the files carry no licence).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeFeed } from '../../../src/decode/decode-feed.js';
import type { ParsedFeed } from '../../../src/model.js';
import { parseDate } from '../../../src/parse/dates.js';
import { parseFeed } from '../../../src/parse/parse-feed.js';

const CORPUS = path.resolve(process.cwd(), '../shared/corpus/korean');
const present = existsSync(CORPUS);
const NOW = new Date('2030-01-01T00:00:00Z');

function decoded(file: string): string {
  return decodeFeed(readFileSync(path.join(CORPUS, file)), { contentType: null, override: null }).text;
}

async function parsed(file: string): Promise<ParsedFeed> {
  const result = await parseFeed(decoded(file), { url: 'https://example.kr/rss.xml', timezone: 'Asia/Seoul', now: NOW });
  if (!result.ok) throw new Error(`${file}: ${result.error.message}`);
  return result.feed;
}

describe.skipIf(!present)('Korean corpus', () => {
  const files = present ? readdirSync(CORPUS).filter((f) => f.endsWith('.xml')) : [];

  it.each(files)('%s parses with Hangul intact (no U+FFFD, no mojibake)', async (file) => {
    const feed = await parsed(file);
    const json = JSON.stringify(feed);
    expect(json).not.toContain('\uFFFD');
    // EUC-KR read as Latin-1/UTF-8 shows up as runs of Latin-1 letters such as "³â" or "ÇÑ".
    expect(json).not.toMatch(/[\u00c0-\u00ff]{2}/);
    expect(decoded(file)).toMatch(/[\uac00-\ud7a3]/);
  });

  it('khan: titles, dc:date instants and cleaned bylines', async () => {
    const feed = await parsed('khan_total_news_20180406_utf8_dcdate.xml');
    expect(feed.items).toHaveLength(324);
    const first = feed.items[0];
    expect(first?.title).toBe('당정청 “정시·수시 적절 수준으로 조정해야”');
    expect(first?.published?.toISOString()).toBe('2018-04-06T10:32:01.000Z');
    expect(first?.author).toBe('박순봉 기자');
    expect(feed.items.every((i) => i.author === null || !i.author.includes('@'))).toBe(true);
    expect(feed.items.some((i) => i.author === null)).toBe(true);
    expect(feed.items.every((i) => i.published !== null)).toBe(true);
  });

  it('chosun: +0000 pubDates are UTC, content:encoded becomes safe HTML', async () => {
    const feed = await parsed('chosun_national_arcxp_2026-08_utf8.xml');
    const first = feed.items[0];
    expect(first?.title).toBe('제주 실종 담당 경찰관 긴급 체포... 또다른 ‘허위 종결’ 사건 있었다');
    expect(first?.published?.toISOString()).toBe('2026-08-22T10:38:05.000Z');
    expect(first?.author).toBe('김수언 기자');
    expect(first?.content).toMatch(/^<figure><img src="https:\/\//);
    expect(first?.summary?.length).toBeGreaterThan(0);
  });

  it('kma: the Korean pubDate is 2021-05-06T21:00:00Z', async () => {
    const text = decoded('kma_midterm_forecast_20210507_korean-pubdate.xml');
    const raw = /<pubDate>([^<]+)<\/pubDate>/.exec(text)?.[1] ?? '';
    expect(raw).toBe('2021년 05월 07일 (금)요일 06:00');
    expect(parseDate(raw, 'Asia/Seoul')?.toISOString()).toBe('2021-05-06T21:00:00.000Z');
    const feed = await parsed('kma_midterm_forecast_20210507_korean-pubdate.xml');
    expect(feed.title).toBe('기상청 육상 중기예보');
    expect(feed.items[0]?.summary).toMatch(/^충청남,북도 육상중기예보 202105070600 ○ \(기온\)/);
  });

  it('EUC-KR fixtures decode to 년', async () => {
    expect((await parsed('feedparser_euc-kr_channel-title.xml')).title).toBe('년');
    expect((await parsed('feedparser_euc-kr_item-description.xml')).items[0]?.summary).toBe('년');
    expect(decoded('feedparser_euc-kr_escaped-html-attr.xml')).toContain('alt="년"');
  });

  it('EUC-KR without a declaration: detected, and the comment before the root is skipped', async () => {
    const feed = await parsed('feedparser_illformed_euc-kr_no-declaration.xml');
    expect(feed.items[0]?.title).toBe('EUC-KR 에서 TypeKey 한글닉네임 표시하기');
  });

  it('knews-rss: ISO 8601 pubDates', async () => {
    const feed = await parsed('knews-rss_merged_category-people_20220801.xml');
    expect(feed.items[0]?.published?.toISOString()).toBe('2022-07-14T10:29:36.000Z');
  });
});

describe.skipIf(present)('Korean corpus (absent)', () => {
  it.skip('skipped: ../shared/corpus/korean not present', () => {});
});
