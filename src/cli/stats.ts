// `regionwire stats`: database figures.
import { openApp, type GlobalOptions } from './context.js';
import { localTime, table } from './format.js';

// runStats prints items, sources, polls and recent failures.
export function runStats(global: GlobalOptions, opts: { json?: boolean }): void {
  const app = openApp(global);
  try {
    const stats = app.store.stats();
    if (opts.json) {
      const json = {
        database: app.dbPath,
        items: stats.items,
        sources: stats.sources,
        polls: stats.polls,
        failures_last_24h: stats.failuresLast24h,
        database_bytes: stats.databaseBytes,
        last_poll: stats.lastPollAt?.toISOString() ?? null,
        items_per_source: Object.fromEntries(stats.itemsPerSource.map((s) => [s.source, s.items])),
      };
      process.stdout.write(JSON.stringify(json, null, 2) + '\n');
      return;
    }
    const zone = app.config.settings.timezone;
    process.stdout.write(
      [
        `database      ${app.dbPath} (${(stats.databaseBytes / 1024 / 1024).toFixed(1)} MB)`,
        `items         ${stats.items}`,
        `sources       ${stats.sources}`,
        `polls         ${stats.polls} (${stats.failuresLast24h} failed in the last 24 h)`,
        `last poll     ${localTime(stats.lastPollAt, zone)}`,
        '',
        table([['source', 'items'], ...stats.itemsPerSource.map((s) => [s.source, String(s.items)])]),
        '',
      ].join('\n'),
    );
  } finally {
    app.store.close();
  }
}
