// A counter of uint32 keys in two typed arrays (open addressing, linear probing): the IDF window
// looks up every shingle of every item, and a Map with keys above 2^30 boxes each one. The window
// of 20,000 items can hold a million distinct shingles, so the table is kept between a quarter and
// 70 % full: at most a quarter full, it took 64 MB for that, and 96 MB while it grew (issue 11).
// Counts are 16-bit: no shingle is in more than MAX_COUNT items of a window.

const EMPTY = 0;
export const MAX_COUNT = 0xffff;

export class CountTable {
  private keys: Uint32Array;
  private counts: Uint16Array;
  private shift: number;
  private used = 0;

  constructor(capacity = 1024) {
    const bits = Math.ceil(Math.log2(Math.max(16, capacity * 2)));
    this.keys = new Uint32Array(2 ** bits);
    this.counts = new Uint16Array(2 ** bits);
    this.shift = 32 - bits;
  }

  // add changes the count of `key` by `delta` and returns the count it had before (keys whose
  // count falls to 0 are dropped at the next growth). Key 0 is reserved and always counts 0. A
  // count stays within 0..MAX_COUNT.
  add(key: number, delta: number): number {
    if (key === EMPTY) return 0;
    const mask = this.keys.length - 1;
    for (let i = this.slot(key); ; i = (i + 1) & mask) {
      const k = this.keys[i] as number;
      if (k === key) {
        const before = this.counts[i] as number;
        this.counts[i] = inRange(before + delta);
        return before;
      }
      if (k === EMPTY) {
        this.keys[i] = key;
        this.counts[i] = inRange(delta);
        if (++this.used * 10 > this.keys.length * 7) this.rehash();
        return 0;
      }
    }
  }

  // slot is Fibonacci hashing: the top bits of key × 2^32/φ.
  private slot(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> this.shift;
  }

  // rehash copies the live keys into a table at most half full by them: twice as large, or the
  // same size when many used slots held keys counted down to 0.
  private rehash(): void {
    const keys = this.keys;
    const counts = this.counts;
    let live = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== EMPTY && counts[i] !== 0) live++;
    const bits = Math.ceil(Math.log2(Math.max(16, live * 2)));
    this.keys = new Uint32Array(2 ** bits);
    this.counts = new Uint16Array(2 ** bits);
    this.shift = 32 - bits;
    this.used = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== EMPTY && counts[i] !== 0) this.add(keys[i] as number, counts[i] as number);
  }
}

function inRange(count: number): number {
  if (count < 0 || count > MAX_COUNT) throw new RangeError(`stories: a shingle count of ${count} is outside 0..${MAX_COUNT}`);
  return count;
}
