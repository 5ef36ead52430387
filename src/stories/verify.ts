// Verification of one candidate pair. Outlets rewrite headlines and leads, so versions of one
// story often share under half their text (a 2-sentence summary against the full release), while
// two releases on one template share most of it. What tells them apart is *what* differs:
//  - containment (IDF-weighted, over the smaller text) must reach a floor;
//  - the headline words one version has and the other's headline lacks must appear in the other's
//    text (a rewrite rephrases the same facts; a template sibling is about something else);
//  - guards: quantities (3200마리, 1000억원) with none in common, different days of the month in
//    the headlines (weekly notices), different Gangwon places → apart; days apart, only a near
//    copy with the same quantities is the same story (follow-ups and weekly notices are not).
import type { StoryFeatures } from './features.js';
import type { StoryParams } from './params.js';

export interface PairScore {
  readonly containment: number;
  /** Share of headline words of one version found in the other's text (the better direction). */
  readonly cover: number;
  /** Title bigram overlap, used to rank verified candidates. */
  readonly title: number;
  /** Which guard kept the pair apart, or null. */
  readonly guard: 'places' | 'quantities' | 'days' | null;
  readonly same: boolean;
}

// scorePair compares two items `apartMs` apart; `weight` gives a shingle's IDF among recent items.
export function scorePair(a: StoryFeatures, b: StoryFeatures, weight: (s: number) => number, p: StoryParams, apartMs: number): PairScore {
  const containment = weightedContainment(a.shingles, b.shingles, weight);
  const cover = Math.max(titleCover(a, b), titleCover(b, a));
  const title = overlap(a.titleGrams, b.titleGrams);
  const guard = disjoint(a.places, b.places) ? 'places' : disjoint(a.numbers, b.numbers) ? 'quantities' : disjoint(a.titleDays, b.titleDays) ? 'days' : null;
  // Days apart, only a reprint counts: nearly the whole text, and the same quantities (a weekly
  // notice on one template changes them).
  const late = apartMs > p.lateMs;
  const reprint = !late || (containment >= p.containmentLate && (a.numbers.size === 0 || b.numbers.size === 0 || overlap(a.numbers, b.numbers) >= 0.8));
  const same = guard === null && reprint && containment >= p.containmentMin && (cover >= p.coverMin || containment >= p.containmentHigh);
  return { containment, cover, title, guard, same };
}

// titleCover is the share of a's headline words missing from b's headline that b's text has.
function titleCover(a: StoryFeatures, b: StoryFeatures): number {
  let missing = 0;
  let found = 0;
  for (const w of a.titleWords) {
    if (b.titleWords.has(w)) continue;
    missing++;
    if (b.flat.includes(w)) found++;
  }
  return missing === 0 ? 1 : found / missing;
}

// disjoint is true when both sets have members and share none.
function disjoint<T>(a: Set<T>, b: Set<T>): boolean {
  return a.size > 0 && b.size > 0 && overlap(a, b) === 0;
}

// weightedContainment is Σw(A∩B) / min(Σw(A), Σw(B)).
export function weightedContainment(a: Set<number>, b: Set<number>, weight: (s: number) => number): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  let totalSmall = 0;
  for (const s of small) {
    const w = weight(s);
    totalSmall += w;
    if (large.has(s)) common += w;
  }
  let totalLarge = 0;
  for (const s of large) totalLarge += weight(s);
  const min = Math.min(totalSmall, totalLarge);
  return min === 0 ? 0 : common / min;
}

// overlap is |A∩B| / min(|A|, |B|), 0 when either is empty.
export function overlap<T>(a: Set<T>, b: Set<T>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let n = 0;
  for (const x of small) if (large.has(x)) n++;
  return n / small.size;
}
