import { describe, expect, it } from 'vitest';
import { normalizeStoryText, storyNumbers, unifyNumbers } from '../../../src/stories/normalize.js';

describe('normalizeStoryText', () => {
  it('strips datelines, bracket tags and reporter bylines', () => {
    expect(normalizeStoryText('(춘천=연합뉴스) 최선경 기자 = 강원도가 포럼을 열었다')).toBe('강원도가 포럼을 열었다');
    expect(normalizeStoryText('[뉴스스텝] [속보] [포토] [강원] 도가 포럼을 열었다')).toBe('도가 포럼을 열었다');
  });

  it('strips e-mails and photo credits', () => {
    expect(normalizeStoryText('포럼을 열었다. /사진=강원도 제공 홍길동 기자 hong@kado.net')).toBe('포럼을 열었다.');
    expect(normalizeStoryText('포럼을 열었다 (사진=춘천시 제공)')).toBe('포럼을 열었다');
  });

  it('applies NFKC, removes markup and collapses whitespace', () => {
    expect(normalizeStoryText('<p>ＡＢＣ   포럼</p>\n<p>개최&amp;논의</p>')).toBe('abc 포럼 개최&논의');
  });
});

describe('unifyNumbers', () => {
  it('writes one amount one way', () => {
    expect(unifyNumbers('1,000억 원')).toBe('1000억원');
    expect(unifyNumbers('1천억원')).toBe('1000억원');
    expect(unifyNumbers('1000억원')).toBe('1000억원');
    expect(unifyNumbers('3백만 원')).toBe('300만원');
    expect(unifyNumbers('15 퍼센트')).toBe('15%');
  });

  it('gives versions of one release the same numbers', () => {
    const a = storyNumbers(normalizeStoryText('사업비 1,000억 원, 참석자 150 명'));
    const b = storyNumbers(normalizeStoryText('사업비 1천억원 참석자 150명'));
    expect([...a].sort()).toEqual([...b].sort());
  });
});

describe('unifyNumbers with Korean thousands', () => {
  it('expands 천 inside counts', () => {
    expect(unifyNumbers('제설장비 2천140대와 제설제 8만6천t')).toBe('제설장비 2140대와 제설제 8만6000t');
    expect(unifyNumbers('돼지 3천200마리')).toBe('돼지 3200마리');
  });
});
