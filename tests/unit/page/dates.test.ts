import { describe, expect, it } from 'vitest';
import { readPageDate, settleDay } from '../../../src/page/dates.js';

// 2024-12-03 15:00 in Seoul.
const NOW = new Date('2024-12-03T06:00:00.000Z');
const SEOUL = { zone: 'Asia/Seoul', now: NOW };

const read = (text: string, format: string | null = null, ctx = SEOUL) => {
  const result = readPageDate(text, format, ctx);
  return result === null ? null : { iso: result.date.toISOString(), day: result.day };
};

describe('readPageDate reads the dates Korean boards print, in the source zone', () => {
  it.each([
    ['2024-12-01', '2024-11-30T15:00:00.000Z'],
    ['2024.12.01', '2024-11-30T15:00:00.000Z'],
    ['2024. 12. 1.', '2024-11-30T15:00:00.000Z'],
    ['2024/12/01', '2024-11-30T15:00:00.000Z'],
    ['24-12-01', '2024-11-30T15:00:00.000Z'],
    ['2024년 12월 1일', '2024-11-30T15:00:00.000Z'],
    ['2024년12월01일', '2024-11-30T15:00:00.000Z'],
    ['12.01', '2024-11-30T15:00:00.000Z'],
  ])('reads the date-only %s as the start of that day', (text, iso) => {
    expect(read(text)).toEqual({ iso, day: '2024-12-01' });
  });

  it.each([
    ['2024-12-01 17:55', '2024-12-01T08:55:00.000Z'],
    ['2024-12-01 17:55:13', '2024-12-01T08:55:13.000Z'],
    ['2024.12.01 17:55', '2024-12-01T08:55:00.000Z'],
    ['2024. 12. 1. 오후 5:55', '2024-12-01T08:55:00.000Z'],
    ['2024/12/01 오전 9:05:30', '2024-12-01T00:05:30.000Z'],
    ['24-12-01 17:55', '2024-12-01T08:55:00.000Z'],
    ['2024년 12월 1일 오후 5:55', '2024-12-01T08:55:00.000Z'],
    ['2024년 12월 1일 (일) 17:55:13', '2024-12-01T08:55:13.000Z'],
    ['12.01 17:55', '2024-12-01T08:55:00.000Z'],
    ['2024-12-01T17:55:00+09:00', '2024-12-01T08:55:00.000Z'],
    ['2024.12.01 5:55 PM', '2024-12-01T08:55:00.000Z'],
    ['2024년 12월 1일 17시 55분', '2024-12-01T08:55:00.000Z'],
  ])('reads %s with its time', (text, iso) => {
    expect(read(text)).toEqual({ iso, day: null });
  });

  it('finds the date inside a longer cell, as in a korea.kr "date · ministry" line', () => {
    expect(read('2024.12.01 · 행정안전부')).toEqual({ iso: '2024-11-30T15:00:00.000Z', day: '2024-12-01' });
    expect(read('등록일 : 2024-12-02 10:30 | 조회 15')).toEqual({ iso: '2024-12-02T01:30:00.000Z', day: null });
  });

  it('reads a date without a zone in the source zone, not the machine zone', () => {
    expect(read('2024-12-01 17:55', null, { zone: 'UTC', now: NOW })?.iso).toBe('2024-12-01T17:55:00.000Z');
  });

  it('reads "12.01" as this year, and a later month read in early January as last year', () => {
    const january = { zone: 'Asia/Seoul', now: new Date('2025-01-02T03:00:00.000Z') };
    expect(read('12.31', null, january)).toEqual({ iso: '2024-12-30T15:00:00.000Z', day: '2024-12-31' });
    expect(read('01.02', null, january)?.day).toBe('2025-01-02');
  });

  it('takes a date-only value of today as the time first seen, keeping the day', () => {
    expect(read('2024-12-03')).toEqual({ iso: NOW.toISOString(), day: '2024-12-03' });
  });

  it('reads with Luxon tokens when format is given, date-only or with time', () => {
    expect(read('2024-12-01', 'yyyy-MM-dd')).toEqual({ iso: '2024-11-30T15:00:00.000Z', day: '2024-12-01' });
    expect(read('01/12/2024 17:55', 'dd/MM/yyyy HH:mm')).toEqual({ iso: '2024-12-01T08:55:00.000Z', day: null });
    expect(read('2024-12-01', 'dd.MM.yyyy')).toBeNull();
  });

  it('clamps a future date to now and refuses impossible dates and non-dates', () => {
    expect(read('2024-12-25 09:00')?.iso).toBe(NOW.toISOString());
    expect(read('2024-13-45')).toBeNull();
    expect(read('조회 1542')).toBeNull();
    expect(read('')).toBeNull();
  });
});

describe('settleDay keeps a date-only value on its day', () => {
  it('is the time first seen when that falls on the same day in the zone', () => {
    const seen = new Date('2024-12-01T08:00:00.000Z');
    expect(settleDay('2024-12-01', seen, 'Asia/Seoul')).toEqual(seen);
  });

  it('is the start of the day when first seen on a later day', () => {
    expect(settleDay('2024-12-01', NOW, 'Asia/Seoul').toISOString()).toBe('2024-11-30T15:00:00.000Z');
  });

  it('compares days in the source zone: 23:30 UTC on Nov 30 is Dec 1 in Seoul', () => {
    const seen = new Date('2024-11-30T23:30:00.000Z');
    expect(settleDay('2024-12-01', seen, 'Asia/Seoul')).toEqual(seen);
    expect(settleDay('2024-12-01', seen, 'UTC').toISOString()).toBe('2024-12-01T00:00:00.000Z');
  });
});
