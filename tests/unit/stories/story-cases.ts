// Small hand-written press-release cases shared by the story tests: versions of one release and
// the look-alikes that must stay apart.
import type { StoryItem } from '../../../src/model.js';

let next = 1;
// item builds a StoryItem published at `time` (KST) with a fresh id.
export function item(source: string, time: string, title: string, content: string, summary: string | null = null): StoryItem {
  return { id: next++, source, title, summary, content, published: new Date(`${time}+09:00`) };
}

export const FORUM_BODY =
  '강원특별자치도는 29일 도청 별관 대회의실에서 2026 강원 관광 미래포럼을 개최했다고 밝혔다. 이번 포럼에는 관광업계 관계자와 전문가 150여 명이 참석해 체류형 관광 활성화 방안을 논의했다. 도는 포럼에서 나온 의견을 바탕으로 내년까지 1,000억 원 규모의 관광 인프라 확충 사업을 추진할 계획이다. 김진태 지사는 "강원 관광의 새로운 도약을 위해 현장의 목소리를 정책에 반영하겠다"고 말했다.';

export const JOBS_BODY =
  '강원특별자치도는 29일 도청 별관 대회의실에서 청년 일자리 박람회 설명회를 개최했다고 밝혔다. 이번 설명회에는 도내 기업 인사담당자와 대학 취업지원관 80여 명이 참석해 채용 연계 방안을 논의했다. 도는 설명회에서 나온 의견을 바탕으로 내년까지 300억 원 규모의 청년 고용 지원 사업을 추진할 계획이다. 김진태 지사는 "청년이 떠나지 않는 강원을 만들겠다"고 말했다.';
