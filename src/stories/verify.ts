// Verification of one candidate pair. Outlets rewrite headlines and leads, so versions of one
// story often share under half their text (a 2-sentence summary against the full release), while
// two releases on one template share most of it. What tells them apart is *what* differs:
//  - containment (IDF-weighted, of the version most contained in the other) must reach a floor;
//  - the headline words one version has and the other's headline lacks must appear in the other's
//    text (a rewrite rephrases the same facts; a template sibling is about something else), or
//    the two share most of their figures (a broadcast script or an own rewrite of the release);
//  - contrasts (see contrast.ts): different places, quantities, headline days, ordinals, headline
//    amounts or template names → apart; days apart, only a near copy with the same quantities is
//    the same story (follow-ups and weekly notices are not).
import { contrastOf, type Contrast } from './contrast.js';
import type { StoryFeatures } from './features.js';
import type { StoryParams } from './params.js';
import { sharedFigures } from './quantities.js';
import { hasGrams, SHINGLE_SIZE } from './shingles.js';

export interface PairScore {
  readonly containment: number;
  /** Share of headline words of one version found in the other's text (the better direction). */
  readonly cover: number;
  /** Title bigram overlap, used to rank verified candidates. */
  readonly title: number;
  /** Which contrast kept the pair apart, or null. cover, title and guard are left at 0 and null when
   * containment is below the floor (nothing else could make the pair one story). */
  readonly guard: Contrast | null;
  readonly same: boolean;
}

/** An item's features with the IDF weights of its (sorted) shingles at the time it was seen (in
 * units of 1 / WEIGHT_ONE, see window-df.ts), and their sum: comparing two items is one merge of
 * two arrays, no logarithms, no hashing. */
export interface Weighted {
  readonly features: StoryFeatures;
  readonly weights: Uint8Array;
  readonly total: number;
}

// scorePair compares a new item with a candidate `apartMs` apart.
export function scorePair(item: Weighted, candidate: Weighted, p: StoryParams, apartMs: number): PairScore {
  const a = item.features;
  const b = candidate.features;
  const containment = weightedContainment(item, candidate);
  // Below the floor nothing else can make the pair one story: the rest is not worth computing.
  if (containment < p.containmentMin) return { containment, cover: 0, title: 0, guard: null, same: false };
  const cover = Math.max(titleCover(a, b), titleCover(b, a));
  const title = sortedOverlap(a.titleGrams, b.titleGrams);
  const guard = contrastOf(a, b);
  // Days apart, only a reprint counts: nearly the whole text, and the same quantities (a weekly
  // notice on one template changes them).
  const late = apartMs > p.lateMs;
  const reprint = !late || (containment >= p.containmentLate && (a.numbers.length === 0 || b.numbers.length === 0 || overlap(a.numbers, b.numbers) >= 0.8));
  const figures = sharedFigures(a.numbers, b.numbers);
  const figured = figures >= p.figuresMin && figures >= p.figuresShare * Math.min(a.numbers.length, b.numbers.length);
  const same = guard === null && reprint && containment >= p.containmentMin && (cover >= p.coverMin || containment >= p.containmentHigh || figured);
  return { containment, cover, title, guard, same };
}

// titleCover is the share of a's headline words missing from b's headline that b's headline and
// lead have (see LEAD_COVER_CHARS in features.ts).
function titleCover(a: StoryFeatures, b: StoryFeatures): number {
  let missing = 0;
  let found = 0;
  for (const w of a.titleWords) {
    if (b.titleWords.includes(w)) continue;
    missing++;
    if (hasGrams(b.shingles, w, SHINGLE_SIZE, b.leadMask)) found++;
  }
  return missing === 0 ? 1 : found / missing;
}

// weightedContainment is how much of one item the other holds, in the direction where it is most:
// Σw(A∩B) / Σw(A) or Σw(A∩B) / Σw(B), each side weighed by its own weights. Weights are fixed when
// an item is seen, so a later item weighs the shingles it shares with an earlier one lower (the
// earlier one already counts in the IDF window): mixing one side's sum with the other's totals
// made a reprint days after a release look like the smaller text and miss.
export function weightedContainment(a: Weighted, b: Weighted): number {
  let inA = 0;
  let inB = 0;
  let i = 0;
  let j = 0;
  const x = a.features.shingles;
  const y = b.features.shingles;
  while (i < x.length && j < y.length) {
    const u = x[i] as number;
    const v = y[j] as number;
    if (u === v) {
      inA += a.weights[i] as number;
      inB += b.weights[j] as number;
      i++;
      j++;
    } else if (u < v) i++;
    else j++;
  }
  return Math.max(share(inA, a.total), share(inB, b.total));
}

function share(part: number, total: number): number {
  return total === 0 ? 0 : part / total;
}

// overlap is |A∩B| / min(|A|, |B|) of two lists of distinct members, 0 when either is empty.
function overlap<T>(a: readonly T[], b: readonly T[]): number {
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  if (small.length === 0) return 0;
  return small.filter((x) => large.includes(x)).length / small.length;
}

// sortedOverlap is overlap() of two sorted arrays of distinct numbers.
function sortedOverlap(a: Uint32Array, b: Uint32Array): number {
  const least = Math.min(a.length, b.length);
  if (least === 0) return 0;
  let n = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    const u = a[i] as number;
    const v = b[j] as number;
    if (u === v) n++;
    if (u <= v) i++;
    if (v <= u) j++;
  }
  return n / least;
}

const FILTER_BITS = 13;

// ShingleFilter holds one new item's shingle weights in a small hashed table, so a candidate that
// cannot reach the containment floor is set aside after one pass over its shingles, without the
// merge. One filter is reused for item after item.
export class ShingleFilter {
  private readonly slots = new Uint8Array(1 << FILTER_BITS);
  private item: Weighted | null = null;

  // load makes `item` the one candidates are bounded against.
  load(item: Weighted): void {
    if (this.item !== null) for (const s of this.item.features.shingles) this.slots[filterSlot(s)] = 0;
    const shingles = item.features.shingles;
    for (let i = 0; i < shingles.length; i++) {
      const h = filterSlot(shingles[i] as number);
      this.slots[h] = Math.max(this.slots[h] as number, item.weights[i] as number);
    }
    this.item = item;
  }

  // bound is at least weightedContainment(item, candidate): a shared shingle finds its own slot,
  // which holds at least the item's weight of it (weights are never 0, so the slot is taken).
  bound(candidate: Weighted): number {
    if (this.item === null) return 0;
    const shingles = candidate.features.shingles;
    let inItem = 0;
    let inCandidate = 0;
    for (let i = 0; i < shingles.length; i++) {
      const slot = this.slots[filterSlot(shingles[i] as number)] as number;
      inItem += slot;
      if (slot > 0) inCandidate += candidate.weights[i] as number;
    }
    return Math.max(share(inItem, this.item.total), share(inCandidate, candidate.total));
  }
}

function filterSlot(shingle: number): number {
  return Math.imul(shingle, 0x9e3779b1) >>> (32 - FILTER_BITS);
}
