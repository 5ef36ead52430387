// Date parsing for feed timestamps: RFC 822 and its real-world variants, ISO 8601 / W3C-DTF,
// zone-less local times and Korean formats. Never uses Date.parse, whose handling of zone-less
// strings depends on the machine's zone.
import { DateTime, type Zone } from 'luxon';
import { cachedZone } from './cached-zone.js';

const DEFAULT_ZONE = 'Asia/Seoul';

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

// Offsets in minutes for the named zones RFC 822 allows, plus common Asian ones seen in feeds.
const NAMED_ZONES: Record<string, number> = {
  ut: 0, utc: 0, gmt: 0, z: 0,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
  kst: 540, jst: 540, hkt: 480, sgt: 480, cet: 60, cest: 120, bst: 60,
};

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** Minutes east of UTC, or null when the string has no zone. */
  offset: number | null;
}

// parseDate reads a feed date; strings without a zone are read in `timezone`. Unparseable gives null.
export function parseDate(raw: string, timezone: string): Date | null {
  const text = raw.replace(/\s+/g, ' ').trim();
  if (text === '') return null;
  const fields = readIso(text) ?? readRfc822(text) ?? readKorean(text) ?? readDotted(text);
  return fields === null ? null : toDate(fields, timezone);
}

function toDate(f: Fields, timezone: string): Date | null {
  // Leap seconds (":60") and "24:00" are legal in the specs but not in luxon.
  const second = Math.min(f.second, 59);
  const endOfDay = f.hour === 24 && f.minute === 0 && second === 0;
  const parts = { year: f.year, month: f.month, day: f.day, hour: endOfDay ? 0 : f.hour, minute: f.minute, second, millisecond: f.millisecond };
  let zone: Zone | string = f.offset === null ? (cachedZone(timezone) ?? timezone) : offsetZone(f.offset);
  let dt = DateTime.fromObject(parts, { zone });
  if (!dt.isValid && dt.invalidReason === 'unsupported zone') {
    zone = DEFAULT_ZONE;
    dt = DateTime.fromObject(parts, { zone });
  }
  if (!dt.isValid) return null;
  if (endOfDay) dt = dt.plus({ days: 1 });
  return dt.toJSDate();
}

function offsetZone(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `UTC${sign}${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, '0')}`;
}

function num(s: string | undefined, fallback = 0): number {
  return s === undefined || s === '' ? fallback : Number(s);
}

// "+09:00", "+0900", "+09", "-5" (minutes east of UTC), or a name such as "KST".
function readZone(s: string | undefined): number | null | undefined {
  if (s === undefined || s === '') return null;
  const m = /^(?:GMT|UTC|UT)?([+-])(\d{1,2}):?(\d{2})?$/i.exec(s);
  if (m) {
    const minutes = num(m[2]) * 60 + num(m[3]);
    return m[1] === '-' ? -minutes : minutes;
  }
  const named = NAMED_ZONES[s.toLowerCase()];
  return named; // undefined means "a zone we do not know": the caller rejects the date
}

// W3C-DTF / ISO 8601: "2003-12-31T10:14:55Z", "2003-12-31T10:14:55.123+09:00", "2003-12-31T10:14",
// "2003-12-31", "2003-12", "20031231T101455Z", and the space-separated "2024-12-01 17:55:13".
const ISO = /^(\d{4})-?(\d{2})(?:-?(\d{2}))?(?:[T ](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?\s?(Z|[+-]\d{2}(?::?\d{2})?|[A-Z]{2,4})?$/i;

function readIso(text: string): Fields | null {
  const m = ISO.exec(text);
  if (!m) return null;
  const offset = readZone(m[8]);
  if (offset === undefined) return null;
  return {
    year: num(m[1]),
    month: num(m[2]),
    day: num(m[3], 1),
    hour: num(m[4]),
    minute: num(m[5]),
    second: num(m[6]),
    millisecond: m[7] === undefined ? 0 : Math.round(Number(`0.${m[7]}`) * 1000),
    offset,
  };
}

// RFC 822 / 2822 with the usual damage: optional (even wrong) weekday, 2-digit years, missing
// seconds, missing time, named or numeric zones, "GMT+0900".
const RFC822 = /^(?:[A-Za-z]+\.?,?\s*)?(\d{1,2})[\s-]+([A-Za-z]{3})[A-Za-z]*\.?[\s-]+(\d{2,4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp][Mm]))?)?(?:\s*([+-]\d{1,2}:?\d{2}|(?:GMT|UTC|UT)[+-]\d{1,2}:?\d{2}|[A-Za-z]{1,5}))?\.?$/;
// "Jan 01 2004 19:48:21 GMT" and asctime "Thu Jan  1 19:48:21 2004": month before day.
const MONTH_FIRST = /^(?:[A-Za-z]+,?\s+)?([A-Za-z]{3})[A-Za-z]*\.?\s+(\d{1,2}),?\s+(?:(\d{4})\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s+([+-]\d{4}|[A-Za-z]{1,5}))?(?:\s+(\d{4}))?$/;

function readRfc822(text: string): Fields | null {
  const m = RFC822.exec(text);
  if (m) return rfcFields(m[3], m[2], m[1], m[4], m[5], m[6], m[7], m[8]);
  const f = MONTH_FIRST.exec(text);
  if (f) return rfcFields(f[3] ?? f[8], f[1], f[2], f[4], f[5], f[6], undefined, f[7]);
  return null;
}

function rfcFields(
  yearText: string | undefined, monthName: string | undefined, dayText: string | undefined,
  hourText: string | undefined, minuteText: string | undefined, secondText: string | undefined,
  meridiem: string | undefined, zoneText: string | undefined,
): Fields | null {
  const month = MONTHS[(monthName ?? '').toLowerCase()];
  if (month === undefined || yearText === undefined) return null;
  let year = num(yearText);
  // RFC 2822 §4.3: two-digit years below 50 are 20xx, the rest 19xx.
  if (yearText.length === 2) year += year < 50 ? 2000 : 1900;
  else if (yearText.length === 3) year += 1900;
  const offset = readZone(zoneText);
  if (offset === undefined) return null;
  return {
    year, month, day: num(dayText),
    hour: to24(num(hourText), meridiem), minute: num(minuteText), second: num(secondText),
    millisecond: 0, offset,
  };
}

function to24(hour: number, meridiem: string | undefined): number {
  const m = meridiem?.toLowerCase();
  if (m === 'pm' || m === '오후') return hour % 12 + 12;
  if (m === 'am' || m === '오전') return hour % 12;
  return hour;
}

// Korean dates as printed by Korean sites: "2021년 05월 07일 (금)요일 06:00",
// "2021년 5월 7일 오후 11:23:17", "2021년 5월 7일 금요일 오전 9시 5분". Always local time.
const KOREAN = /^(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일\.?(?:\s*\(?[월화수목금토일]\)?(?:요일)?)?(?:\s*(오전|오후|AM|PM))?(?:\s*(\d{1,2})\s*(?::|시)\s*(?:(\d{1,2})\s*(?::|분)?\s*(?:(\d{1,2})\s*초?)?)?)?(?:\s*(오전|오후|AM|PM))?$/i;

function readKorean(text: string): Fields | null {
  const m = KOREAN.exec(text);
  if (!m) return null;
  return {
    year: num(m[1]), month: num(m[2]), day: num(m[3]),
    hour: to24(num(m[5]), m[4] ?? m[8]), minute: num(m[6]), second: num(m[7]),
    millisecond: 0, offset: null,
  };
}

// "2024.12.01 17:55", "2024.12.01. 17:55:13", "2024/12/01 17:55" and "2024-12-1 9:05": local time.
const DOTTED = /^(\d{4})[./-]\s?(\d{1,2})[./-]\s?(\d{1,2})\.?(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?(?:\s*([+-]\d{2}:?\d{2}|[A-Za-z]{1,5}))?$/;

function readDotted(text: string): Fields | null {
  const m = DOTTED.exec(text);
  if (!m) return null;
  const offset = readZone(m[7]);
  if (offset === undefined) return null;
  return {
    year: num(m[1]), month: num(m[2]), day: num(m[3]),
    hour: num(m[4]), minute: num(m[5]), second: num(m[6]),
    millisecond: 0, offset,
  };
}
