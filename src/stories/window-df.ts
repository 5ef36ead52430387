// Document frequencies of shingles among recent items, so that template boilerplate an agency
// repeats in every release weighs little next to the shingles only one story has (IDF).

export class WindowDf {
  private readonly counts = new Map<number, number>();
  private readonly entries: { time: number; shingles: Set<number> }[] = [];
  private head = 0;
  private newest = -Infinity;

  // spanMs is how far behind the newest item an item is forgotten.
  constructor(private readonly spanMs: number) {}

  // add counts an item's shingles and forgets items older than the span.
  add(shingles: Set<number>, time: number): void {
    for (const s of shingles) this.counts.set(s, (this.counts.get(s) ?? 0) + 1);
    this.entries.push({ time, shingles });
    this.newest = Math.max(this.newest, time);
    while (this.head < this.entries.length && (this.entries[this.head] as { time: number }).time < this.newest - this.spanMs) {
      for (const s of (this.entries[this.head] as { shingles: Set<number> }).shingles) {
        const n = (this.counts.get(s) ?? 1) - 1;
        if (n <= 0) this.counts.delete(s);
        else this.counts.set(s, n);
      }
      this.entries[this.head] = { time: 0, shingles: new Set() };
      this.head++;
    }
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries.splice(0, this.head);
      this.head = 0;
    }
  }

  // common is true for a shingle in more than `share` of at least `minItems` recent items.
  common(shingle: number, share: number, minItems: number): boolean {
    const n = this.entries.length - this.head;
    return n >= minItems && (this.counts.get(shingle) ?? 0) > share * n;
  }

  // weight is a smoothed IDF in (0, 1]: 1 for a shingle no other item has, near 0 for one every item has.
  weight(shingle: number): number {
    const n = this.entries.length - this.head;
    if (n < 2) return 1;
    const df = this.counts.get(shingle) ?? 0;
    return Math.log((n + 1) / (df + 1)) / Math.log(n + 1) || 0.01;
  }
}
