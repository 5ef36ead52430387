// Deadlines that leave out time the process itself was stalled (a long synchronous parse or store
// write): an origin that answered in time is not failed because we could not read its answer.
import { performance } from 'node:perf_hooks';

/** How often the ticker looks at the clock while a deadline runs. */
const TICK_MS = 100;
/** Lateness of a tick that still counts as normal timer jitter rather than a stall. */
const SLACK_MS = 20;

let stalled = 0;
let lastTick = 0;
let ticker: NodeJS.Timeout | null = null;
let running = 0;

function tick(): void {
  const now = performance.now();
  stalled += lateness(now);
  lastTick = now;
}

function lateness(now: number): number {
  return Math.max(0, now - lastTick - TICK_MS - SLACK_MS);
}

// stalledMs is the event-loop stall time seen so far, counting one still unseen by the ticker
// (a timer due during a stall may run before the ticker does).
export function stalledMs(): number {
  return ticker === null ? stalled : stalled + lateness(performance.now());
}

// The ticker runs only while a deadline does, and never keeps the process alive by itself.
function startTicker(): void {
  running += 1;
  if (ticker !== null) return;
  lastTick = performance.now();
  ticker = setInterval(tick, TICK_MS);
  ticker.unref();
}

function stopTicker(): void {
  running -= 1;
  if (running > 0 || ticker === null) return;
  tick();
  clearInterval(ticker);
  ticker = null;
}

export interface Deadline {
  /** Cancels the deadline; onExpire is then never called. Safe to call more than once. */
  clear(): void;
}

// startDeadline calls onExpire once `ms` of responsive time has passed: wall time minus the time
// the event loop was stalled meanwhile. When the timer fires early by that measure it re-arms.
export function startDeadline(ms: number, onExpire: () => void): Deadline {
  startTicker();
  const startedAt = performance.now();
  const stalledAtStart = stalledMs();
  let done = false;
  let timer: NodeJS.Timeout;
  const finish = (): void => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    stopTicker();
  };
  const check = (): void => {
    const used = performance.now() - startedAt - (stalledMs() - stalledAtStart);
    if (used < ms) {
      timer = setTimeout(check, Math.ceil(ms - used));
      return;
    }
    finish();
    onExpire();
  };
  timer = setTimeout(check, ms);
  return { clear: finish };
}
