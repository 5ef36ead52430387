// Issue 12, section 2 ("Stories merge different announcements"): look-alike releases merged into one story.
import { describe, expect, it } from 'vitest';
import { contrastOf } from '../../../src/stories/contrast.js';
import { storyFeatures } from '../../../src/stories/features.js';

const f = (title: string, content: string) => storyFeatures({ title, summary: null, content });

describe('contrastOf', () => {
  it('keeps apart programmes of two bodies that name only themselves', () => {
    const province = f('강원특별자치도, 소상공인 경영안정자금 지원', '강원특별자치도는 소상공인에게 업체당 최대 5,000만 원을 융자한다. 보증료는 0.8%다.');
    const city = f('춘천시, 소상공인 특례보증 지원', '춘천시는 소상공인에게 업체당 최대 5,000만 원을 보증한다. 보증료는 0.8%다.');
    expect(contrastOf(province, city)).toBe('issuers');
    const joint = f('춘천시, 소상공인 특례보증 지원', '춘천시는 강원특별자치도와 함께 업체당 최대 5,000만 원을 보증한다. 보증료는 0.8%다.');
    expect(contrastOf(province, joint)).toBeNull();
    const inCity = f('강원특별자치도, 소상공인 경영안정자금 지원', '강원특별자치도는 춘천에서 소상공인에게 업체당 최대 5,000만 원을 융자한다. 보증료는 0.8%다.');
    expect(contrastOf(inCity, city)).toBeNull();
  });

  it('keeps apart two budgets of one council whose headline amounts the other never states', () => {
    const body = '강원특별자치도의회는 12일 제335회 임시회 본회의를 열고 추경안과 조례안 14건을 의결했다.';
    const province = f('강원특별자치도의회, 도 제1회 추경 7,350억 원 의결', `${body} 민생경제 2,140억 원이 들어갔다.`);
    const education = f('강원특별자치도의회, 도교육청 제1회 추경 2,180억 원 의결', `${body} 늘봄학교 310억 원이 들어갔다.`);
    expect(contrastOf(province, education)).toBe('amounts');
    const rewrite = f('강원도 첫 추경 7천350억원 도의회 통과', '도의회가 추경 7천350억원을 의결했다. 조례안 14건도 처리했다.');
    expect(contrastOf(province, rewrite)).toBeNull();
  });

  it('keeps apart festivals of one county on one headline template', () => {
    const body = (festival: string) => `양구군은 4일 군청에서 ${festival} 추진위원회 정기총회를 열었다. 추진위원 25명이 참석했다.`;
    expect(contrastOf(f('양구 곰취축제 추진위원회 정기총회', body('양구 곰취축제')), f('양구 배꼽축제 추진위원회 정기총회', body('양구 배꼽축제')))).toBe('names');
    expect(contrastOf(f('양구 곰취축제 추진위원회 정기총회', body('양구 곰취축제')), f("곰취축제 5월 16일 개막", body('곰취축제')))).toBeNull();
  });

  it('keeps apart one city agreeing with two partners on one template', () => {
    const body = (partner: string) => `원주시는 5일 ${partner}와 지역인재 양성 업무협약을 체결했다.`;
    expect(contrastOf(f('원주시-연세대, 지역인재 양성 업무협약', body('연세대')), f('상지대 계약학과 학생에 원주시 장학금', body('상지대')))).toBe('names');
  });

  it('keeps apart two ordinances quoted by name', () => {
    const a = f('도의회 기획행정위, 조례 개정안 가결', "기획행정위원회는 '청년 기본 조례 일부개정조례안'을 가결했다. 청년 가구 지원이 늘어난다.");
    const b = f('빈집 수리비 지원 근거 마련', "기획행정위원회는 '귀농귀촌 지원 조례 일부개정조례안'을 가결했다. 귀촌 청년 가구도 지원한다.");
    expect(contrastOf(a, b)).toBe('names');
  });

  it('keeps apart different editions', () => {
    expect(contrastOf(f('제32회 눈축제 준비 간담회', '제32회 눈축제 준비 간담회가 열렸다.'), f('제5회 썰매축제 준비 간담회', '제5회 썰매축제 준비 간담회가 열렸다.'))).not.toBeNull();
    expect(contrastOf(f('눈축제 준비 간담회', '제32회 눈축제 준비 간담회가 열렸다.'), f('간담회', '눈축제 준비 간담회가 열렸다. 2024년 제5회 대회도 소개됐다.'))).toBe('ordinals');
    expect(contrastOf(f('눈축제 준비 간담회', '제32회 눈축제 준비 간담회가 열렸다.'), f('간담회', '눈축제 준비 제2차 간담회가 열렸다.'))).toBeNull();
  });

  it("keeps daily notices apart by their headline days, not a reprint that headlines another day the release states", () => {
    const notice = (day: number) => f(`[오늘의 미세먼지] ${day}일 영서 나쁨`, `${day}일 영서 미세먼지는 나쁨 수준이다. ${day + 1}일에는 보통으로 낮아지겠다.`);
    expect(contrastOf(notice(2), notice(3))).toBe('days');
    const release = f('산천어축제 11일 개막', '산천어축제가 11일 개막해 다음 달 2일까지 열린다.');
    expect(contrastOf(release, f('산천어축제, 다음 달 2일까지', '산천어축제가 11일 개막해 다음 달 2일까지 열린다.'))).toBeNull();
  });

  it('does not keep a script apart for stating one figure of its own', () => {
    const release = f('태백산 눈축제 개막', '제32회 태백산 눈축제가 개막했다. 눈 조각 60점이 전시되고 관람객 50만 명을 맞는다.');
    const script = f('태백산 눈축제 개막…눈 조각 보러 북적', '높이 10m에 이르는 눈 조각 앞에서 관광객들이 사진을 찍습니다.');
    expect(contrastOf(release, script)).toBeNull();
    const notice = f('주간 가격 동향', '배추 3200원, 무 1800원으로 집계됐다.');
    expect(contrastOf(notice, f('주간 가격 동향', '배추 3500원, 무 1700원으로 집계됐다.'))).toBe('quantities');
  });
});
