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
