// Korean press-release text for the document builders (HWP, HWPX, PDF) and page fixtures, written
// for these tests after the shape of a provincial release: the event, who came, what was said.

/** The release on the 중견·중소기업 상생 간담회, one paragraph per entry. */
export const RELEASE_PARAGRAPHS: readonly string[] = [
  '강원특별자치도는 29일 도청 별관 대회의실에서 중견·중소기업 상생 간담회를 개최했다.',
  '이날 간담회에는 도내 중견기업 대표 12명과 중소기업 대표 20여 명, 강원테크노파크와 강원신용보증재단 등 유관기관 관계자가 참석해 기업 간 협력 방안을 논의했다.',
  "참석자들은 '융합과 혁신'을 주제로 공동 기술개발과 판로 개척, 인력 양성 분야에서 중견기업과 중소기업이 함께 성장할 수 있는 협력 모델을 제안했다.",
  '특히 중견기업이 보유한 생산설비와 유통망을 중소기업과 공유하고, 중소기업의 신기술을 중견기업 제품에 접목하는 방안을 두고 활발한 의견이 오갔다.',
  '도는 간담회에서 나온 건의사항을 검토해 내년도 기업 지원 사업에 반영하고, 상생협력 우수기업에 대한 인센티브를 확대할 계획이다.',
  '도 경제국장은 "중견기업과 중소기업이 손을 맞잡을 때 강원 경제의 체질이 바뀐다"며 "도가 두 기업군을 잇는 다리 역할을 하겠다"고 말했다.',
];

// releaseParagraphs returns n paragraphs of release-like text (the release repeated, each copy
// numbered), for documents of realistic size.
export function releaseParagraphs(n: number): string[] {
  return Array.from({ length: n }, (_, i) => {
    const base = RELEASE_PARAGRAPHS[i % RELEASE_PARAGRAPHS.length] ?? '';
    return i < RELEASE_PARAGRAPHS.length ? base : `${base} (${Math.floor(i / RELEASE_PARAGRAPHS.length) + 1}차 회의록)`;
  });
}
