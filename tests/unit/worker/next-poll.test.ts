import { describe, expect, it } from 'vitest';
import { nextPollAt } from '../../../src/worker/next-poll.js';

const now = new Date('2024-12-01T00:00:00Z');
const MIN = 60_000;
const at = (failures: number, retryAfter: Date | null = null) =>
  (nextPollAt({ now, intervalMs: 15 * MIN, failures, maxBackoffMs: 6 * 60 * MIN, retryAfter }).getTime() - now.getTime()) / MIN;

describe('nextPollAt', () => {
  it('waits one interval after a success', () => {
    expect(at(0)).toBe(15);
  });

  it('doubles the wait for each consecutive failure', () => {
    expect([1, 2, 3, 4].map((f) => at(f))).toEqual([15, 30, 60, 120]);
  });

  it('caps the back-off at max_backoff and recovers to the interval after a success', () => {
    expect(at(10)).toBe(360);
    expect(at(1000)).toBe(360);
    expect(at(0)).toBe(15);
  });

  it('never polls before a Retry-After that is later than the plan', () => {
    expect(at(1, new Date(now.getTime() + 90 * MIN))).toBe(90);
    expect(at(3, new Date(now.getTime() + 5 * MIN))).toBe(60);
  });
});
