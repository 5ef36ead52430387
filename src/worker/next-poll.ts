// When a source is polled next: its interval after a success, exponential back-off after failures.

export interface NextPollInput {
  readonly now: Date;
  readonly intervalMs: number;
  /** Consecutive failures including the poll just finished (0 after a success). */
  readonly failures: number;
  readonly maxBackoffMs: number;
  /** A server's Retry-After, honoured when later than our own schedule. */
  readonly retryAfter?: Date | null;
}

// nextPollAt doubles the wait for each consecutive failure, up to maxBackoffMs, and never
// comes back before a server's Retry-After (RFC 9110 §10.2.3).
export function nextPollAt(input: NextPollInput): Date {
  const { now, intervalMs, failures, maxBackoffMs, retryAfter } = input;
  let waitMs = intervalMs;
  if (failures > 0) {
    const factor = 2 ** Math.min(failures - 1, 30);
    waitMs = Math.min(intervalMs * factor, Math.max(maxBackoffMs, intervalMs));
  }
  const planned = now.getTime() + waitMs;
  const asked = retryAfter ? retryAfter.getTime() : 0;
  return new Date(Math.max(planned, asked));
}
