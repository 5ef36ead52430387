// Story detection for one new item: LSH candidates within the time window (an in-memory band
// index over the recent items), verified pairwise; the item joins the story of the best verified
// candidate, or starts its own.
import type { StoryAssigner, StoryItem } from '../model.js';
import { BandIndex } from './band-index.js';
import { storyFeatures, type StoryFeatures } from './features.js';
import { bandKeys, minhashSignature } from './minhash.js';
import { DEFAULT_STORY_PARAMS, type StoryParams } from './params.js';
import { ShingleFilter, scorePair, type Weighted } from './verify.js';
import { WindowDf } from './window-df.js';

export interface StoryDetector {
  readonly assign: StoryAssigner;
  /**
   * Takes in already stored recent items (after a restart), oldest first: their shingles count into
   * the IDF window and they become candidates. Stored items with ids above `upToId` that have a
   * story are then taken in before each assignment (see StoryStoreReader.storiedItemsAfter).
   */
  warm(items: Iterable<StoryItem>, upToId: number): void;
}

export interface DetectorOptions {
  readonly params?: StoryParams;
  /** Representative rank of an item (see stories/representative.ts); 0 when absent. */
  readonly rank?: (item: StoryItem, features: StoryFeatures) => number;
}

interface Verified {
  readonly itemId: number;
  readonly value: number;
}

const DAY_MS = 86_400_000;
const KST_MS = 9 * 3_600_000;

// daySpan is how long after its stated time an item may have come out: a feed date without a time
// of day is read as midnight Korea time (parse/dates.ts), and such a release came out some time
// that day. A weekly's reprint two days later is then one day after it, not two and a half.
export function daySpan(time: number): number {
  return (time + KST_MS) % DAY_MS === 0 ? DAY_MS : 0;
}

// apartMs is the least time between two items' publication, given their day spans.
export function apartMs(a: number, b: number): number {
  const [early, late] = a <= b ? [a, b] : [b, a];
  return Math.max(0, late - early - daySpan(early));
}

// createStoryDetector keeps the IDF window and the band index (with each item's features and
// weights as fixed when it was seen) across polls.
export function createStoryDetector(options: DetectorOptions = {}): StoryDetector {
  const p = options.params ?? DEFAULT_STORY_PARAMS;
  const df = new WindowDf(p.idfItems);
  const index = new BandIndex<Weighted>({ keepMs: 2 * p.windowMs, maxItems: p.indexItems, scanPerKey: p.scanPerKey, keysPerItem: p.lsh.bands });
  const filter = new ShingleFilter();
  // Highest item id known to be taken in; null until warm(): a fresh detector (a rebuild) sees every item itself.
  let knownUpTo: number | null = null;

  // countIn counts an item into the IDF window, fixing its shingle weights as the window had them,
  // and gives its band keys. The signature leaves out shingles most recent items have ("했다",
  // "강원"): they would make every item a candidate of every other, and say nothing about the story.
  // A long text's signature is its headline and lead's (features.leadMask): MinHash estimates
  // Jaccard similarity, which is a few percent between a release with its attachments and a short
  // reprint of it, too little for two shared band keys.
  const countIn = (item: StoryItem): { f: Weighted; keys: number[] } => {
    const features = storyFeatures(item, p.bodyChars);
    const w = df.countIn(features.shingles, p.commonShare, p.commonMinItems);
    const keys = bandKeys(minhashSignature(features.shingles, p.lsh.hashes, w.common, features.leadMask), p.lsh);
    return { f: { features, weights: w.weights, total: w.total }, keys };
  };
  // takeIn makes a counted-in item a candidate for later items.
  const takeIn = (item: StoryItem, f: Weighted, keys: readonly number[]): void => {
    index.add(item.id, item.published.getTime(), keys, f);
    if (knownUpTo !== null) knownUpTo = Math.max(knownUpTo, item.id);
  };
  const takeInStored = (item: StoryItem): void => {
    const { f, keys } = countIn(item);
    takeIn(item, f, keys);
  };

  const assign: StoryAssigner = (item, store) => {
    // Only the newest of them could stay in the band index; the rest are not read at all.
    if (knownUpTo !== null) for (const other of store.storiedItemsAfter(knownUpTo, p.indexItems)) if (other.id !== item.id) takeInStored(other);
    const { f, keys } = countIn(item);
    const t = item.published.getTime();
    const verified: Verified[] = [];
    filter.load(f);
    // A candidate dated by day alone may be up to a day older than its date says.
    for (const c of index.candidates(keys, t - p.windowMs - DAY_MS, t + daySpan(t) + p.windowMs, p.maxCandidates, p.minHits)) {
      const apart = apartMs(t, c.time);
      if (c.itemId === item.id || apart > p.windowMs || filter.bound(c.payload) < p.containmentMin) continue;
      const score = scorePair(f, c.payload, p, apart);
      if (score.same) verified.push({ itemId: c.itemId, value: score.containment + score.cover + 0.5 * score.title });
    }
    takeIn(item, f, keys);
    // The best verified candidate whose item is still stored names the story (a pruned one does not).
    let storyId: number | null = null;
    for (const v of verified.sort((a, b) => b.value - a.value)) {
      storyId = store.storyOf(v.itemId);
      if (storyId !== null) break;
    }
    return { storyId, rank: options.rank?.(item, f.features) ?? 0 };
  };

  return {
    assign,
    warm(items, upToId) {
      for (const item of items) takeInStored(item);
      knownUpTo = upToId;
    },
  };
}
