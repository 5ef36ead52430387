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
  readonly keys: readonly number[];
  readonly payload: T;
}

/** Dates this far after the wall clock do not move the window (a feed dated in 2099 would empty it). */
const FUTURE_SLACK_MS = 86_400_000;

// Items are numbered in the order seen (`seq`) and live in a ring of slots, seq modulo the ring's
// size (a power of two, at least maxItems + 1: live items never share a slot). A posting list
// holds seqs, and a lookup counts hits in typed arrays indexed by slot: it walks up to 32 keys ×
// 64 postings (about 1,670 on the ingest bench) and finds hundreds of items, of which only those
// that can be among the kept candidates become objects and are sorted (issue 11).
export class BandIndex<T> {
  /** Per band key, the seqs of the items having it, oldest first; a key only one item has holds its seq alone. */
  private readonly postings = new Map<number, number | number[]>();
  private readonly slots: (Entry<T> | undefined)[];
  private readonly times: Float64Array;
  /** Which lookup last counted a slot, and the keys it shared then. */
  private readonly stamps: Int32Array;
  private readonly hits: Int32Array;
  private readonly mask: number;
  /** Items per hit count, for one lookup. */
  private perCount = new Int32Array(0);
  /** The oldest kept item's seq, and the next item's. */
  private first = 0;
  private next = 0;
  private lookups = 0;
  private newest = -Infinity;

  constructor(private readonly limits: BandIndexLimits) {
    const ring = 2 ** Math.ceil(Math.log2(limits.maxItems + 1));
    this.mask = ring - 1;
    this.slots = new Array<Entry<T> | undefined>(ring).fill(undefined);
    this.times = new Float64Array(ring);
    this.stamps = new Int32Array(ring);
    this.hits = new Int32Array(ring);
  }

  get size(): number {
    return this.next - this.first;
  }

  // candidates counts shared keys per item published within [from, to]; most shared first.
  candidates(keys: readonly number[], from: number, to: number, limit: number, minHits: number): BandCandidate<T>[] {
    const lookup = this.nextLookup();
    const { times, stamps, hits, mask } = this;
    const found: number[] = [];
    const count = (seq: number): void => {
      const slot = seq & mask;
      const time = times[slot] as number;
      if (time < from || time > to) return;
      if (stamps[slot] !== lookup) {
        stamps[slot] = lookup;
        hits[slot] = 0;
        found.push(slot);
      }
      hits[slot] = (hits[slot] as number) + 1;
    };
    for (const key of keys) {
      const list = this.postings.get(key);
      if (list === undefined) continue;
      if (typeof list === 'number') {
        count(list);
        continue;
      }
      const stop = Math.max(0, list.length - this.limits.scanPerKey);
      for (let i = list.length - 1; i >= stop; i--) count(list[i] as number);
    }
    return this.best(found, keys.length, limit, minHits);
  }

  // best picks the `limit` found slots sharing the most keys (ties: lowest item id). Hundreds of
  // items share a key or two with any item; only those at or above the hit count that fills the
  // limit are made candidates and sorted.
  private best(found: readonly number[], most: number, limit: number, minHits: number): BandCandidate<T>[] {
    const hits = this.hits;
    if (this.perCount.length <= most) this.perCount = new Int32Array(most + 1);
    const perCount = this.perCount.fill(0, 0, most + 1);
    for (const slot of found) {
      const shared = Math.min(most, hits[slot] as number);
      perCount[shared] = (perCount[shared] as number) + 1;
    }
    let cut = most + 1;
    for (let taken = 0; cut > minHits && taken < limit; ) taken += perCount[--cut] as number;
    const out: BandCandidate<T>[] = [];
    for (const slot of found) {
      const shared = hits[slot] as number;
      if (shared < cut) continue;
      const entry = this.slots[slot] as Entry<T>;
      out.push({ itemId: entry.itemId, time: this.times[slot] as number, hits: shared, payload: entry.payload });
    }
    return out.sort((a, b) => b.hits - a.hits || a.itemId - b.itemId).slice(0, limit);
  }

  // add records an item's band keys and payload, then forgets what the limits no longer keep.
  add(itemId: number, time: number, keys: readonly number[], payload: T): void {
    const seq = this.next++;
    const slot = seq & this.mask;
    this.slots[slot] = { itemId, keys, payload };
    this.times[slot] = time;
    this.stamps[slot] = 0;
    for (const key of keys) {
      const list = this.postings.get(key);
      if (list === undefined) this.postings.set(key, seq);
      else if (typeof list === 'number') this.postings.set(key, [list, seq]);
      else list.push(seq);
    }
    this.newest = Math.max(this.newest, Math.min(time, Date.now() + FUTURE_SLACK_MS));
    const before = this.newest - this.limits.keepMs;
    while (this.size > 0 && (this.size > this.limits.maxItems || (this.times[this.first & this.mask] as number) < before)) {
      this.forget(this.first++);
    }
  }

  // forget drops the oldest item, which is first in each of its keys' posting lists (shift()
  // trims an array's start in place, so a long list does not keep what it dropped).
  private forget(seq: number): void {
    const slot = seq & this.mask;
    const entry = this.slots[slot] as Entry<T>;
    this.slots[slot] = undefined;
    for (const key of entry.keys) {
      const list = this.postings.get(key);
      if (list === seq) this.postings.delete(key);
      else if (typeof list === 'object' && list[0] === seq) {
        list.shift();
        if (list.length === 1) this.postings.set(key, list[0] as number);
      }
    }
  }

  // nextLookup numbers lookups; after 2^31 of them the stamps start over.
  private nextLookup(): number {
    if (this.lookups === 0x7fffffff) {
      this.stamps.fill(0);
      this.lookups = 0;
    }
    return ++this.lookups;
  }
}
