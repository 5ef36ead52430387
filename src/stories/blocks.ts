// The typed arrays of the items story detection holds (20,000 of them, three arrays each) are cut
// from shared blocks instead of being one allocation each: an ArrayBuffer of its own costs about
// 200 bytes beside its data, in V8 and in malloc, and scatters the process's memory. Items leave
// the band index and the IDF window in the order they came, so a block is collected once the last
// item cut from it has left; an array too large for a block gets its own buffer.

const BLOCK_BYTES = 256 * 1024;
const LARGE_BYTES = BLOCK_BYTES / 8;

let block = new ArrayBuffer(BLOCK_BYTES);
let used = 0;

// cut gives `bytes` of zeroed memory from the current block, starting a new one when it is full.
// Every cut starts at a multiple of 4 bytes, where a Uint32Array may start.
function cut(bytes: number): { buffer: ArrayBuffer; offset: number } {
  if (bytes > LARGE_BYTES) return { buffer: new ArrayBuffer(bytes), offset: 0 };
  bytes = (bytes + 3) & ~3;
  if (used + bytes > BLOCK_BYTES) {
    block = new ArrayBuffer(BLOCK_BYTES);
    used = 0;
  }
  const offset = used;
  used += bytes;
  return { buffer: block, offset };
}

export function blockUint32(length: number): Uint32Array {
  const { buffer, offset } = cut(length * 4);
  return new Uint32Array(buffer, offset, length);
}

export function blockUint8(length: number): Uint8Array {
  const { buffer, offset } = cut(length);
  return new Uint8Array(buffer, offset, length);
}
