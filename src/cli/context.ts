// Opens what every command needs: the config, the database, the poll context.
import path from 'node:path';
import { ConfigError, loadConfig } from '../config/load-config.js';
import { createLimiter } from '../fetch/limiter.js';
import { boundHeapGrowth } from './heap.js';
import type { Config, FetchOptions } from '../model.js';
import { openStore, type Store } from '../store/open-store.js';
import { storyAssigner } from '../worker/assign-stories.js';
import type { PollContext } from '../worker/poll-source.js';

export interface GlobalOptions {
  readonly config: string;
  readonly db?: string;
}

export interface App {
  readonly config: Config;
  readonly store: Store;
  readonly dbPath: string;
  readonly ctx: PollContext;
}

/** Exit codes (docs/command-line.md): 2 = the config or the command line is wrong, 3 = the database cannot be used. */
export const EXIT_USAGE = 2;
export const EXIT_DATABASE = 3;

// CliError carries an exit code and a message meant for the person at the terminal.
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

// openConfig loads the config folder or fails with the file:line:column list.
export function openConfig(opts: GlobalOptions): Config {
  try {
    return loadConfig(opts.config);
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message, EXIT_USAGE);
    throw error;
  }
}

// openApp loads the config, opens the database and registers the configured sources in it, then
// bounds the heap's growth for the work that follows (see heap.ts; start-up, which allocates
// mostly garbage into a small heap, runs faster under V8's default).
export function openApp(opts: GlobalOptions): App {
  const config = openConfig(opts);
  const dbPath = path.resolve(opts.db ?? config.settings.database);
  let store: Store;
  try {
    store = openStore(dbPath);
    store.syncSources(config.sources);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new CliError(`store: cannot open ${dbPath}: ${message}`, EXIT_DATABASE);
  }
  boundHeapGrowth();
  return { config, store, dbPath, ctx: pollContext(config, store) };
}

// pollContext builds the fetch settings and limits shared by every poll.
export function pollContext(config: Config, store: Store): PollContext {
  const s = config.settings;
  return {
    store,
    fetchOptions: fetchOptionsOf(config),
    limiter: createLimiter({ concurrency: s.concurrency, perHost: s.perHostConcurrency }),
    maxBackoffMs: s.maxBackoffMs,
    topics: config.topics,
    assignStory: storyAssigner(store, config.sources),
    retention: s.retention,
  };
}

// fetchOptionsOf maps settings onto the fetch stage's options.
export function fetchOptionsOf(config: Pick<Config, 'settings'>): FetchOptions {
  const s = config.settings;
  return { userAgent: s.userAgent, timeoutMs: s.timeoutMs, maxBodyBytes: s.maxBodyBytes, maxRedirects: 5 };
}
