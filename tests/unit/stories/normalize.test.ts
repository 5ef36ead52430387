import { describe, expect, it } from 'vitest';
import { normalizeStoryText } from '../../../src/stories/normalize.js';

describe('normalizeStoryText', () => {
  it('strips datelines, bracket tags and reporter bylines', () => {
    expect(normalizeStoryText('(춘천=연합뉴스) 최선경 기자 = 강원도가 포럼을 열었다')).toBe('강원도가 포럼을 열었다');
    expect(normalizeStoryText('[뉴스스텝] [속보] [포토] [강원] 도가 포럼을 열었다')).toBe('도가 포럼을 열었다');
    expect(normalizeStoryText('[강원도민일보=신다은 기자] 홍천군이 지원한다')).toBe('홍천군이 지원한다');
  });

  it('strips e-mails and photo credits', () => {
    expect(normalizeStoryText('포럼을 열었다. /사진=강원도 제공 홍길동 기자 hong@kado.net')).toBe('포럼을 열었다.');
    expect(normalizeStoryText('포럼을 열었다 (사진=춘천시 제공)')).toBe('포럼을 열었다');
  });

  it('applies NFKC, removes markup and collapses whitespace', () => {
    expect(normalizeStoryText('<p>ＡＢＣ   포럼</p>\n<p>개최&amp;논의</p>')).toBe('abc 포럼 개최&논의');
  });

  // issue 12: reprints whose byline is set off by a pipe were missed.
  it('strips a byline set off by a pipe at the start of a paragraph', () => {
    expect(normalizeStoryText('강원일보 김보람 기자 | 춘천시가 특례보증을 지원한다.')).toBe('춘천시가 특례보증을 지원한다.');
    expect(normalizeStoryText('<p>화천신문 편집부 | 축제가 열린다.</p><p>MS투데이 최민혁 기자 | 관광객이 몰렸다.</p>')).toBe('축제가 열린다. 관광객이 몰렸다.');
    expect(normalizeStoryText('요약이다.\n강원신문 | 본문이다.')).toBe('요약이다. 본문이다.');
  });

  it('keeps a pipe after more than four words or inside a paragraph', () => {
    expect(normalizeStoryText('<p>시는 올해 두 가지 안 A | B 를 검토했다</p>')).toBe('시는 올해 두 가지 안 a | b 를 검토했다');
    expect(normalizeStoryText('<p>시는 검토했다. 두 안 A | B 중 하나다</p>')).toBe('시는 검토했다. 두 안 a | b 중 하나다');
  });

  it('strips copyright lines and wire trailers', () => {
    const trailers = [
      '저작권자 © 강원일보 무단전재 및 재배포 금지',
      'Copyright © 뉴스1. All rights reserved. 무단 전재 및 재배포, AI학습 이용 금지.',
      'ⓒ 강원도민일보 & kado.net, 무단전재 및 재배포 금지',
      '[저작권자ⓒ 강원신문. 무단전재-재배포 금지]',
      '<저작권자(c) 연합뉴스, 무단 전재-재배포, AI 학습 및 활용 금지>',
      '◎공감언론 뉴시스',
      '(끝)',
    ];
    for (const line of trailers) expect(normalizeStoryText(`<p>축제가 열린다.</p><p>${line}</p>`)).toBe('축제가 열린다.');
  });

  it('strips a broadcast script sign-off and camera credit', () => {
    expect(normalizeStoryText('축제는 다음 달 9일까지 열립니다. G1뉴스 박상진입니다. 촬영기자:최동민')).toBe('축제는 다음 달 9일까지 열립니다. g1');
    expect(normalizeStoryText('눈이 더 내리겠습니다. KBS 뉴스 김지현입니다.')).toBe('눈이 더 내리겠습니다. kbs');
  });

  it("writes the province's bodies one way, old name or new", () => {
    expect(normalizeStoryText('강원특별자치도는 강원특별자치도교육청, 강원교육청, 강원특별자치도의회와 함께')).toBe('강원도는 강원도교육청, 강원도교육청, 강원도의회와 함께');
  });
});
