// A counter of uint32 keys in two typed arrays (open addressing, linear probing): the IDF window
// looks up every shingle of every item, and a Map with keys above 2^30 boxes each one.

const EMPTY = 0;

export class CountTable {
  private keys: Uint32Array;
  private counts: Int32Array;
  private shift: number;
  private used = 0;

  constructor(capacity = 1024) {
    const bits = Math.ceil(Math.log2(Math.max(16, capacity * 2)));
    this.keys = new Uint32Array(2 ** bits);
    this.counts = new Int32Array(2 ** bits);
    this.shift = 32 - bits;
  }

  // add changes the count of `key` by `delta` and returns the count it had before (keys whose
  // count falls to 0 are dropped at the next growth). Key 0 is reserved and always counts 0.
  add(key: number, delta: number): number {
    if (key === EMPTY) return 0;
    const mask = this.keys.length - 1;
    for (let i = this.slot(key); ; i = (i + 1) & mask) {
      const k = this.keys[i] as number;
      if (k === key) {
        const before = this.counts[i] as number;
        this.counts[i] = before + delta;
        return before;
      }
      if (k === EMPTY) {
        this.keys[i] = key;
        this.counts[i] = delta;
        if (++this.used * 2 > this.keys.length) this.rehash();
        return 0;
      }
    }
  }

  // slot is Fibonacci hashing: the top bits of key × 2^32/φ.
  private slot(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> this.shift;
  }

  // rehash copies the live keys into a table sized for them: twice as large, or the same size when
  // most used slots held keys counted down to 0.
  private rehash(): void {
    const keys = this.keys;
    const counts = this.counts;
    let live = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== EMPTY && counts[i] !== 0) live++;
    const bits = Math.ceil(Math.log2(Math.max(16, live * 4)));
    this.keys = new Uint32Array(2 ** bits);
    this.counts = new Int32Array(2 ** bits);
    this.shift = 32 - bits;
    this.used = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== EMPTY && counts[i] !== 0) this.add(keys[i] as number, counts[i] as number);
  }
}
