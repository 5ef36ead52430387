// MinHash signatures and LSH band keys: candidates for a new item are the recent items sharing a
// band key, found in a band index instead of a comparison with every stored item.
import { fmix, marked } from './shingles.js';

export interface LshParams {
  /** Values in a signature (bands × rows). */
  readonly hashes: number;
  readonly bands: number;
  readonly rows: number;
}

const SEEDS = Array.from({ length: 256 }, (_, i) => fmix(0x9e3779b9 * (i + 1)));

// minhashSignature gives, for each of `hashes` seeded hash functions, the least hash over the
// shingles not marked in `skip` and marked in `within` (a shingleMask; null: all), or over all of
// them when no shingle is left.
export function minhashSignature(shingles: Uint32Array, hashes: number, skip?: Uint8Array, within: Uint8Array | null = null): Uint32Array {
  const sig = new Uint32Array(hashes).fill(0xffffffff);
  let kept = 0;
  for (let pass = 0; pass < 2 && kept === 0; pass++) {
    for (let j = 0; j < shingles.length; j++) {
      const s = shingles[j] as number;
      if (pass === 0 && (skip?.[j] === 1 || !marked(within, j))) continue;
      kept++;
      const h = fmix(fmix(s));
      for (let i = 0; i < hashes; i++) {
        const v = fmix(h ^ (SEEDS[i] as number));
        if (v < (sig[i] as number)) sig[i] = v;
      }
    }
  }
  return sig;
}

// bandKeys turns a signature into one key per band. The band number is hashed in, so bands do
// not collide, and keys stay under 2^30 (small integers the band index's Map holds unboxed).
export function bandKeys(sig: Uint32Array, { bands, rows }: LshParams): number[] {
  const keys: number[] = [];
  for (let b = 0; b < bands; b++) {
    let h = b + 1;
    for (let r = 0; r < rows; r++) h = fmix(h ^ fmix((sig[b * rows + r] as number) + r));
    keys.push(fmix(h ^ (SEEDS[b % SEEDS.length] as number)) >>> 2);
  }
  return keys;
}
