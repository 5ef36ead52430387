import { describe, expect, it } from 'vitest';
import { normalizeStoryText } from '../../../src/stories/normalize.js';
import { sharedFigures, storyDays, storyNumbers, storyOrdinals, unifyNumbers } from '../../../src/stories/quantities.js';

const numbers = (text: string) => [...storyNumbers(normalizeStoryText(text))].sort();

describe('unifyNumbers', () => {
  it('writes one amount one way', () => {
    expect(unifyNumbers('1,000억 원')).toBe('1000억원');
    expect(unifyNumbers('1천억원')).toBe('1000억원');
    expect(unifyNumbers('1000억원')).toBe('1000억원');
    expect(unifyNumbers('3백만 원')).toBe('300만원');
    expect(unifyNumbers('15 퍼센트')).toBe('15%');
  });

  it('expands 천 inside counts', () => {
    expect(unifyNumbers('제설장비 2천140대와 제설제 8만6천t')).toBe('제설장비 2140대와 제설제 8만6000t');
    expect(unifyNumbers('돼지 3천200마리')).toBe('돼지 3200마리');
  });

  // issue 12: broadcasters' scripts spell figures with 천 and 백, and missed their releases.
  it('reads numbers spelt with 천 and 백 as a script says them', () => {
    expect(unifyNumbers('외국인 낚시터가 천3백 석으로')).toBe('외국인 낚시터가 1300석으로');
    expect(unifyNumbers('제설 장비 2천3백 대')).toBe('제설 장비 2300대');
    expect(unifyNumbers('천4백 원에서 천6백 원')).toBe('1400원에서 1600원');
    expect(unifyNumbers('민생 분야 2천8백70억 원')).toBe('민생 분야 2870억원');
    expect(unifyNumbers('…1천억 인프라')).toBe('…1000억원 인프라');
  });

  it('leaves words with 천 and 백 alone', () => {
    expect(unifyNumbers('춘천 홍천 화천천 백신 천년 백두대간')).toBe('춘천 홍천 화천천 백신 천년 백두대간');
  });

  it("reads a headline's bare 억 as money", () => {
    expect(unifyNumbers('추경 7천350억 통과')).toBe('추경 7350억원 통과');
    expect(unifyNumbers('1억2천만 원, 3억 명')).toBe('1억2000만원, 3억 명');
  });
});

describe('storyNumbers', () => {
  it('gives versions of one release the same numbers', () => {
    expect(numbers('사업비 1,000억 원, 참석자 150 명')).toEqual(numbers('사업비 1천억원 참석자 150명'));
    expect(numbers('적설 42.3㎝, 상담 2,300만 달러, 눈 조각 60점, 400억여 원')).toEqual(['2300만달러', '400억원', '42.3cm', '60점']);
  });

  it('leaves ordinals out: every bill of one session names the session', () => {
    expect(numbers('제335회 임시회 제2차 본회의에서 제1회 추경 7,350억 원')).toEqual(['7350억원']);
    expect([...storyOrdinals(normalizeStoryText('제335회 임시회 제2차 본회의, 제32회 태백산 눈축제'))].sort()).toEqual(['2차', '32회', '335회']);
  });
});

describe('storyDays', () => {
  it('lists the days of the month a headline names, not spans of days', () => {
    expect([...storyDays('축제 11일 개막…23일간 열려, 다음 달 2일까지')].sort()).toEqual(['11', '2']);
    expect([...storyDays('10일째 이어진 한파, 3일 동안')]).toEqual([]);
  });
});

describe('sharedFigures', () => {
  it('counts shared quantities that identify something, not small counts', () => {
    const a = ['42.3cm', '240대', '3곳', '2회', '1.5%'];
    const b = ['42.3cm', '240대', '3곳', '2회', '1.5%', '18곳'];
    expect(sharedFigures(a, b)).toBe(3);
  });
});
