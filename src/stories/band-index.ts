// The LSH band index story detection looks candidates up in, held in memory for the recent items
// only, each with what verification needs of it (its payload): a posting list per band key, in the
// order items were seen. Old items leave in that order, so memory and lookups are bounded by the
// window, not by the history in the database.

export interface BandCandidate<T> {
  readonly itemId: number;
  /** Published, ms since the epoch. */
  readonly time: number;
  /** How many of the new item's band keys it shares. */
  readonly hits: number;
  readonly payload: T;
}

export interface BandIndexLimits {
  /** Items published this long before the newest one seen are forgotten. */
  readonly keepMs: number;
  /** At most this many items are kept (the oldest seen leave first). */
  readonly maxItems: number;
  /** A band key shared by more items than this is looked at through its most recent ones only. */
  readonly scanPerKey: number;
}

interface Entry<T> {
  readonly itemId: number;
  readonly time: number;
  readonly keys: readonly number[];
  readonly payload: T;
  /** Which lookup last counted this entry, and the keys it shared then (no Map per lookup). */
  lookup: number;
  hits: number;
}

/** Dates this far after the wall clock do not move the window (a feed dated in 2099 would empty it). */
const FUTURE_SLACK_MS = 86_400_000;

export class BandIndex<T> {
  /** Per band key, the entries having it, oldest first. */
  private readonly postings = new Map<number, Entry<T>[]>();
  /** Items in the order seen; slots before `head` are emptied as they are forgotten. */
  private readonly entries: (Entry<T> | undefined)[] = [];
  private head = 0;
  private lookups = 0;
  private newest = -Infinity;

  constructor(private readonly limits: BandIndexLimits) {}

  get size(): number {
    return this.entries.length - this.head;
  }

  // candidates counts shared keys per item published within [from, to]; most shared first.
  candidates(keys: readonly number[], from: number, to: number, limit: number, minHits: number): BandCandidate<T>[] {
    const lookup = ++this.lookups;
    const found: Entry<T>[] = [];
    for (const key of keys) {
      const list = this.postings.get(key);
      if (list === undefined) continue;
      const stop = Math.max(0, list.length - this.limits.scanPerKey);
      for (let i = list.length - 1; i >= stop; i--) {
        const e = list[i] as Entry<T>;
        if (e.time < from || e.time > to) continue;
        if (e.lookup !== lookup) {
          e.lookup = lookup;
          e.hits = 0;
          found.push(e);
        }
        e.hits++;
      }
    }
    return found
      .filter((e) => e.hits >= minHits)
      .sort((a, b) => b.hits - a.hits || a.itemId - b.itemId)
      .slice(0, limit)
      .map((e) => ({ itemId: e.itemId, time: e.time, hits: e.hits, payload: e.payload }));
  }

  // add records an item's band keys and payload, then forgets what the limits no longer keep.
  add(itemId: number, time: number, keys: readonly number[], payload: T): void {
    const entry: Entry<T> = { itemId, time, keys, payload, lookup: 0, hits: 0 };
    for (const key of keys) {
      const list = this.postings.get(key);
      if (list === undefined) this.postings.set(key, [entry]);
      else list.push(entry);
    }
    this.entries.push(entry);
    this.newest = Math.max(this.newest, Math.min(time, Date.now() + FUTURE_SLACK_MS));
    const before = this.newest - this.limits.keepMs;
    while (this.head < this.entries.length && (this.size > this.limits.maxItems || (this.entries[this.head] as Entry<T>).time < before)) {
      this.forget(this.entries[this.head] as Entry<T>);
      this.entries[this.head++] = undefined;
    }
    if (this.head > 4096 && this.head * 2 > this.entries.length) {
      this.entries.splice(0, this.head);
      this.head = 0;
    }
  }

  // forget drops the oldest entry, which is first in each of its keys' posting lists (shift()
  // trims an array's start in place, so a long list does not keep what it dropped).
  private forget(entry: Entry<T>): void {
    for (const key of entry.keys) {
      const list = this.postings.get(key);
      if (list === undefined || list[0] !== entry) continue;
      if (list.length === 1) this.postings.delete(key);
      else list.shift();
    }
  }
}
