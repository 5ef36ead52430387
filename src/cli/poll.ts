// `regionwire poll`: one pass over the sources now.
import type { PollOutcome, SourceConfig } from '../model.js';
import { pollPass } from '../worker/poll-pass.js';
import { reclassifyIfChanged } from '../worker/sync-topics.js';
import { CliError, EXIT_USAGE, openApp, type GlobalOptions } from './context.js';
import { outcomeJson, outcomeLine } from './outcome-json.js';

export interface PollOptions {
  readonly source?: string[];
  readonly json?: boolean;
}

// runPoll polls the chosen (default: enabled) sources once and prints each outcome.
export async function runPoll(global: GlobalOptions, opts: PollOptions): Promise<void> {
  const app = openApp(global);
  try {
    const chosen = chooseSources(app.config.sources, opts.source);
    // A source that answered 410 is asked again only when named; the scheduler skips it too.
    const named = (opts.source?.length ?? 0) > 0;
    const gone = named ? [] : chosen.filter((s) => app.store.sourceState(s.id)?.goneAt);
    const sources = chosen.filter((s) => !gone.includes(s));
    if (!opts.json) {
      for (const s of gone) process.stdout.write(`${s.id}: skipped, gone (410): remove it from sources.yaml or change its url\n`);
    }
    // New items get today's topics; stored ones must match them too, or a topic would mix two rule sets.
    const redone = reclassifyIfChanged(app.store, app.config);
    if (redone) process.stderr.write(`topics changed: ${redone.items} stored items re-sorted, ${redone.changed} changed\n`);
    const bar = !opts.json && process.stderr.isTTY ? await progressBar(sources.length) : null;
    const outcomes = await pollPass(sources, app.ctx, (o) => bar?.increment(1, { source: o.source }));
    bar?.stop();
    printOutcomes(outcomes, opts.json ?? false);
  } finally {
    app.store.close();
  }
}

// chooseSources picks the sources named with --source (even disabled ones), or every enabled one.
export function chooseSources(all: readonly SourceConfig[], ids: readonly string[] | undefined): SourceConfig[] {
  if (!ids || ids.length === 0) return all.filter((s) => s.enabled);
  const byId = new Map(all.map((s) => [s.id, s]));
  const unknown = ids.filter((id) => !byId.has(id));
  if (unknown.length > 0) {
    throw new CliError(
      `unknown source ${unknown.map((u) => `"${u}"`).join(', ')}; known sources: ${[...byId.keys()].join(', ')}`,
      EXIT_USAGE,
    );
  }
  return ids.map((id) => byId.get(id)!);
}

// progressBar loads cli-progress only for a terminal: cron and scripts never draw one.
async function progressBar(total: number) {
  const { default: cliProgress } = await import('cli-progress');
  const bar = new cliProgress.SingleBar(
    { format: 'polling [{bar}] {value}/{total} {source}', clearOnComplete: true, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { source: '' });
  return bar;
}

function printOutcomes(outcomes: readonly PollOutcome[], json: boolean): void {
  if (json) {
    process.stdout.write(JSON.stringify(outcomes.map(outcomeJson), null, 2) + '\n');
    return;
  }
  for (const o of outcomes) process.stdout.write(outcomeLine(o) + '\n');
  const failed = outcomes.filter((o) => o.status === 'failed').length;
  const added = outcomes.reduce((n, o) => n + (o.status === 'updated' ? o.counts.new : 0), 0);
  const skipped = outcomes.reduce((n, o) => n + (o.status === 'updated' ? o.counts.skipped : 0), 0);
  const empty = skipped > 0 ? `, ${skipped} empty items skipped` : '';
  process.stdout.write(`${outcomes.length} sources polled, ${added} new items${empty}, ${failed} failed\n`);
}
