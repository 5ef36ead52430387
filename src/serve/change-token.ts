// A cheap value that changes whenever what a cached route shows may have changed.
import type { Config } from '../model.js';
import type { Store } from '../store/open-store.js';

const configIds = new WeakMap<Config, number>();
let nextConfigId = 1;

// changeToken combines store.lastChange() (moves with every item or item-topic write) with the config
// in use (a reload swaps the object). Poll state (last success, failures) is not an item change, so
// routes that show it (`withPolls`) add the poll count and last poll time.
export function changeToken(store: Store, config: Config, withPolls = false): string {
  let id = configIds.get(config);
  if (id === undefined) {
    id = nextConfigId++;
    configIds.set(config, id);
  }
  const token = `${id}:${store.lastChange()}`;
  if (!withPolls) return token;
  const stats = store.stats();
  return `${token}:${stats.polls}:${stats.lastPollAt?.toISOString() ?? '-'}`;
}
