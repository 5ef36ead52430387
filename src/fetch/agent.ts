// The one undici Agent every feed request goes through, so connections to a host are reused between polls.
import { Agent, type Dispatcher } from 'undici';

/** Connecting (DNS, TCP, TLS) gets at most this long, even when the whole-exchange timeout is larger. */
const CONNECT_TIMEOUT_MS = 10_000;

let shared: Agent | null = null;

// createFeedAgent builds an Agent tuned for polling: short keep-alive, since a host is revisited only when
// several of its feeds are due together. Connections per host are not capped here: the limiter does that,
// and a cap here would queue requests inside undici while their timeout runs.
export function createFeedAgent(): Agent {
  return new Agent({
    keepAliveTimeout: 4_000,
    keepAliveMaxTimeout: 30_000,
    connect: { timeout: CONNECT_TIMEOUT_MS },
  });
}

// sharedAgent returns the process-wide Agent, created on first use.
export function sharedAgent(): Dispatcher {
  shared ??= createFeedAgent();
  return shared;
}
