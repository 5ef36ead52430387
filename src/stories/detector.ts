// Story detection for one new item: LSH candidates within the time window, verified pairwise;
// the item joins the story of the best verified candidate, or starts its own.
import type { StoryAssigner, StoryAssignment, StoryIndexReader, StoryItem } from '../model.js';
import { storyFeatures } from './features.js';
import { bandKeys, minhashSignature } from './minhash.js';
import { DEFAULT_STORY_PARAMS, type StoryParams } from './params.js';
import { scorePair, weighShingles, type Weighted } from './verify.js';
import { WindowDf } from './window-df.js';

export interface StoryDetector {
  readonly assign: StoryAssigner;
  /** Counts already stored recent items into the IDF window (after a restart), oldest first. */
  warm(items: Iterable<StoryItem>): void;
}

export interface DetectorOptions {
  readonly params?: StoryParams;
  /** Representative rank of an item (see stories/representative.ts); 0 when absent. */
  readonly rank?: (item: StoryItem, features: Weighted['features']) => number;
}

/** Features kept for recently seen items, so candidates are rarely re-shingled from stored text. */
const CACHE_SIZE = 20_000;

// createStoryDetector keeps the IDF window and a feature cache across polls.
export function createStoryDetector(options: DetectorOptions = {}): StoryDetector {
  const p = options.params ?? DEFAULT_STORY_PARAMS;
  const df = new WindowDf(2 * p.windowMs);
  // Features and weights as fixed when an item was first seen (its IDF then).
  const cache = new Map<number, Weighted>();
  const weight = (s: number): number => df.weight(s);

  const remember = (id: number, f: Weighted): void => {
    cache.set(id, f);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as number);
  };
  const featuresOf = (id: number, index: StoryIndexReader): Weighted | null => {
    const hit = cache.get(id);
    if (hit !== undefined) return hit;
    const text = index.itemText(id);
    if (text === null) return null;
    const f = weighShingles(storyFeatures(text), weight);
    remember(id, f);
    return f;
  };

  const assign: StoryAssigner = (item, index): StoryAssignment => {
    const f = weighShingles(storyFeatures(item), weight);
    // The signature leaves out shingles most recent items have ("했다", "강원"): they would make
    // every item a candidate of every other, and say nothing about the story.
    const distinctive = [...f.features.shingles].filter((s) => !df.common(s, p.commonShare, p.commonMinItems));
    const signature = minhashSignature(distinctive.length > 0 ? distinctive : f.features.shingles, p.lsh.hashes);
    const keys = bandKeys(signature, p.lsh);
    const t = item.published.getTime();
    const candidates = index.candidates(keys, new Date(t - p.windowMs), new Date(t + p.windowMs), p.maxCandidates, p.minHits);
    let best: { storyId: number; value: number } | null = null;
    for (const c of candidates) {
      if (c.itemId === item.id) continue;
      const other = featuresOf(c.itemId, index);
      if (other === null) continue;
      const score = scorePair(f, other, p, Math.abs(t - c.published.getTime()));
      const value = score.containment + score.cover + 0.5 * score.title;
      if (score.same && (best === null || value > best.value)) best = { storyId: c.storyId, value };
    }
    df.add(f.features.shingles, t);
    remember(item.id, f);
    return {
      storyId: best?.storyId ?? null,
      keys,
      signature,
      rank: options.rank?.(item, f.features) ?? 0,
    };
  };

  return {
    assign,
    warm(items) {
      for (const item of items) {
        const f = storyFeatures(item);
        df.add(f.shingles, item.published.getTime());
        remember(item.id, weighShingles(f, weight));
      }
    },
  };
}
