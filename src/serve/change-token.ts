// A cheap value that changes whenever what the pages show may have changed.
import type { Config } from '../model.js';
import type { Store } from '../store/open-store.js';

const configIds = new WeakMap<Config, number>();
let nextConfigId = 1;

// changeToken combines the store's change token with the config in use (a reload swaps the object).
// Until the store offers lastChange(), it falls back to stats(): every write goes through savePoll,
// which adds a poll_log row, so the poll count and last poll time move with every change.
export function changeToken(store: Store, config: Config): string {
  let id = configIds.get(config);
  if (id === undefined) {
    id = nextConfigId++;
    configIds.set(config, id);
  }
  const withToken = store as Store & { lastChange?: () => string };
  if (typeof withToken.lastChange === 'function') return `${id}:${withToken.lastChange()}`;
  const stats = store.stats();
  return `${id}:${stats.polls}:${stats.items}:${stats.lastPollAt?.toISOString() ?? '-'}`;
}
