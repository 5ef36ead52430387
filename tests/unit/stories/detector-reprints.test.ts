// Issue 12, section 2: reprint styles that were missed and look-alikes that were merged, end to end
// through the detector.
import { describe, expect, it } from 'vitest';
import type { StoryItem } from '../../../src/model.js';
import { apartMs, createStoryDetector, daySpan } from '../../../src/stories/detector.js';
import { MemoryStoryStore } from '../../../src/stories/memory-store.js';
import { FORUM_BODY, item, JOBS_BODY } from './story-cases.js';

const HOUR = 3_600_000;

function cluster(items: readonly StoryItem[]): number[] {
  const detector = createStoryDetector();
  const store = new MemoryStoryStore();
  return items.map((it) => store.record(it, detector.assign(it, store)));
}

const FESTIVAL =
  '2025 화천산천어축제가 11일 개막해 다음 달 2일까지 23일간 화천천 일대에서 열린다. 화천군은 화천천 2.4㎞ 구간에 얼음낚시터를 만들고 산천어 맨손잡기와 눈썰매장을 준비했다. 축제장 얼음 두께는 평균 25㎝로 안전 기준을 넘었다. 올해는 외국인 전용 낚시터를 1,300석으로 늘렸다. 군은 관광객 150만 명이 찾을 것으로 보고 안전요원 600여 명을 배치한다.';

describe('daySpan and apartMs', () => {
  it('reads a date without a time as the whole day in Korea time', () => {
    const dateOnly = Date.parse('2025-01-10T00:00:00+09:00');
    const timed = Date.parse('2025-01-10T09:30:00+09:00');
    expect(daySpan(dateOnly)).toBe(24 * HOUR);
    expect(daySpan(timed)).toBe(0);
    expect(apartMs(dateOnly, Date.parse('2025-01-11T10:30:00+09:00'))).toBe(10.5 * HOUR);
    expect(apartMs(Date.parse('2025-01-11T10:30:00+09:00'), dateOnly)).toBe(10.5 * HOUR);
    expect(apartMs(timed, Date.parse('2025-01-11T10:30:00+09:00'))).toBe(25 * HOUR);
    expect(apartMs(dateOnly, Date.parse('2025-01-10T15:00:00+09:00'))).toBe(0);
  });
});

describe('story detection of reprint styles', () => {
  it('joins a weekly reprint dated three days after a release dated by day alone', () => {
    const ids = cluster([
      item('county', '2025-01-10T00:00:00', '2025 화천산천어축제 11일 개막…23일간 얼음나라', FESTIVAL),
      item('weekly', '2025-01-13T09:00:00', '화천산천어축제 11일 개막, 23일간 이어져', `화천신문 편집부 | ${FESTIVAL}`),
    ]);
    expect(ids[1]).toBe(ids[0]);
  });

  // Issue 10, point 6: the release is seen first, so the reprint's weights count the release's
  // shingles as seen before; containment has to weigh each side by its own weights.
  it('joins a reprint that copies a release dated by day alone and adds its own paragraphs, 2½ days later', () => {
    const own = '현장에서 만난 한 낚시객은 아이들과 함께 산천어를 잡으러 왔다며 얼음 위에서 보낸 하루가 즐거웠다고 말했다. 축제장 주변 식당과 숙박업소도 손님을 맞을 채비를 마쳤다. 주민들은 겨울마다 찾아오는 관광객 덕분에 마을에 활기가 돈다고 입을 모았다.';
    const ids = cluster([
      item('province', '2025-01-09T10:00:00', '강원 관광 미래포럼 개최', FORUM_BODY),
      item('province', '2025-01-09T11:00:00', '청년 일자리 박람회 설명회', JOBS_BODY),
      item('county', '2025-01-10T00:00:00', '2025 화천산천어축제 11일 개막…23일간 얼음나라', FESTIVAL),
      item('step', '2025-01-12T17:55:00', '화천 산천어축제 개막, 얼음 위 겨울 손님 맞아', `${FESTIVAL} ${own}`),
    ]);
    expect(ids[3]).toBe(ids[2]);
    expect(new Set(ids).size).toBe(3);
  });

  it('keeps a near copy three days after a timed release apart (only a date alone gives the day)', () => {
    const ids = cluster([
      item('county', '2025-01-10T09:00:00', '2025 화천산천어축제 11일 개막…23일간 얼음나라', FESTIVAL),
      item('weekly', '2025-01-13T10:00:00', '화천산천어축제 11일 개막, 23일간 이어져', FESTIVAL),
    ]);
    expect(ids[1]).not.toBe(ids[0]);
  });

  it("joins a broadcaster's script that shares the release's figures, not its sentences", () => {
    const script = [
      '[앵커] 강원도 대표 겨울축제인 화천산천어축제가 오늘 막을 올렸습니다. 정하늘 기자가 다녀왔습니다.',
      '[리포트] 꽁꽁 언 화천천 위로 얼음 구멍이 끝없이 이어집니다. 낚싯대를 드리운 지 몇 분 만에 산천어가 올라옵니다.',
      '[기자] 축제장 얼음 두께는 평균 25㎝로 안전 기준을 넘었습니다. 올해는 외국인 전용 낚시터가 천3백 석으로 늘었습니다.',
      'KBS 뉴스 정하늘입니다.',
    ].join('\n');
    const ids = cluster([
      item('county', '2025-01-11T09:00:00', '2025 화천산천어축제 11일 개막…23일간 얼음나라', FESTIVAL),
      item('kbs', '2025-01-11T19:20:00', "화천산천어축제 개막…얼음 위 '손맛' 만끽", script),
    ]);
    expect(ids[1]).toBe(ids[0]);
  });

  it('joins a reprint with a pipe byline, a trailing e-mail and a copyright line', () => {
    const release = '강원특별자치도는 올해 도내 소상공인에게 경영안정자금 1,500억 원을 융자 지원한다고 6일 밝혔다. 업체당 최대 5,000만 원까지 빌릴 수 있고, 도는 2년간 이자 2%p를 보전한다. 신청은 13일부터 강원신용보증재단에서 받는다.';
    const ids = cluster([
      item('gov', '2025-01-06T10:00:00', '강원특별자치도, 소상공인 경영안정자금 1,500억 원 융자 지원', release),
      item('paper', '2025-01-06T14:10:00', '소상공인 경영안정자금 1,500억…업체당 최대 5천만원', `강원일보 김보람 기자 | ${release}\n김보람 기자 boram@kwnews.co.kr\n저작권자 © 강원일보 무단전재 및 재배포 금지`),
    ]);
    expect(ids[1]).toBe(ids[0]);
  });
});

describe('story detection of look-alikes', () => {
  it('keeps apart support programmes of two bodies for one group in one week', () => {
    const ids = cluster([
      item('gov', '2025-01-06T10:00:00', '강원특별자치도, 소상공인 경영안정자금 지원', '강원특별자치도는 도내 소상공인에게 경영안정자금을 업체당 최대 5,000만 원까지 융자 지원한다고 6일 밝혔다. 강원신용보증재단은 보증료를 연 0.8%로 낮춰 준다. 신청은 20일부터 받는다.'),
      item('city', '2025-01-08T09:30:00', '춘천시, 소상공인 특례보증 지원', '춘천시는 지역 소상공인에게 특례보증을 업체당 최대 5,000만 원까지 지원한다고 8일 밝혔다. 강원신용보증재단은 보증료를 연 0.8%로 적용한다. 신청은 20일부터 받는다.'),
    ]);
    expect(ids[1]).not.toBe(ids[0]);
  });
});
