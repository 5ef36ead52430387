// Document frequencies of shingles among recent items, so that template boilerplate an agency
// repeats in every release weighs little next to the shingles only one story has (IDF).
// "Recent" is the last `maxItems` items seen, in blocks: the oldest block's items are subtracted
// when it leaves. A shingle is looked up once per item: its count is read and raised together.
import { blockUint8 } from './blocks.js';
import { CountTable, MAX_COUNT } from './count-table.js';

const BLOCKS = 8;

/** A weight of 1 (see ShingleWeights): weights are kept as 8-bit integers, the detector holds
 * 20,000 items' of them (a 16-bit weight left eval:stories and its wrong pairs identical too). */
export const WEIGHT_ONE = 0xff;

/** An item's shingles as the window saw them before counting the item in, index for index. */
export interface ShingleWeights {
  /** Smoothed IDF in (0, 1], in units of 1 / WEIGHT_ONE: WEIGHT_ONE for a shingle no other item
   * has, near 0 (never 0) for one every item has. */
  readonly weights: Uint8Array;
  /** Sum of the weights. */
  readonly total: number;
  /** 1 where the shingle is common (see countIn); valid until the next countIn. */
  readonly common: Uint8Array;
}

export class WindowDf {
  private readonly total = new CountTable(1 << 16);
  /** Each block's items' shingle arrays (the same arrays the items' features hold). */
  private readonly blocks: Uint32Array[][] = [[]];
  private readonly blockSize: number;
  /** logs[k] = ln(k + 1) for every count the window can hold: the IDF of a shingle is a lookup. */
  private readonly logs: Float64Array;
  private items = 0;
  private commonScratch = new Uint8Array(4096);

  // maxItems is how many recent items the frequencies are counted over (at least that many once full).
  constructor(maxItems: number) {
    this.blockSize = Math.max(1, Math.ceil(maxItems / BLOCKS));
    // A shingle's count is at most the items the window holds, and counts are 16-bit.
    if ((BLOCKS + 1) * this.blockSize > MAX_COUNT) throw new RangeError(`stories: an IDF window of ${maxItems} items is more than the ${MAX_COUNT} a count can hold`);
    this.logs = Float64Array.from({ length: (BLOCKS + 1) * this.blockSize + 2 }, (_, k) => Math.log(k + 1));
  }

  // countIn weighs an item's distinct shingles by the window as it was, then counts them in. A
  // shingle is common when more than `commonShare` of the window has it, once the window holds at
  // least `commonMinItems` items.
  countIn(shingles: Uint32Array, commonShare: number, commonMinItems: number): ShingleWeights {
    const n = this.items;
    const weights = blockUint8(shingles.length);
    if (this.commonScratch.length < shingles.length) this.commonScratch = new Uint8Array(shingles.length * 2);
    const common = this.commonScratch.subarray(0, shingles.length).fill(0);
    const logs = this.logs;
    const top = logs[n] as number;
    const commonAbove = n >= commonMinItems ? commonShare * n : Infinity;
    let total = 0;
    for (let i = 0; i < shingles.length; i++) {
      const count = this.total.add(shingles[i] as number, 1);
      const w = n < 2 ? 1 : (top - (logs[count] as number)) / top || 0.01;
      weights[i] = Math.max(1, Math.round(w * WEIGHT_ONE));
      total += weights[i] as number;
      if (count > commonAbove) common[i] = 1;
    }
    this.keep(shingles);
    return { weights, total, common };
  }

  // keep files the item in the newest block, and forgets the oldest block once the window is full.
  private keep(shingles: Uint32Array): void {
    let block = this.blocks[this.blocks.length - 1] as Uint32Array[];
    if (block.length >= this.blockSize) {
      block = [];
      this.blocks.push(block);
      if (this.blocks.length > BLOCKS + 1) {
        const old = this.blocks.shift() as Uint32Array[];
        for (const item of old) for (let i = 0; i < item.length; i++) this.total.add(item[i] as number, -1);
        this.items -= old.length;
      }
    }
    block.push(shingles);
    this.items++;
  }
}
