// The shipped config/topics.yaml against headlines a Gangwon reader sees: each lands where the
// reader expects and nowhere else.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyItem } from '../../../src/classify/classify-item.js';
import { loadConfig } from '../../../src/config/load-config.js';
import { item } from './classify-helpers.js';

const config = loadConfig(path.join(import.meta.dirname, '..', '..', '..', 'config'));
const kado = config.sources.find((s) => s.id === 'kado-all')!;

const topicsOf = (title: string, summary: string | null = null) =>
  classifyItem(item({ title, summary }), kado, config.topics).map((r) => r.topic);

// [title, summary, expected topics in config order]
const HEADLINES: readonly (readonly [string, string | null, readonly string[]])[] = [
  ['강원 중견 + 중소기업 손잡고 \'융합과 혁신\' 약속', '강원특별자치도는 도청에서 중견·중소기업 상생 간담회를 열었다.', ['regional-economy', 'government-events']],
  ['삼척 수소산업 일자리 500개 창출 기대', null, ['regional-economy']],
  ['원주 반도체 교육센터 착공식 개최', null, ['regional-economy', 'government-events']],
  ['강원도, 2025년 시무식 열고 새해 업무 시작', null, ['government-events']],
  ['춘천시-한림대 지역인재 양성 업무협약 체결', null, ['government-events']],
  ['횡성 산란계 농장 고병원성 조류인플루엔자 확진… 차단방역 총력', null, ['disaster-safety']],
  ['강릉 옥계 산불 주불 진화… 산림 100㏊ 피해', null, ['disaster-safety']],
  ['영동지역 대설특보… 최고 30㎝ 폭설 예보', null, ['disaster-safety']],
  ['홍천 주택화재 발생 1명 부상', null, ['disaster-safety']],
  ['지방역량 강화 위한 공무원 워크숍', null, []],
  ['강릉단오제 유네스코 등재 20주년 특별전', null, ['tourism-culture']],
  ['평창 스키장 개장 앞두고 관광객 맞이 준비', null, ['tourism-culture']],
  ['정선 아리랑제 이달 개막… 축제 기간 셔틀버스 운행', null, ['government-events', 'tourism-culture']],
  ['낙산사 문화재 보수공사 마무리', null, ['tourism-culture']],
  ['춘천 공연음란 40대 입건', null, []],
  ['원주의료원 응급실 전문의 충원', null, ['health-welfare']],
  ['교통사고로 다친 70대 병원으로 옮겨져 치료 중', null, ['disaster-safety']],
  ['홀몸 어르신 돌봄 서비스 확대', null, ['health-welfare']],
  ['춘천~속초 동서고속화철도 개통 2028년 목표', null, ['transport-infrastructure']],
  ['양양공항 국제선 운항 재개', null, ['transport-infrastructure']],
  ['리딩방 투자 사기 일당 검거', null, []],
  ['국회의원 후보 토론회 무산', null, ['government-events']],
];

describe('shipped topics.yaml', () => {
  it('defines at least five topics, with the three the issue names', () => {
    expect(config.topics.length).toBeGreaterThanOrEqual(5);
    expect(config.topics.map((t) => t.id)).toEqual(expect.arrayContaining(['regional-economy', 'government-events', 'disaster-safety']));
  });

  it('uses no one-syllable Korean keyword (it would match inside too many words)', () => {
    for (const t of config.topics) {
      for (const keyword of [...t.match.any, ...t.match.all]) {
        expect(/^\p{Script=Hangul}$/u.test(keyword), `${t.id}: ${keyword}`).toBe(false);
      }
    }
  });

  it.each(HEADLINES)('%s → as a reader expects', (title, summary, expected) => {
    expect(topicsOf(title, summary)).toEqual(expected);
  });

  it('puts the 중견·중소기업 간담회 story in both topics, saying why', () => {
    const [title, summary] = HEADLINES[0]!;
    expect(classifyItem(item({ title, summary }), kado, config.topics)).toEqual([
      { topic: 'regional-economy', reason: 'any: 중소기업 (title)' },
      { topic: 'government-events', reason: 'any: 간담회 (summary)' },
    ]);
  });
});
