// The one undici Agent every feed request goes through, so connections to a host are reused between polls.
import { Agent, type Dispatcher } from 'undici';

/** Connecting (DNS, TCP, TLS) gets at most this long, even when the whole-exchange timeout is larger. */
const CONNECT_TIMEOUT_MS = 10_000;

let shared: Agent | null = null;

// createFeedAgent builds an Agent tuned for polling: short keep-alive, since most hosts are revisited
// only minutes later, and a few connections per host, since the limiter caps per-host concurrency anyway.
export function createFeedAgent(): Agent {
  return new Agent({
    keepAliveTimeout: 4_000,
    keepAliveMaxTimeout: 30_000,
    connections: 4,
    connect: { timeout: CONNECT_TIMEOUT_MS },
  });
}

// sharedAgent returns the process-wide Agent, created on first use.
export function sharedAgent(): Dispatcher {
  shared ??= createFeedAgent();
  return shared;
}
