// A cheap value that changes whenever what a cached route shows may have changed.
import type { Config } from '../model.js';
import type { Store } from '../store/open-store.js';

/** changeToken(config, withPolls): see createChangeToken. */
export type ChangeToken = (config: Config, withPolls?: boolean) => string;

const configIds = new WeakMap<Config, number>();
let nextConfigId = 1;

// createChangeToken combines store.lastChange() (moves with every item or item-topic write, by this
// process or another) with the config in use (a reload swaps the object). Poll state (last success,
// failures) is not an item change, so routes that show it (`withPolls`) add the poll count and last
// poll time.
//
// store.lastChange() is an SQLite read transaction (about 5 µs, with locks on the WAL index) and
// was a fifth of the CPU of answering a cached feed, so it is asked once per turn of the event loop
// and the requests answered in that turn share the answer. None of them can be waiting for a later
// write: a client that learns of a commit sends its request after it, and that request is read in
// a later turn, which asks again.
export function createChangeToken(store: Store): ChangeToken {
  let lastChange: string | null = null;
  let tokenConfig: Config | null = null;
  let token = '';
  const forget = () => {
    lastChange = null;
    tokenConfig = null;
  };
  return (config, withPolls = false) => {
    if (lastChange === null) {
      lastChange = store.lastChange();
      setImmediate(forget);
    }
    if (config !== tokenConfig) {
      tokenConfig = config;
      token = `${configId(config)}:${lastChange}`;
    }
    if (!withPolls) return token;
    const stats = store.stats();
    return `${token}:${stats.polls}:${stats.lastPollAt?.toISOString() ?? '-'}`;
  };
}

function configId(config: Config): number {
  let id = configIds.get(config);
  if (id === undefined) {
    id = nextConfigId++;
    configIds.set(config, id);
  }
  return id;
}
