// `regionwire items`: list stored items.
import { DateTime } from 'luxon';
import { storedItemJson } from '../publish/item-json.js';
import { stripTracking } from '../shared/tracking-params.js';
import { CliError, EXIT_USAGE, openApp, type GlobalOptions } from './context.js';
import { localTime } from './format.js';
import { topicById } from './topics.js';

export interface ItemsOptions {
  readonly source?: string[];
  readonly since?: string;
  readonly search?: string;
  readonly topic?: string;
  readonly limit?: string;
  readonly json?: boolean;
  readonly jsonl?: boolean;
}

// runItems prints stored items newest first, filtered by source, topic, time and full-text search.
export function runItems(global: GlobalOptions, opts: ItemsOptions): void {
  const limit = opts.limit === undefined ? 50 : parseLimit(opts.limit);
  const app = openApp(global);
  try {
    const since = opts.since === undefined ? undefined : parseSince(opts.since, app.config.settings.timezone);
    if (opts.topic !== undefined) topicById(app.config.topics, opts.topic);
    const items = app.store.withAttachments(app.store.queryItems({
      ...(opts.source?.length ? { sources: opts.source } : {}),
      ...(since ? { since } : {}),
      ...(opts.search ? { search: opts.search } : {}),
      ...(opts.topic !== undefined ? { topic: opts.topic } : {}),
      limit,
    }));
    if (opts.json) process.stdout.write(JSON.stringify(items.map(storedItemJson), null, 2) + '\n');
    else if (opts.jsonl) for (const item of items) process.stdout.write(JSON.stringify(storedItemJson(item)) + '\n');
    else {
      const zone = app.config.settings.timezone;
      for (const item of items) {
        process.stdout.write(`${localTime(item.published, zone)}  [${item.source}] ${item.title ?? '(no title)'}\n`);
        process.stdout.write(`                  ${item.url === null ? '(no link)' : stripTracking(item.url)}\n`);
      }
      process.stdout.write(`${items.length} items\n`);
    }
  } finally {
    app.store.close();
  }
}

// parseSince reads an ISO 8601 date; without an offset it is read in the configured zone.
export function parseSince(text: string, zone: string): Date {
  const parsed = DateTime.fromISO(text, { zone });
  const date = parsed.toJSDate();
  if (!parsed.isValid) {
    throw new CliError(`--since: "${text}" is not an ISO 8601 date; write e.g. 2024-12-01 or 2024-12-01T09:00+09:00`, EXIT_USAGE);
  }
  return date;
}

function parseLimit(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new CliError(`--limit: "${text}" is not a positive whole number`, EXIT_USAGE);
  return n;
}
