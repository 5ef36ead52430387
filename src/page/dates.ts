// Dates as Korean boards print them: found inside the cell's text, read in the source's zone.
// The feed parser has its own reader (parse/dates.ts); stages do not share code, and boards
// print shorter forms (12.01, 24-12-01) that a feed never does.
import { DateTime } from 'luxon';

export interface PageDate {
  readonly date: Date;
  /** The calendar day ('2024-12-01') when the page gave no time of day, else null. */
  readonly day: string | null;
}

export interface DateContext {
  /** IANA zone for dates without an offset (the source's timezone). */
  readonly zone: string;
  /** The time of this poll: the year of "12.01", the time first seen of a date-only value. */
  readonly now: Date;
}

interface Day {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** Where the date ends in the text: a time may follow. */
  readonly end: number;
}

// "2024-12-01T17:55:13+09:00", "2024-12-01T17:55" (a <time datetime>).
const ISO = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?/;
const KOREAN = /(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일/;
// 2024-12-01, 2024.12.01, 2024. 12. 1., 2024/12/01 and 24-12-01 (never inside a longer number).
const NUMERIC = /(?<![\d.])(\d{4}|\d{2})\s*([-./])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?![\d:])\.?/;
// 12.01, 12-01, 12/01: this year's date, when nothing longer is there.
const MONTH_DAY = /(?<![\d.:/-])(\d{1,2})\s*[-./]\s*(\d{1,2})(?![\d:]|\s*[-./]\s*\d)\.?/;
// 17:55, 17:55:13, 오후 5:55, 5:55 PM, 17시 55분.
const TIME = /(오전|오후|AM|PM)?\s*(\d{1,2})\s*(?::|시)\s*(\d{2})(?:\s*(?::|분)\s*(\d{2})?)?(?:\s*초)?(?:\s*(오전|오후|AM|PM))?/i;

// readPageDate reads a date with Luxon `format` tokens, or finds one of the Korean forms in `text`.
// A date after `now` (a wrong zone, a scheduled post) is taken as `now`, as the feed parser does.
export function readPageDate(text: string, format: string | null, ctx: DateContext): PageDate | null {
  const read = format === null ? readAuto(text, ctx) : readFormatted(text, format, ctx);
  if (read === null) return null;
  if (read.date.getTime() > ctx.now.getTime()) return { date: new Date(ctx.now.getTime()), day: read.day };
  return read;
}

// settleDay is when a date-only value happened: the time first seen if that falls on the same day
// (in the source's zone), else the start of that day. So today's list items sort by arrival and
// an old item read for the first time keeps its day.
export function settleDay(day: string, firstSeen: Date, zone: string): Date {
  const seen = DateTime.fromJSDate(firstSeen, { zone });
  if (seen.toISODate() === day) return firstSeen;
  return DateTime.fromISO(day, { zone }).startOf('day').toJSDate();
}

function readFormatted(text: string, format: string, ctx: DateContext): PageDate | null {
  const dt = DateTime.fromFormat(text.trim(), format, { zone: ctx.zone, locale: 'ko' });
  if (!dt.isValid) return null;
  // Tokens of the time of day (H, h, m, s, a) outside 'quoted literals' say the format has a time.
  const timed = /[Hhmsa]/.test(format.replace(/'[^']*'/g, ''));
  return timed ? { date: dt.toJSDate(), day: null } : dayOnly(dt, ctx);
}

function readAuto(text: string, ctx: DateContext): PageDate | null {
  const iso = ISO.exec(text);
  if (iso) {
    const dt = DateTime.fromISO(iso[0], { zone: ctx.zone });
    if (dt.isValid) return { date: dt.toJSDate(), day: null };
  }
  const found = findDay(text, ctx);
  if (found === null) return null;
  const base = DateTime.fromObject({ year: found.year, month: found.month, day: found.day }, { zone: ctx.zone });
  if (!base.isValid) return null;
  const time = TIME.exec(text.slice(found.end));
  if (time === null) return dayOnly(base, ctx);
  const hour = to24(Number(time[2]), time[1] ?? time[5]);
  const at = base.set({ hour, minute: Number(time[3]), second: Number(time[4] ?? 0) });
  return at.isValid && hour < 24 ? { date: at.toJSDate(), day: null } : dayOnly(base, ctx);
}

function findDay(text: string, ctx: DateContext): Day | null {
  const korean = KOREAN.exec(text);
  if (korean) return day(korean, Number(korean[1]), Number(korean[2]), Number(korean[3]));
  const numeric = NUMERIC.exec(text);
  if (numeric) {
    const year = Number(numeric[1]);
    return day(numeric, numeric[1]!.length === 2 ? 2000 + year : year, Number(numeric[3]), Number(numeric[4]));
  }
  const short = MONTH_DAY.exec(text);
  if (short === null) return null;
  // "12.01" is this year's; read in early January, a December date is last year's.
  const today = DateTime.fromJSDate(ctx.now, { zone: ctx.zone });
  const month = Number(short[1]);
  const date = Number(short[2]);
  const thisYear = DateTime.fromObject({ year: today.year, month, day: date }, { zone: ctx.zone });
  return day(short, thisYear.isValid && thisYear > today.endOf('day') ? today.year - 1 : today.year, month, date);
}

function day(match: RegExpExecArray, year: number, month: number, date: number): Day {
  return { year, month, day: date, end: match.index + match[0].length };
}

function dayOnly(dt: DateTime, ctx: DateContext): PageDate {
  const day = dt.toISODate() ?? '';
  return { date: settleDay(day, ctx.now, ctx.zone), day };
}

function to24(hour: number, meridiem: string | undefined): number {
  const m = meridiem?.toUpperCase();
  if (m === '오후' || m === 'PM') return (hour % 12) + 12;
  if (m === '오전' || m === 'AM') return hour % 12;
  return hour;
}
