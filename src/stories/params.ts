// The story detection knobs, with the defaults the evaluation (npm run eval:stories) was run with.
import type { LshParams } from './minhash.js';

export interface StoryParams {
  /** Candidates are items published at most this long before or after the new item. */
  readonly windowMs: number;
  readonly lsh: LshParams;
  /** Candidates verified per item, those sharing the most band keys first. */
  readonly maxCandidates: number;
  /** Weighted containment at or above which two items are one story whatever their titles. */
  readonly containmentHigh: number;
  /** Weighted containment needed when the titles also agree (titleMin). */
  readonly containmentLow: number;
  /** Title bigram containment that lets containmentLow suffice. */
  readonly titleMin: number;
  /** Below this share of common numbers (when both carry at least two), items are different stories. */
  readonly numbersMin: number;
}

export const DEFAULT_STORY_PARAMS: StoryParams = {
  windowMs: 3 * 86_400_000,
  lsh: { hashes: 64, bands: 32, rows: 2 },
  maxCandidates: 40,
  containmentHigh: 0.6,
  containmentLow: 0.35,
  titleMin: 0.3,
  numbersMin: 0.5,
};
