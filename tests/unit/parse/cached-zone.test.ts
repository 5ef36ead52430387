import { IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { cachedZone } from '../../../src/parse/cached-zone.js';
import { parseDate } from '../../../src/parse/dates.js';

// Offset changes of several kinds: daylight saving on and off, a half-hour switch, a zone at +5:45,
// Korea's daylight saving of 1987–88 and its local mean time ending in 1908 at an odd second.
const CHANGES: [string, string][] = [
  ['America/New_York', '2024-03-10T07:00:00Z'],
  ['America/New_York', '2024-11-03T06:00:00Z'],
  ['Europe/London', '2024-03-31T01:00:00Z'],
  ['Australia/Lord_Howe', '2024-04-06T15:00:00Z'],
  ['Asia/Kathmandu', '1985-12-31T18:30:00Z'],
  ['Asia/Seoul', '1987-05-09T17:00:00Z'],
  ['Asia/Seoul', '1988-10-08T17:00:00Z'],
  ['Asia/Seoul', '1908-03-31T15:32:08Z'],
];

describe('cachedZone', () => {
  it('gives the offset Intl gives, at every time around a change, asked forwards and then backwards', () => {
    for (const [name, at] of CHANGES) {
      const zone = cachedZone(name);
      const plain = IANAZone.create(name);
      const around = Date.parse(at);
      // Every 59 s over six hours, so that times fall on odd seconds and in every quarter hour.
      const times = Array.from({ length: (6 * 3600) / 59 }, (_, i) => around - 3 * 3600_000 + i * 59_000);
      for (const ts of [...times, ...times.reverse()]) expect(zone?.offset(ts), `${name} ${new Date(ts).toISOString()}`).toBe(plain.offset(ts));
    }
  });

  it('is null for a zone Intl does not know, so the caller keeps its fallback', () => {
    expect(cachedZone('Fantasia/Castle')).toBeNull();
  });

  it('leaves zone-less dates where they were: in a gap, in an overlap and in Korea', () => {
    expect(parseDate('2024-03-10 02:30:00', 'America/New_York')?.toISOString()).toBe('2024-03-10T07:30:00.000Z');
    // 01:30 happens twice that night; luxon reads it as the second, in standard time.
    expect(parseDate('2024-11-03 01:30:00', 'America/New_York')?.toISOString()).toBe('2024-11-03T06:30:00.000Z');
    expect(parseDate('2024-12-01 01:00:00', 'Asia/Seoul')?.toISOString()).toBe('2024-11-30T16:00:00.000Z');
    expect(parseDate('1988-05-08 03:00:00', 'Asia/Seoul')?.toISOString()).toBe('1988-05-07T17:00:00.000Z');
    expect(parseDate('2024-12-01 01:00:00', 'Fantasia/Castle')?.toISOString()).toBe('2024-11-30T16:00:00.000Z');
  });
});
