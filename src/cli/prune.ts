// `regionwire prune`: apply settings.retention now, as the running service does every hour.
import { openApp, type GlobalOptions } from './context.js';

// runPrune deletes the items settings.retention no longer keeps and says how many went.
export function runPrune(global: GlobalOptions, opts: { json?: boolean }): void {
  const app = openApp(global);
  try {
    const { days, itemsPerSource } = app.config.settings.retention;
    const { pruned } = app.store.pruneItems(app.config.settings.retention);
    if (opts.json) {
      process.stdout.write(JSON.stringify({ pruned, retention: { days, items_per_source: itemsPerSource } }, null, 2) + '\n');
      return;
    }
    const rules = [days === null ? null : `older than ${days} days`, itemsPerSource === null ? null : `beyond the newest ${itemsPerSource} of their source`];
    const kept = rules.filter((r) => r !== null).join(' or ');
    process.stdout.write(
      kept === ''
        ? 'nothing pruned: settings.retention sets neither days nor items_per_source\n'
        : `${pruned} items pruned (${kept})\n`,
    );
  } finally {
    app.store.close();
  }
}
