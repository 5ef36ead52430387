// Story detection for one new item: LSH candidates within the time window, verified pairwise;
// the item joins the story of the best verified candidate, or starts its own.
import type { StoryAssigner, StoryAssignment, StoryIndexReader, StoryItem } from '../model.js';
import { storyFeatures, type StoryFeatures } from './features.js';
import { bandKeys } from './minhash.js';
import { DEFAULT_STORY_PARAMS, type StoryParams } from './params.js';
import { scorePair, type PairScore } from './verify.js';
import { WindowDf } from './window-df.js';

export interface StoryDetector {
  readonly assign: StoryAssigner;
  /** Counts already stored recent items into the IDF window (after a restart), oldest first. */
  warm(items: Iterable<StoryItem>): void;
  /** The last decision's best candidate, for `--verbose` evaluation output. */
  lastMatch(): { itemId: number; score: PairScore } | null;
}

export interface DetectorOptions {
  readonly params?: StoryParams;
  /** Representative rank of an item (see stories/representative.ts); 0 when absent. */
  readonly rank?: (item: StoryItem, features: StoryFeatures) => number;
}

/** Features kept for recently seen items, so candidates are rarely re-shingled from stored text. */
const CACHE_SIZE = 50_000;

// createStoryDetector keeps the IDF window and a feature cache across polls.
export function createStoryDetector(options: DetectorOptions = {}): StoryDetector {
  const p = options.params ?? DEFAULT_STORY_PARAMS;
  const df = new WindowDf(2 * p.windowMs);
  const cache = new Map<number, StoryFeatures>();
  const weight = (s: number): number => df.weight(s);
  let last: { itemId: number; score: PairScore } | null = null;

  const remember = (id: number, f: StoryFeatures): void => {
    cache.set(id, f);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as number);
  };
  const featuresOf = (id: number, index: StoryIndexReader): StoryFeatures | null => {
    const hit = cache.get(id);
    if (hit !== undefined) return hit;
    const text = index.itemText(id);
    if (text === null) return null;
    const f = storyFeatures(text, p.lsh.hashes);
    remember(id, f);
    return f;
  };

  const assign: StoryAssigner = (item, index): StoryAssignment => {
    const f = storyFeatures(item, p.lsh.hashes);
    const keys = bandKeys(f.signature, p.lsh);
    const t = item.published.getTime();
    const candidates = index.candidates(keys, new Date(t - p.windowMs), new Date(t + p.windowMs), p.maxCandidates);
    let best: { storyId: number; value: number } | null = null;
    let closest: { itemId: number; score: PairScore; value: number } | null = null;
    for (const c of candidates) {
      if (c.itemId === item.id) continue;
      const other = featuresOf(c.itemId, index);
      if (other === null) continue;
      const score = scorePair(f, other, weight, p, Math.abs(t - c.published.getTime()));
      const value = score.containment + score.cover + 0.5 * score.title;
      if (closest === null || value > closest.value) closest = { itemId: c.itemId, score, value };
      if (score.same && (best === null || value > best.value)) best = { storyId: c.storyId, value };
    }
    last = closest === null ? null : { itemId: closest.itemId, score: closest.score };
    df.add(f.shingles, t);
    remember(item.id, f);
    return {
      storyId: best?.storyId ?? null,
      keys,
      signature: f.signature,
      rank: options.rank?.(item, f) ?? 0,
    };
  };

  return {
    assign,
    warm(items) {
      for (const item of items) {
        const f = storyFeatures(item, p.lsh.hashes);
        df.add(f.shingles, item.published.getTime());
        remember(item.id, f);
      }
    },
    lastMatch: () => last,
  };
}
