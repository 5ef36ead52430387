// The LSH band index story detection looks candidates up in, held in memory for the recent items
// only, each with what verification needs of it (its payload): a posting list per band key, in the
// order items were seen. Old items leave in that order, so memory and lookups are bounded by the
// window, not by the history in the database.
import { IntMap } from './int-map.js';

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
  /** Band keys every item has (one per band). */
  readonly keysPerItem: number;
}

/** Dates this far after the wall clock do not move the window (a feed dated in 2099 would empty it). */
const FUTURE_SLACK_MS = 86_400_000;

// Items are numbered in the order seen (`seq`) and live in a ring of maxItems + 1 slots (seq modulo
// the ring's size: live items never share a slot). Each slot holds its item's band keys, and for
// each key the entry (slot × width + position) of the item that had the key before it: a
// key's posting list is a chain from its newest entry (`heads`) back through older items, all in
// typed arrays (a Map of arrays cost about 40 bytes a posting, 640,000 of them). A chain ends at
// an entry whose slot now holds a newer item or a forgotten one.
// A lookup counts hits in typed arrays indexed by slot: it walks up to 32 keys × 64 postings
// (about 1,670 on the ingest bench) and finds hundreds of items, of which only those that can be
// among the kept candidates become objects and are sorted (issue 11).
export class BandIndex<T> {
  private readonly ring: number;
  /** Entries a slot has: keysPerItem rounded up to a power of two, so an entry's slot is a shift. */
  private readonly shift: number;
  private readonly width: number;
  private readonly payloads: (T | undefined)[];
  private readonly itemIds: Float64Array;
  private readonly times: Float64Array;
  private readonly seqs: Float64Array;
  private readonly keys: Uint32Array;
  private readonly older: Int32Array;
  /** Per band key, its newest entry. */
  private readonly heads = new IntMap();
  /** Which lookup last counted a slot, and the keys it shared then. */
  private readonly stamps: Int32Array;
  private readonly hits: Int32Array;
  /** Items per hit count, for one lookup. */
  private perCount = new Int32Array(0);
  /** The slots one lookup found, kept for the next (an array grown per lookup was 15 KB of garbage each). */
  private found = new Int32Array(0);
  /** The oldest kept item's seq, and the next item's. */
  private first = 0;
  private next = 0;
  private lookups = 0;
  private newest = -Infinity;

  constructor(private readonly limits: BandIndexLimits) {
    this.ring = limits.maxItems + 1;
    this.shift = Math.ceil(Math.log2(Math.max(1, limits.keysPerItem)));
    this.width = 2 ** this.shift;
    this.payloads = new Array<T | undefined>(this.ring).fill(undefined);
    this.itemIds = new Float64Array(this.ring);
    this.times = new Float64Array(this.ring);
    this.seqs = new Float64Array(this.ring).fill(-1);
    this.keys = new Uint32Array(this.ring * this.width);
    this.older = new Int32Array(this.ring * this.width);
    this.stamps = new Int32Array(this.ring);
    this.hits = new Int32Array(this.ring);
  }

  get size(): number {
    return this.next - this.first;
  }

  // candidates counts shared keys per item published within [from, to]; most shared first.
  candidates(keys: readonly number[], from: number, to: number, limit: number, minHits: number): BandCandidate<T>[] {
    const lookup = this.nextLookup();
    const { times, stamps, hits, seqs, older, shift, first } = this;
    if (this.found.length < keys.length * this.limits.scanPerKey) this.found = new Int32Array(keys.length * this.limits.scanPerKey);
    const found = this.found;
    let count = 0;
    for (const key of keys) {
      let entry = this.heads.get(key);
      for (let scanned = 0; entry >= 0 && scanned < this.limits.scanPerKey; scanned++) {
        const slot = entry >> shift;
        const time = times[slot] as number;
        if (time >= from && time <= to) {
          if (stamps[slot] !== lookup) {
            stamps[slot] = lookup;
            hits[slot] = 0;
            found[count++] = slot;
          }
          hits[slot] = (hits[slot] as number) + 1;
        }
        // One step down the chain: it ends where the older item was forgotten, or its slot reused by a newer one.
        const before = older[entry] as number;
        const beforeSeq = before < 0 ? -1 : (seqs[before >> shift] as number);
        entry = beforeSeq >= first && beforeSeq <= (seqs[slot] as number) ? before : -1;
      }
    }
    return this.best(found.subarray(0, count), keys.length, limit, minHits);
  }

  // best picks the `limit` found slots sharing the most keys (ties: lowest item id). Hundreds of
  // items share a key or two with any item; only those at or above the hit count that fills the
  // limit are made candidates and sorted.
  private best(found: Int32Array, most: number, limit: number, minHits: number): BandCandidate<T>[] {
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
      out.push({ itemId: this.itemIds[slot] as number, time: this.times[slot] as number, hits: shared, payload: this.payloads[slot] as T });
    }
    return out.sort((a, b) => b.hits - a.hits || a.itemId - b.itemId).slice(0, limit);
  }

  // add records an item's band keys and payload, then forgets what the limits no longer keep.
  add(itemId: number, time: number, keys: readonly number[], payload: T): void {
    if (keys.length !== this.limits.keysPerItem) throw new Error(`stories: ${keys.length} band keys given; the index takes ${this.limits.keysPerItem} an item`);
    const seq = this.next++;
    const slot = seq % this.ring;
    this.payloads[slot] = payload;
    this.itemIds[slot] = itemId;
    this.times[slot] = time;
    this.seqs[slot] = seq;
    this.stamps[slot] = 0;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as number;
      const entry = slot * this.width + i;
      this.keys[entry] = key;
      this.older[entry] = this.heads.get(key);
      this.heads.set(key, entry);
    }
    this.newest = Math.max(this.newest, Math.min(time, Date.now() + FUTURE_SLACK_MS));
    const before = this.newest - this.limits.keepMs;
    while (this.size > 0 && (this.size > this.limits.maxItems || (this.times[this.first % this.ring] as number) < before)) {
      this.forget(this.first++);
    }
  }

  // forget drops the oldest item: a key whose newest entry is the item's has no other item left.
  private forget(seq: number): void {
    const slot = seq % this.ring;
    this.payloads[slot] = undefined;
    for (let entry = slot * this.width; entry < slot * this.width + this.limits.keysPerItem; entry++) {
      const key = this.keys[entry] as number;
      if (this.heads.get(key) === entry) this.heads.delete(key);
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
