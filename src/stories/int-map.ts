// A map of uint32 keys (all but 2^32 - 1) to int32 values in two typed arrays
// (open addressing, linear probing, deletion by backward shift): the band index keeps one entry
// per live band key, hundreds of thousands of them, where a Map costs about 30 bytes an entry.

const EMPTY = 0;
const MIN_BITS = 10;

export class IntMap {
  /** key + 1 per slot, EMPTY where the slot is free. */
  private keys: Uint32Array;
  private values: Int32Array;
  private shift: number;
  private used = 0;

  constructor() {
    this.keys = new Uint32Array(1 << MIN_BITS);
    this.values = new Int32Array(1 << MIN_BITS);
    this.shift = 32 - MIN_BITS;
  }

  get size(): number {
    return this.used;
  }

  // get gives the value of `key`, or -1 when it has none.
  get(key: number): number {
    const slot = this.find(key);
    return slot < 0 ? -1 : (this.values[slot] as number);
  }

  set(key: number, value: number): void {
    const slot = this.find(key);
    if (slot >= 0) {
      this.values[slot] = value;
      return;
    }
    if ((this.used + 1) * 3 > this.keys.length * 2) this.resize(this.keys.length * 2);
    const mask = this.keys.length - 1;
    let i = this.home(key);
    while (this.keys[i] !== EMPTY) i = (i + 1) & mask;
    this.keys[i] = key + 1;
    this.values[i] = value;
    this.used++;
  }

  // delete removes `key`, then moves each entry of the run after it that may no longer be reached
  // from its home slot into the gap, so lookups never meet a hole before their key.
  delete(key: number): void {
    let gap = this.find(key);
    if (gap < 0) return;
    const { keys, values } = this;
    const mask = keys.length - 1;
    for (let j = (gap + 1) & mask; keys[j] !== EMPTY; j = (j + 1) & mask) {
      const home = this.home((keys[j] as number) - 1);
      // The entry at j stays when its home lies cyclically in (gap, j].
      if (gap <= j ? gap < home && home <= j : gap < home || home <= j) continue;
      keys[gap] = keys[j] as number;
      values[gap] = values[j] as number;
      gap = j;
    }
    keys[gap] = EMPTY;
    this.used--;
    if (this.used * 8 < keys.length && keys.length > 1 << MIN_BITS) this.resize(keys.length / 2);
  }

  private find(key: number): number {
    const mask = this.keys.length - 1;
    for (let i = this.home(key); ; i = (i + 1) & mask) {
      const k = this.keys[i] as number;
      if (k === key + 1) return i;
      if (k === EMPTY) return -1;
    }
  }

  // home is Fibonacci hashing: the top bits of key × 2^32/φ.
  private home(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> this.shift;
  }

  private resize(length: number): void {
    const { keys, values } = this;
    this.keys = new Uint32Array(length);
    this.values = new Int32Array(length);
    this.shift = 32 - Math.log2(length);
    this.used = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== EMPTY) this.set((keys[i] as number) - 1, values[i] as number);
  }
}
