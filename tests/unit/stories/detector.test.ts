import { describe, expect, it } from 'vitest';
import type { StoryItem } from '../../../src/model.js';
import { createStoryDetector } from '../../../src/stories/detector.js';
import { MemoryStoryStore } from '../../../src/stories/memory-store.js';
import { FORUM_BODY, JOBS_BODY, item } from './story-cases.js';

// cluster runs items through a fresh detector in order and returns each item's story id.
function cluster(items: readonly StoryItem[]): number[] {
  const detector = createStoryDetector();
  const store = new MemoryStoryStore();
  return items.map((it) => store.record(it, detector.assign(it, store)));
}

describe('story detection', () => {
  it('joins outlets that rewrote the headline, byline and lead of one release', () => {
    const ids = cluster([
      item('gov', '2026-04-29T10:00:00', '강원도, 2026 강원 관광 미래포럼 개최', FORUM_BODY),
      item('kado', '2026-04-29T11:30:00', '[강원] "체류형 관광으로"…강원 관광 미래포럼 열려', `(춘천=연합뉴스) 최선경 기자 = ${FORUM_BODY.replace('1,000억 원', '1천억원')} /사진=강원도 제공`),
      item('step', '2026-04-29T13:00:00', '[뉴스스텝] 강원도 관광 미래포럼…1천억 인프라 확충', FORUM_BODY.split('. ').slice(0, 3).join('. ')),
    ]);
    expect(new Set(ids).size).toBe(1);
  });

  it('joins a two-sentence summary to the full text', () => {
    const summary = FORUM_BODY.split('. ').slice(0, 2).join('. ');
    const ids = cluster([
      item('gov', '2026-04-29T10:00:00', '강원도, 2026 강원 관광 미래포럼 개최', FORUM_BODY),
      item('news1', '2026-04-29T12:00:00', '강원 관광 미래포럼 개최', '', summary),
    ]);
    expect(ids[1]).toBe(ids[0]);
  });

  it('keeps apart two releases of one agency on the same template', () => {
    const ids = cluster([
      item('gov', '2026-04-29T10:00:00', '강원도, 2026 강원 관광 미래포럼 개최', FORUM_BODY),
      item('gov', '2026-04-29T15:00:00', '강원도, 청년 일자리 박람회 설명회 개최', JOBS_BODY),
    ]);
    expect(ids[1]).not.toBe(ids[0]);
  });

  // A package of releases: one generic lead, one paragraph each on its own programme, and an annex
  // listing every programme of the package, so each release's text has the other's headline words.
  const PACKAGE_LEAD = '강원특별자치도는 도민 삶의 질 향상을 위해 올해 도민 체감형 생활 정책 12개 과제를 선정하고 하반기부터 본격 추진한다고 27일 밝혔다. 도는 도민 2,400명 설문조사와 현장 간담회 의견 680건을 바탕으로 과제를 골랐다.';
  const PACKAGE_ANNEX = [
    '붙임 1. 도민 체감형 생활 정책 과제 목록',
    '연번 | 분야 | 과제명 | 주관 부서',
    '1 | 보건 | 찾아가는 농촌 안과·치과 버스 운행 | 보건정책과',
    '2 | 에너지 | 농어촌 마을 LPG 소형저장탱크 보급 | 에너지과',
    '3 | 교통 | 농촌 마을 수요응답형 버스 확대 | 교통정책과',
    '4 | 복지 | 홀몸 어르신 스마트 안부 확인 | 노인복지과',
    '5 | 생활 | 농촌 빈집 정비와 마을 쉼터 조성 | 건축과',
    '○ 추진 관리: 분기별 점검, 도 누리집 게시판 공개 ○ 성과 평가: 12월 도민 평가단 200명 평가 ○ 총사업비 412억 원',
    '문의: 도 기획조정실 033-249-2000',
  ].join('\n');
  const BUS_BODY = `${PACKAGE_LEAD}\n이번에 추진하는 찾아가는 농촌 안과·치과 버스는 안과와 치과가 없는 읍면의 어르신을 위한 과제다. 도는 진료 장비를 갖춘 특수 버스 2대로 7월부터 12월까지 14개 군 의료취약 읍면 112곳을 돌며 어르신 4,800명을 진료한다. 사업비는 9억 6,000만 원이다. 안과 버스에서는 시력 검사와 백내장·녹내장 선별 검사를 하고 돋보기를 무료로 나눠 준다. 치과 버스에서는 구강 검진과 스케일링, 간단한 충치 치료, 틀니 수리를 한다. 강원대병원과 도 치과의사회 의료진 20명이 순번을 정해 동행하며, 기초생활수급자에게는 백내장 수술비를 최대 50만 원까지 지원한다. 버스는 하루 두 마을을 찾고, 운행 일정은 읍면 행정복지센터와 마을 이장을 통해 알린다. 한미정 도 보건복지국장은 "병원이 먼 마을일수록 먼저 찾아가겠다"고 말했다. 도는 지난해 시범 운행에서 어르신 1,100명이 검진을 받았고 이 가운데 백내장 의심 판정을 받은 230명이 지역 안과에서 수술을 받았다고 설명했다. 올해는 거동이 불편한 어르신을 위해 마을회관에서 진료 버스까지 오가는 차량도 지원하고, 진료 결과는 보건소 방문건강관리 대상자 명부와 연계해 꾸준히 살핀다.\n${PACKAGE_ANNEX}`;
  const GAS_BODY = `${PACKAGE_LEAD}\n이번에 추진하는 LPG 소형저장탱크 보급은 도시가스가 들어오지 않는 농어촌 마을의 난방비 부담을 덜기 위한 과제다. 도는 96억 원을 들여 농어촌 38개 마을 1,520가구에 마을 단위 저장탱크와 배관을 설치한다. 주민 부담은 없고 연료비는 30~40% 줄어든다. 공사는 7월 시작해 11월 말 마무리된다. 마을 공터에 3톤 규모의 저장탱크를 놓고 각 가정까지 배관을 연결해 주민들이 도시가스처럼 가스를 쓰게 하는 방식이다. 평창과 정선이 6개 마을씩으로 가장 많고 인제 5개, 양구·영월·홍천 4개 마을 순이다. 저장탱크에는 가스 누출 경보기와 자동 차단 장치가 달리고, 설치 뒤 5년 동안 한국가스안전공사가 해마다 두 차례 안전점검을 한다. 보일러 교체비도 가구당 최대 100만 원까지 지원한다. 도는 지난겨울 군 지역 가구의 월평균 난방비가 38만 원으로 시 지역보다 11만 원 많았다고 설명했다. 내년에는 수요 조사를 거쳐 20개 마을을 더 고르고, 이미 설치한 마을의 사용량과 요금을 분석해 운영비 절감 방안을 마련한다. 김도윤 도 경제국장은 "겨울마다 가스통 배달을 기다리던 불편을 덜겠다"고 말했다.\n${PACKAGE_ANNEX}`;

  it('keeps apart two long releases of one package whose annex names both programmes, and joins each reprint to its own', () => {
    const ids = cluster([
      item('gov', '2026-05-27T10:00:00', '강원특별자치도, 의료취약지 어르신 찾아가는 안과·치과 버스 7월 운행', BUS_BODY),
      item('gov', '2026-05-27T14:00:00', '강원특별자치도, 농어촌 38개 마을에 LPG 소형저장탱크 보급', GAS_BODY),
      item('news1', '2026-05-27T15:40:00', '강원 농어촌 1520가구에 LPG 배관망…연료비 30~40% 절감', '(춘천=뉴스1) 한승우 기자 = 도시가스가 들어오지 않는 강원 농어촌 38개 마을 1,520가구에 LPG 저장탱크와 배관망이 깔린다. 도는 96억원을 들여 마을 단위 저장탱크를 설치한다고 27일 밝혔다. 연료비가 30~40% 줄어든다.'),
      item('newsis', '2026-05-27T16:20:00', '강원도, 안과·치과 버스 2대로 농촌 어르신 4800명 진료', '[춘천=뉴시스] 김태형 기자 = 강원특별자치도가 안과와 치과가 없는 농촌 마을을 찾아가는 진료 버스를 운행한다. 도는 7월부터 12월까지 14개 군 의료취약 읍면 112곳에 버스 2대를 보내 어르신 4800명을 진료한다고 27일 밝혔다.'),
    ]);
    expect(ids[1]).not.toBe(ids[0]);
    expect(ids[2]).toBe(ids[1]);
    expect(ids[3]).toBe(ids[0]);
  });

  it('finds a long release with its attachments as the candidate of a short reprint of its lead', () => {
    // A release read with its annex: thousands of distinct shingles, of which a reprint shares a
    // few hundred. Candidates come from MinHash, which estimates Jaccard similarity; over the
    // whole text it is a few percent, over the lead it is high.
    const lead = '강원특별자치도는 도내 외국인 유학생이 졸업 뒤에도 강원에서 일하며 정착하도록 돕는 정착 사다리 사업을 다음 달부터 추진한다고 5일 밝혔다. 도는 올해 12억 원을 들여 유학생 300명에게 기업 인턴십과 실무 한국어 교육, 비자 상담을 지원한다.';
    const annex = Array.from({ length: 160 }, (_, i) => `${i + 1} | ${String.fromCharCode(0xac00 + ((i * 7919) % 11172), 0xac00 + ((i * 104729) % 11172))}기업 | 인턴 ${i + 2}명 | 월 ${180 + i}만원`).join('\n');
    const ids = cluster([
      item('gov', '2026-08-05T10:00:00', '강원특별자치도, 외국인 유학생 정착 사다리 사업 추진…300명 지원', `${lead}\n${annex}`),
      item('news1', '2026-08-05T11:30:00', '강원도, 외국인 유학생 300명 인턴십·한국어 교육 지원', '(춘천=뉴스1) 한승우 기자 = 강원특별자치도가 도내 외국인 유학생 300명의 졸업 뒤 지역 정착을 돕는다. 도는 12억원을 들여 기업 인턴십과 실무 한국어 교육, 비자 상담을 지원한다고 5일 밝혔다.'),
    ]);
    expect(ids[1]).toBe(ids[0]);
  });

  it('keeps apart the same kind of event in two cities on the same day', () => {
    const body = (city: string, place: string, n: string) =>
      `${city}는 29일 ${place}에서 제10회 시민의 날 기념식을 열었다고 밝혔다. 이날 기념식에는 시민 ${n}명이 참석했으며 시민대상 시상과 축하공연이 이어졌다. 시장은 "시민과 함께 더 큰 도약을 이루겠다"고 말했다.`;
    const ids = cluster([
      item('a', '2026-04-29T10:00:00', '춘천시, 시민의 날 기념식 개최', body('춘천시', '춘천시청 광장', '2000')),
      item('b', '2026-04-29T11:00:00', '원주시, 시민의 날 기념식 개최', body('원주시', '원주종합체육관', '3500')),
    ]);
    expect(ids[1]).not.toBe(ids[0]);
  });

  it('keeps a follow-up days later apart from the first report', () => {
    const ids = cluster([
      item('gov', '2026-04-29T10:00:00', '강원도, 2026 강원 관광 미래포럼 개최', FORUM_BODY),
      item('gov', '2026-05-01T10:00:00', '강원 관광 미래포럼 후속 실무협의회 출범', '강원특별자치도는 1일 지난달 29일 열린 강원 관광 미래포럼의 후속 조치로 실무협의회를 출범했다고 밝혔다. 협의회는 관광업계와 시군 공무원 20명으로 구성되며 매월 회의를 열어 체류형 관광 과제 12건을 점검한다. 첫 회의는 오는 15일 열린다.'),
    ]);
    expect(ids[1]).not.toBe(ids[0]);
  });

  it('keeps weekly notices that differ only in dates and numbers apart', () => {
    const notice = (d: string, a: string, b: string, c: string) =>
      `강원특별자치도는 ${d}일 주간 농산물 가격 동향을 발표했다. 배추 1포기 가격은 ${a}원, 무 1개는 ${b}원, 사과 10개는 ${c}원으로 집계됐다. 도는 가격 안정을 위해 수급 상황을 계속 점검할 계획이다.`;
    const ids = cluster([
      item('gov', '2026-04-27T10:00:00', '주간 농산물 가격 동향', notice('27', '3200', '1800', '25000')),
      item('gov', '2026-04-30T10:00:00', '주간 농산물 가격 동향', notice('30', '3500', '1700', '26500')),
    ]);
    expect(ids[1]).not.toBe(ids[0]);
  });

  it('keeps two stories about one company apart', () => {
    const ids = cluster([
      item('a', '2026-04-29T10:00:00', '강원랜드, 폐광지역 상생기금 200억 출연', '강원랜드는 29일 폐광지역 4개 시군과 상생협약을 맺고 200억 원의 상생기금을 출연한다고 밝혔다. 기금은 지역 소상공인 지원과 관광 기반 조성에 쓰인다.'),
      item('b', '2026-04-29T16:00:00', '강원랜드, 1분기 매출 3800억…전년比 5% 증가', '강원랜드는 29일 공시를 통해 1분기 매출이 3800억 원으로 지난해 같은 기간보다 5% 늘었다고 밝혔다. 영업이익은 900억 원을 기록했다.'),
    ]);
    expect(ids[1]).not.toBe(ids[0]);
  });
});
