// MinHash signatures and LSH band keys: candidates for a new item are the stored items sharing a
// band key, found by an indexed lookup instead of a comparison with every stored item.
import { fmix, hash32 } from './shingles.js';

export interface LshParams {
  /** Values in a signature (bands × rows). */
  readonly hashes: number;
  readonly bands: number;
  readonly rows: number;
}

const SEEDS = Array.from({ length: 256 }, (_, i) => fmix(0x9e3779b9 * (i + 1)));

// minhashSignature gives, for each of `hashes` seeded hash functions, the least hash over the shingles.
export function minhashSignature(shingles: Iterable<number>, hashes: number): Uint32Array {
  const sig = new Uint32Array(hashes).fill(0xffffffff);
  for (const s of shingles) {
    const h = hash32(s);
    for (let i = 0; i < hashes; i++) {
      const v = fmix(h ^ (SEEDS[i] as number));
      if (v < (sig[i] as number)) sig[i] = v;
    }
  }
  return sig;
}

// bandKeys turns a signature into one key per band (band number in the high bits, so bands never collide).
export function bandKeys(sig: Uint32Array, { bands, rows }: LshParams): number[] {
  const keys: number[] = [];
  for (let b = 0; b < bands; b++) {
    let h = b + 1;
    for (let r = 0; r < rows; r++) h = fmix(h ^ fmix((sig[b * rows + r] as number) + r));
    keys.push(b * 4294967296 + h);
  }
  return keys;
}
