// An in-memory band index with the store's semantics, for evaluation, benchmarks and tests.
import type { StoryCandidate, StoryIndexReader, StoryItem } from '../model.js';

interface Posting {
  readonly itemId: number;
  readonly time: number;
}

export class MemoryStoryIndex implements StoryIndexReader {
  private readonly postings = new Map<number, Posting[]>();
  private readonly stories = new Map<number, number>();
  private readonly texts = new Map<number, StoryItem>();

  // keepText=false keeps only keys and stories (benchmarks: the detector's cache holds features).
  constructor(private readonly keepText = true) {}

  // candidates counts shared keys per item within [from, to]; most shared first.
  candidates(keys: readonly number[], from: Date, to: Date, limit: number): StoryCandidate[] {
    const hits = new Map<number, number>();
    const times = new Map<number, number>();
    const lo = from.getTime();
    const hi = to.getTime();
    for (const key of keys) {
      const list = this.postings.get(key);
      if (list === undefined) continue;
      for (const p of list) if (p.time >= lo && p.time <= hi) {
          hits.set(p.itemId, (hits.get(p.itemId) ?? 0) + 1);
          times.set(p.itemId, p.time);
        }
    }
    return [...hits]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, limit)
      .map(([itemId, n]) => ({ itemId, storyId: this.stories.get(itemId) ?? itemId, published: new Date(times.get(itemId) ?? 0), hits: n }));
  }

  itemText(itemId: number): StoryItem | null {
    return this.texts.get(itemId) ?? null;
  }

  // add records an item's keys and story; postings older than `forgetBefore` are dropped on the way.
  add(item: StoryItem, storyId: number, keys: readonly number[], forgetBefore = -Infinity): void {
    const time = item.published.getTime();
    for (const key of keys) {
      let list = this.postings.get(key);
      if (list === undefined) this.postings.set(key, (list = []));
      if (list.length > 0 && (list[0] as Posting).time < forgetBefore) {
        const keep = list.findIndex((p) => p.time >= forgetBefore);
        list.splice(0, keep === -1 ? list.length : keep);
      }
      list.push({ itemId: item.id, time });
    }
    this.stories.set(item.id, storyId);
    if (this.keepText) this.texts.set(item.id, item);
  }

  storyOf(itemId: number): number | undefined {
    return this.stories.get(itemId);
  }
}
