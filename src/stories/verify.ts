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

/** An item's shingles (sorted) with their IDF weights at the time it was seen, and the weights' sum. */
export interface Weighted {
  readonly features: StoryFeatures;
  readonly ids: Float64Array;
  readonly weights: Float64Array;
  readonly total: number;
}

// weighShingles fixes an item's shingle weights once, in sorted arrays, so comparing it with a
// candidate is one merge of two arrays: no logarithms, no hashing, little garbage.
export function weighShingles(features: StoryFeatures, weight: (s: number) => number): Weighted {
  const ids = Float64Array.from(features.shingles).sort();
  const weights = new Float64Array(ids.length);
  let total = 0;
  for (let i = 0; i < ids.length; i++) {
    const w = weight(ids[i] as number);
    weights[i] = w;
    total += w;
  }
  return { features, ids, weights, total };
}

// scorePair compares a new item with a candidate `apartMs` apart.
export function scorePair(item: Weighted, candidate: Weighted, p: StoryParams, apartMs: number): PairScore {
  const a = item.features;
  const b = candidate.features;
  const containment = weightedContainment(item, candidate);
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

// weightedContainment is Σw(A∩B) / min(Σw(A), Σw(B)), the shared shingles weighted as the new item weighs them.
export function weightedContainment(a: Weighted, b: Weighted): number {
  let common = 0;
  let i = 0;
  let j = 0;
  const x = a.ids;
  const y = b.ids;
  while (i < x.length && j < y.length) {
    const u = x[i] as number;
    const v = y[j] as number;
    if (u === v) {
      common += a.weights[i] as number;
      i++;
      j++;
    } else if (u < v) i++;
    else j++;
  }
  const min = Math.min(a.total, b.total);
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
