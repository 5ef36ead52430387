import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../src/parse/dates.js';

const iso = (raw: string, zone = 'Asia/Seoul'): string | null => parseDate(raw, zone)?.toISOString() ?? null;

describe('parseDate: RFC 822', () => {
  it('reads the canonical form with GMT', () => {
    expect(iso('Thu, 01 Jan 2004 19:48:21 GMT')).toBe('2004-01-01T19:48:21.000Z');
  });
  it('reads numeric offsets, +0000 included (chosun Arc XP)', () => {
    expect(iso('Sat, 22 Aug 2026 10:38:05 +0000')).toBe('2026-08-22T10:38:05.000Z');
    expect(iso('Fri, 06 Apr 2018 19:32:01 +0900')).toBe('2018-04-06T10:32:01.000Z');
  });
  it('reads named zones: UT, EST, EDT, KST', () => {
    expect(iso('01 Jan 2004 19:48:21 UT')).toBe('2004-01-01T19:48:21.000Z');
    expect(iso('Thu, 01 Jan 2004 14:48:21 EST')).toBe('2004-01-01T19:48:21.000Z');
    expect(iso('Thu, 01 Jul 2004 15:48:21 EDT')).toBe('2004-07-01T19:48:21.000Z');
    expect(iso('Fri, 06 Apr 2018 19:32:01 KST')).toBe('2018-04-06T10:32:01.000Z');
  });
  it('reads two-digit years per RFC 2822 (below 50 is 20xx)', () => {
    expect(iso('Thu, 01 Jan 04 19:48:21 GMT')).toBe('2004-01-01T19:48:21.000Z');
    expect(iso('Fri, 01 Jan 99 19:48:21 GMT')).toBe('1999-01-01T19:48:21.000Z');
  });
  it('reads times without seconds', () => {
    expect(iso('Thu, 01 Jan 2004 19:48 GMT')).toBe('2004-01-01T19:48:00.000Z');
  });
  it('ignores a missing or wrong weekday', () => {
    expect(iso('01 Jan 2004 19:48:21 GMT')).toBe('2004-01-01T19:48:21.000Z');
    expect(iso('Mon, 01 Jan 2004 19:48:21 GMT')).toBe('2004-01-01T19:48:21.000Z');
  });
  it('reads an RFC 822 date without zone in the source zone', () => {
    expect(iso('Sun, 01 Dec 2024 17:55:13')).toBe('2024-12-01T08:55:13.000Z');
  });
});

describe('parseDate: ISO 8601 / W3C-DTF', () => {
  it('reads dc:date with an offset (khan)', () => {
    expect(iso('2018-04-06T19:32:01+09:00')).toBe('2018-04-06T10:32:01.000Z');
  });
  it('reads Z, fractional seconds and offsets without a colon', () => {
    expect(iso('2022-07-14T10:29:36.000Z')).toBe('2022-07-14T10:29:36.000Z');
    expect(iso('2003-12-31T10:14:55.25Z')).toBe('2003-12-31T10:14:55.250Z');
    expect(iso('2003-12-31T19:14:55+0900')).toBe('2003-12-31T10:14:55.000Z');
  });
  it('reads times without seconds', () => {
    expect(iso('2003-12-31T10:14Z')).toBe('2003-12-31T10:14:00.000Z');
  });
  it('reads a date alone as midnight in the source zone', () => {
    expect(iso('2024-12-01')).toBe('2024-11-30T15:00:00.000Z');
  });
  it('reads a zone-less "2024-12-01 17:55:13" in Asia/Seoul', () => {
    expect(iso('2024-12-01 17:55:13')).toBe('2024-12-01T08:55:13.000Z');
  });
  it('reads zone-less times in the zone it is given', () => {
    expect(iso('2024-12-01 17:55:13', 'UTC')).toBe('2024-12-01T17:55:13.000Z');
  });
  it('reads dotted "2024.12.01 17:55" in the source zone', () => {
    expect(iso('2024.12.01 17:55')).toBe('2024-12-01T08:55:00.000Z');
  });
});

describe('parseDate: Korean formats', () => {
  it('reads KMA\'s "2021년 05월 07일 (금)요일 06:00"', () => {
    expect(iso('2021년 05월 07일 (금)요일 06:00')).toBe('2021-05-06T21:00:00.000Z');
  });
  it('reads 오후 as PM and seconds', () => {
    expect(iso('2021년 5월 7일 오후 11:23:17')).toBe('2021-05-07T14:23:17.000Z');
  });
  it('reads 오전 12 as midnight and 시/분 units', () => {
    expect(iso('2021년 5월 7일 오전 12:05')).toBe('2021-05-06T15:05:00.000Z');
    expect(iso('2021년 5월 7일 금요일 오후 3시 5분')).toBe('2021-05-07T06:05:00.000Z');
  });
});

describe('parseDate: failures', () => {
  it('gives null for text that is not a date', () => {
    expect(iso('어제 오후')).toBeNull();
    expect(iso('')).toBeNull();
  });
  it('gives null for impossible dates', () => {
    expect(iso('2024-02-30T00:00:00Z')).toBeNull();
    expect(iso('Thu, 32 Jan 2004 19:48:21 GMT')).toBeNull();
  });
  it('gives null for an unknown zone name rather than guessing', () => {
    expect(iso('Thu, 01 Jan 2004 19:48:21 XYZ')).toBeNull();
  });
  it('falls back to Asia/Seoul when the configured zone is not a zone', () => {
    expect(iso('2024-12-01 17:55:13', 'Not/AZone')).toBe('2024-12-01T08:55:13.000Z');
  });
});
