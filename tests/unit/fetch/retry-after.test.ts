import { describe, expect, it } from 'vitest';
import { retryAfterDate } from '../../../src/fetch/retry-after.js';

const now = new Date('2024-12-02T01:00:00Z');

describe('retryAfterDate', () => {
  it.each([
    ['120', '2024-12-02T01:02:00.000Z'],
    [' 0 ', '2024-12-02T01:00:00.000Z'],
    ['Mon, 02 Dec 2024 03:00:00 GMT', '2024-12-02T03:00:00.000Z'],
    // RFC 9110 §5.6.7: recipients must still accept the obsolete RFC 850 and asctime forms.
    ['Monday, 02-Dec-24 03:00:00 GMT', '2024-12-02T03:00:00.000Z'],
    ['Mon Dec  2 03:00:00 2024', '2024-12-02T03:00:00.000Z'],
    // A date in the past means "now", not "never".
    ['Sun, 01 Dec 2024 00:00:00 GMT', '2024-12-02T01:00:00.000Z'],
  ])('reads %j', (header, expected) => {
    expect(retryAfterDate(header, now)?.toISOString()).toBe(expected);
  });

  it.each([null, '', 'soon', '-5', '1.5', '2024-12-02'])('returns null for %j', (header) => {
    expect(retryAfterDate(header, now)).toBeNull();
  });
});
