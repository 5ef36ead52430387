// The scheduler polls every enabled source at its interval, one poll per source at a time.
import cron, { type ScheduledTask } from 'node-cron';
import type { PollOutcome, SourceConfig } from '../model.js';
import type { PruneResult } from '../store/open-store.js';
import { pollSource, type PollContext } from './poll-source.js';

export interface SchedulerOptions {
  readonly ctx: Omit<PollContext, 'signal'>;
  readonly sources: readonly SourceConfig[];
  /** Cron expression of the dispatcher tick (default every 15 seconds). */
  readonly tick?: string;
  readonly onOutcome?: (outcome: PollOutcome) => void;
  /** Cron expression of the retention prune (default hourly, at minute 0). */
  readonly pruneSchedule?: string;
  /** Each prune's result, or why it failed (default: a process warning on failure). */
  readonly onPrune?: (result: PruneResult | Error) => void;
}

// Scheduler keeps next-poll times in the database (sources.next_poll_at), so a restart resumes
// where it stopped; the cron task is only a dispatcher that starts whatever is due.
export class Scheduler {
  private sources: Map<string, SourceConfig>;
  private readonly inFlight = new Map<string, Promise<PollOutcome>>();
  private readonly abort = new AbortController();
  private task: ScheduledTask | null = null;
  private pruneTask: ScheduledTask | null = null;

  constructor(private readonly options: SchedulerOptions) {
    this.sources = byId(options.sources);
  }

  // start runs a first dispatch at once, then one per tick.
  start(): void {
    this.task = cron.schedule(this.options.tick ?? '*/15 * * * * *', () => void this.dispatch(), {
      name: 'regionwire-dispatch',
      noOverlap: true,
    });
    this.pruneTask = cron.schedule(this.options.pruneSchedule ?? '0 * * * *', () => this.prune(), {
      name: 'regionwire-prune',
      noOverlap: true,
    });
    void this.dispatch();
  }

  // prune applies settings.retention once; it never throws, so a busy database only skips an hour.
  prune(): void {
    const { retention, store, now = () => new Date() } = this.options.ctx;
    if (retention === undefined || this.abort.signal.aborted) return;
    let result: PruneResult | Error;
    try {
      result = store.pruneItems(retention, now());
    } catch (error) {
      result = error instanceof Error ? error : new Error(String(error));
    }
    if (this.options.onPrune !== undefined) this.options.onPrune(result);
    else if (result instanceof Error) process.emitWarning(`prune: ${result.message}`);
  }

  // setSources swaps the source list (config reload); polls in flight finish as they are.
  setSources(sources: readonly SourceConfig[]): void {
    this.sources = byId(sources);
  }

  // dispatch starts a poll for every enabled source that is due and not already being polled.
  async dispatch(): Promise<PollOutcome[]> {
    if (this.abort.signal.aborted) return [];
    const now = (this.options.ctx.now ?? (() => new Date()))();
    const due = new Set(this.options.ctx.store.dueSources(now));
    const started: Promise<PollOutcome>[] = [];
    for (const source of this.sources.values()) {
      if (!source.enabled || !due.has(source.id) || this.inFlight.has(source.id)) continue;
      const poll = pollSource(source, { ...this.options.ctx, signal: this.abort.signal })
        .then((outcome) => {
          this.options.onOutcome?.(outcome);
          return outcome;
        })
        .finally(() => this.inFlight.delete(source.id));
      this.inFlight.set(source.id, poll);
      started.push(poll);
    }
    return Promise.all(started);
  }

  // stop ends the schedule and waits up to graceMs for polls in flight; the rest are abandoned
  // before they write, so the database never holds half a poll.
  async stop(graceMs = 10_000): Promise<void> {
    for (const task of [this.task, this.pruneTask]) {
      await task?.stop();
      await task?.destroy();
    }
    this.task = this.pruneTask = null;
    const pending = [...this.inFlight.values()];
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, graceMs);
    });
    await Promise.race([Promise.allSettled(pending), grace]);
    clearTimeout(timer);
    this.abort.abort();
  }
}

function byId(sources: readonly SourceConfig[]): Map<string, SourceConfig> {
  return new Map(sources.map((s) => [s.id, s]));
}
