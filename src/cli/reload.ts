// Applies an edited config to a running service (`regionwire run`) without a restart.
import type { Logger } from 'pino';
import { releaseAgentsExcept } from '../fetch/agent.js';
import { createLimiter } from '../fetch/limiter.js';
import type { Config, SourceConfig } from '../model.js';
import type { Store } from '../store/open-store.js';
import type { PollContext } from '../worker/poll-source.js';
import { storyAssigner } from '../worker/assign-stories.js';
import type { Scheduler } from '../worker/scheduler.js';
import { reclassifyIfChanged } from '../worker/sync-topics.js';
import { fetchOptionsOf } from './context.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export interface LiveService {
  /** What the HTTP server reads on every request. */
  config: Config;
  readonly store: Store;
  readonly scheduler: Scheduler;
  /** The context the scheduler spreads into every poll it starts. */
  readonly ctx: Mutable<PollContext>;
  readonly log: Logger;
}

// applyConfig swaps in a config that loaded without issues: sources and topics at once (stored
// items re-sorted if the topics changed), HTTP client settings and retention for the next polls
// (the connections of TLS settings no source has any more are closed), and the sources' tags and
// priorities for choosing story representatives. The database path and the listening address
// need a restart, and the log says so.
export function applyConfig(live: LiveService, next: Config): void {
  const before = live.config.settings;
  const after = next.settings;
  live.store.syncSources(next.sources);
  live.ctx.topics = next.topics;
  live.ctx.fetchOptions = fetchOptionsOf(next);
  live.ctx.maxBackoffMs = after.maxBackoffMs;
  live.ctx.retention = after.retention;
  // Representatives are ranked by source tags and priority: a detector built for the new sources
  // takes over (it reads the recent stored items again on its first item).
  if (live.ctx.assignStory !== undefined && rankKey(live.config.sources) !== rankKey(next.sources)) {
    live.ctx.assignStory = storyAssigner(live.store, next.sources);
  }
  if (before.concurrency !== after.concurrency || before.perHostConcurrency !== after.perHostConcurrency) {
    live.ctx.limiter = createLimiter({ concurrency: after.concurrency, perHost: after.perHostConcurrency });
  }
  live.scheduler.setSources(next.sources);
  releaseAgentsExcept(next.sources.map((s) => s.tls));
  // A source just added is due at once; no need to wait for the next tick.
  void live.scheduler.dispatch();
  const redone = reclassifyIfChanged(live.store, next);
  live.config = next;
  const enabled = next.sources.filter((s) => s.enabled).length;
  live.log.info(
    { sources: enabled, topics: next.topics.length, reclassified: redone?.changed ?? 0 },
    `regionwire: config reloaded: ${enabled} sources, ${next.topics.length} topics` +
      (redone ? `; ${redone.changed} stored items changed topics` : ''),
  );
  if (before.database !== after.database || before.http.host !== after.http.host || before.http.port !== after.http.port) {
    live.log.warn('regionwire: settings.database and settings.http take effect at the next restart');
  }
}

// rankKey is what representative ranks read of the sources, comparable as one string.
function rankKey(sources: readonly SourceConfig[]): string {
  return JSON.stringify(sources.map((s) => [s.id, [...s.tags].sort(), s.priority]).sort());
}
