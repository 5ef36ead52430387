// Small formatting helpers for human-readable command output.
import { DateTime } from 'luxon';

// localTime shows an instant in the configured zone, e.g. "2024-12-01 17:55".
export function localTime(date: Date | string | null, zone: string): string {
  if (date === null) return '-';
  const d = typeof date === 'string' ? new Date(date) : date;
  return DateTime.fromJSDate(d).setZone(zone).toFormat('yyyy-LL-dd HH:mm');
}

// table aligns rows of cells into columns; the first row is the header.
export function table(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))));
  return rows
    .map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : pad(cell, widths[i] ?? 0))).join('  '))
    .join('\n');
}

// displayWidth counts Hangul and other wide characters as two terminal columns.
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(ch) ? 2 : 1;
  return width;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}
