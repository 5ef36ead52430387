// Sizes use binary multiples (1KB = 1024 bytes), as most HTTP and file tooling does;
// "KiB"/"MiB" are accepted as the same thing for people who write them that way.
const SIZE = /^(\d+(?:\.\d+)?)\s*(b|kb|kib|mb|mib|gb|gib)?$/i;

const MULTIPLIER: Record<string, number> = {
  b: 1,
  kb: 1024,
  kib: 1024,
  mb: 1024 ** 2,
  mib: 1024 ** 2,
  gb: 1024 ** 3,
  gib: 1024 ** 3,
};

// parseByteSize reads 512KB, 10MB or a plain byte count into bytes, or null when it is not a size.
export function parseByteSize(text: string | number): number | null {
  if (typeof text === 'number') {
    return Number.isSafeInteger(text) && text >= 0 ? text : null;
  }
  const match = SIZE.exec(text.trim());
  if (!match) return null;
  const unit = (match[2] ?? 'b').toLowerCase();
  const bytes = Math.floor(Number(match[1]) * (MULTIPLIER[unit] ?? 1));
  return Number.isSafeInteger(bytes) ? bytes : null;
}
