// Verification of one candidate pair: weighted containment (a 2-sentence summary is contained in
// the full text, though their Jaccard similarity is low), title agreement and a guard on numbers.
import type { StoryFeatures } from './features.js';
import type { StoryParams } from './params.js';

export interface PairScore {
  readonly containment: number;
  readonly title: number;
  readonly numbers: number;
  /** False when both name Gangwon places and none in common. */
  readonly places: boolean;
  readonly same: boolean;
}

// scorePair compares two items; `weight` gives a shingle's IDF among recent items.
export function scorePair(a: StoryFeatures, b: StoryFeatures, weight: (s: number) => number, p: StoryParams): PairScore {
  const containment = weightedContainment(a.shingles, b.shingles, weight);
  const title = overlap(a.titleGrams, b.titleGrams);
  const numbers = Math.min(a.numbers.size, b.numbers.size) < 2 ? 1 : overlap(a.numbers, b.numbers);
  const places = a.places.size === 0 || b.places.size === 0 || overlap(a.places, b.places) > 0;
  const same = places && numbers >= p.numbersMin && (containment >= p.containmentHigh || (containment >= p.containmentLow && title >= p.titleMin));
  return { containment, title, numbers, places, same };
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
