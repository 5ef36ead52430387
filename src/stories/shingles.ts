// Character shingles over normalised text: Korean has no reliable word boundaries once outlets
// re-space a sentence, so overlapping syllable n-grams (spaces and punctuation dropped) are compared.

/** Syllables per shingle. Measured on the evaluation set (same precision 1.000 for all three):
 * 2 → recall 0.961, 3 → 0.940, 4 → 0.927; a Korean word stem is often two syllables, and a
 * rewrite that re-inflects a verb keeps its 2-grams. */
export const SHINGLE_SIZE = 2;

// shingleSet gives the distinct n-grams of `normalized` as exact numbers (three UTF-16 units fit in 48 bits).
export function shingleSet(normalized: string, size = SHINGLE_SIZE): Set<number> {
  const chars = normalized.replace(/[^\p{L}\p{N}]/gu, '');
  const out = new Set<number>();
  if (chars.length < size) {
    if (chars.length > 0) out.add(code(chars, 0, chars.length));
    return out;
  }
  for (let i = 0; i + size <= chars.length; i++) out.add(code(chars, i, size));
  return out;
}

function code(s: string, from: number, size: number): number {
  let v = 0;
  for (let i = 0; i < size; i++) v = v * 65536 + s.charCodeAt(from + i);
  return v;
}

// hash32 folds a shingle number into 32 bits (murmur3 finaliser over both halves).
export function hash32(v: number): number {
  return fmix(Math.floor(v / 4294967296) ^ fmix(v >>> 0));
}

// fmix is murmur3's finaliser: every input bit affects every output bit.
export function fmix(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
