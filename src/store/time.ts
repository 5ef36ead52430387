// Times are stored as ISO-8601 UTC text with milliseconds (see migrations.ts).

// iso writes a Date the way every time column holds it: '2024-12-01T08:55:13.000Z'.
export function iso(date: Date): string {
  return date.toISOString();
}

// isoOrNull writes an optional Date.
export function isoOrNull(date: Date | null | undefined): string | null {
  return date === null || date === undefined ? null : date.toISOString();
}

// dateOrNull reads an optional time column.
export function dateOrNull(text: string | null): Date | null {
  return text === null ? null : new Date(text);
}
