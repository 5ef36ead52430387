// The story detection knobs, with the defaults the evaluation (npm run eval:stories) was run with.
import type { LshParams } from './minhash.js';

export interface StoryParams {
  /** Candidates are items published at most this long before or after the new item. */
  readonly windowMs: number;
  /** Items held in the in-memory band index, with their features, at most (the oldest seen leave first). */
  readonly indexItems: number;
  /** A band key shared by more recent items than this is looked at through its most recent ones. */
  readonly scanPerKey: number;
  /** Characters of an item's body (summary and content, normalised) its features are taken from. A
   * release read with its attachments runs to tens of thousands, and the band index holds 20,000
   * items' features: this bounds each. On the long-text evaluation cases 3,000 split no pair that
   * the whole text joined; 2,000 split reprints of a release's later sections. */
  readonly bodyChars: number;
  /** Shingle document frequencies (IDF) are counted over this many recently seen items. */
  readonly idfItems: number;
  readonly lsh: LshParams;
  /** Shingles in more than this share of recent items stay out of the MinHash signature… */
  readonly commonShare: number;
  /** …once the IDF window holds at least this many items. */
  readonly commonMinItems: number;
  /** Candidates verified per item, those sharing the most band keys first. */
  readonly maxCandidates: number;
  /** Band keys a candidate must share: one shared minimum is as often chance as not. */
  readonly minHits: number;
  /** Weighted containment every pair needs. */
  readonly containmentMin: number;
  /** Weighted containment that stands in for the headline check (near-copies under a new headline). */
  readonly containmentHigh: number;
  /** Pairs published further apart than this are follow-ups unless nearly copies (containmentLate). */
  readonly lateMs: number;
  readonly containmentLate: number;
  /** Share of one headline's own words the other version's text must contain (see verify.ts). */
  readonly coverMin: number;
  /** Shared figures (quantities of 10 or more, or with decimals) that stand in for the headline
   * check, and the share of the smaller item's quantities they must be: a broadcast script or an
   * outlet's own rewrite shares a release's figures, not its sentences or headline words. */
  readonly figuresMin: number;
  readonly figuresShare: number;
}

export const DEFAULT_STORY_PARAMS: StoryParams = {
  windowMs: 3 * 86_400_000,
  indexItems: 20_000,
  scanPerKey: 64,
  bodyChars: 3_000,
  idfItems: 20_000,
  lsh: { hashes: 32, bands: 32, rows: 1 },
  commonShare: 0.05,
  commonMinItems: 500,
  maxCandidates: 24,
  minHits: 2,
  containmentMin: 0.2,
  containmentHigh: 0.85,
  lateMs: 30 * 3_600_000,
  containmentLate: 0.8,
  coverMin: 0.5,
  figuresMin: 2,
  figuresShare: 0.6,
};
