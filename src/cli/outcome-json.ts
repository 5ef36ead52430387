// The JSON shape of a poll outcome, shared by `poll --json` and `sources check --json`.
import type { PollOutcome, SaveCounts } from '../model.js';

export interface OutcomeJson {
  source: string;
  status: PollOutcome['status'];
  new: number;
  updated: number;
  unchanged: number;
  skipped: number;
  encoding: string | null;
  warning: string | null;
  permanent_redirect: string | null;
  error: { kind: string; message: string; status: number | null; retry_after: string | null } | null;
  duration_ms: number;
}

// outcomeJson flattens an outcome for machines: every key always present, missing values null.
export function outcomeJson(o: PollOutcome): OutcomeJson {
  const counts = o.status === 'updated' ? o.counts : { new: 0, updated: 0, unchanged: 0, skipped: 0 };
  return {
    source: o.source,
    status: o.status,
    new: counts.new,
    updated: counts.updated,
    unchanged: counts.unchanged,
    skipped: counts.skipped,
    encoding: o.status === 'updated' ? o.encoding : null,
    warning: o.warning,
    permanent_redirect: o.permanentRedirect,
    error:
      o.status === 'failed'
        ? {
            kind: o.error.kind,
            message: o.error.message,
            status: o.error.status ?? null,
            retry_after: o.error.retryAfter?.toISOString() ?? null,
          }
        : null,
    duration_ms: Math.round(o.durationMs),
  };
}

// outcomeLine is the one-line human summary of an outcome.
export function outcomeLine(o: PollOutcome): string {
  const moved = o.permanentRedirect ? `\n    moved permanently to ${o.permanentRedirect}: update its url in sources.yaml` : '';
  const warn = o.warning ? `\n    warning: ${o.warning}` : '';
  switch (o.status) {
    case 'updated': {
      const { counts } = o;
      return `${o.source}: ${countsText(counts)}${warn}${moved}`;
    }
    case 'not-modified':
      return `${o.source}: not modified${warn}${moved}`;
    case 'failed':
      return `${o.source}: FAILED (${o.error.kind}) ${o.error.message}${warn}${moved}`;
  }
}

// countsText says what a poll stored, e.g. "3 new, 0 updated, 2 unchanged, 1 skipped"; the skipped
// (empty) items are named only when there were some, as in the log of `regionwire run`.
export function countsText(counts: SaveCounts): string {
  const skipped = counts.skipped > 0 ? `, ${counts.skipped} skipped` : '';
  return `${counts.new} new, ${counts.updated} updated, ${counts.unchanged} unchanged${skipped}`;
}
