// An in-memory band index with the store's semantics, for evaluation, benchmarks and tests.
import type { StoryCandidate, StoryIndexReader, StoryItem } from '../model.js';

interface Posting {
  readonly itemId: number;
  readonly time: number;
}

interface Entry {
  readonly itemId: number;
  readonly time: number;
  readonly keys: readonly number[];
}

export class MemoryStoryIndex implements StoryIndexReader {
  private readonly postings = new Map<number, Posting[]>();
  private readonly stories = new Map<number, number>();
  private readonly texts = new Map<number, StoryItem>();
  private readonly entries: Entry[] = [];
  private head = 0;

  // keepText=false keeps only keys and stories (benchmarks: the detector's cache holds features).
  constructor(private readonly keepText = true) {}

  // candidates counts shared keys per item within [from, to]; most shared first.
  candidates(keys: readonly number[], from: Date, to: Date, limit: number, minHits: number): StoryCandidate[] {
    const hits = new Map<number, number>();
    const times = new Map<number, number>();
    const lo = from.getTime();
    const hi = to.getTime();
    for (const key of keys) {
      const list = this.postings.get(key);
      if (list === undefined) continue;
      for (const p of list) {
        if (p.time < lo || p.time > hi) continue;
        hits.set(p.itemId, (hits.get(p.itemId) ?? 0) + 1);
        times.set(p.itemId, p.time);
      }
    }
    return [...hits]
      .filter(([, n]) => n >= minHits)
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, limit)
      .map(([itemId, n]) => ({ itemId, storyId: this.stories.get(itemId) ?? itemId, published: new Date(times.get(itemId) ?? 0), hits: n }));
  }

  itemText(itemId: number): StoryItem | null {
    return this.texts.get(itemId) ?? null;
  }

  // add records an item's keys and story, and forgets items published before `forgetBefore`
  // (added in time order), so memory and lookups stay bounded by the window, not the history.
  add(item: StoryItem, storyId: number, keys: readonly number[], forgetBefore = -Infinity): void {
    const time = item.published.getTime();
    for (const key of keys) {
      const list = this.postings.get(key);
      if (list === undefined) this.postings.set(key, [{ itemId: item.id, time }]);
      else list.push({ itemId: item.id, time });
    }
    this.stories.set(item.id, storyId);
    if (this.keepText) this.texts.set(item.id, item);
    this.entries.push({ itemId: item.id, time, keys });
    while (this.head < this.entries.length && (this.entries[this.head] as Entry).time < forgetBefore) this.forget(this.entries[this.head++] as Entry);
    if (this.head > 4096 && this.head * 2 > this.entries.length) {
      this.entries.splice(0, this.head);
      this.head = 0;
    }
  }

  private forget(entry: Entry): void {
    for (const key of entry.keys) {
      const list = this.postings.get(key);
      if (list === undefined) continue;
      const rest = list.filter((p) => p.itemId !== entry.itemId);
      if (rest.length === 0) this.postings.delete(key);
      else this.postings.set(key, rest);
    }
    this.stories.delete(entry.itemId);
    this.texts.delete(entry.itemId);
  }
}
