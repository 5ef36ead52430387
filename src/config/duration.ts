// Durations are written the way people say them: 90s, 15m, 1h30m, 1d. Units must come
// largest first and each at most once, so "30m1h" is refused rather than guessed at.
const DURATION = /^(?:(\d+)\s*d)?\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m)?\s*(?:(\d+)\s*s)?$/i;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// parseDuration turns "1h30m"-style text into milliseconds, or null when it is not a duration.
export function parseDuration(text: string): number | null {
  const match = DURATION.exec(text.trim());
  if (!match || match.slice(1).every((part) => part === undefined)) return null;
  const [, d, h, m, s] = match.map((part) => (part === undefined ? 0 : Number(part)));
  const ms = (d ?? 0) * DAY + (h ?? 0) * HOUR + (m ?? 0) * MINUTE + (s ?? 0) * SECOND;
  return Number.isSafeInteger(ms) ? ms : null;
}

// formatDuration writes milliseconds back in the config's own notation, for messages.
export function formatDuration(ms: number): string {
  const parts: string[] = [];
  let rest = Math.round(ms / SECOND);
  for (const [unit, size] of [['d', 86400], ['h', 3600], ['m', 60], ['s', 1]] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  return parts.length > 0 ? parts.join('') : '0s';
}
