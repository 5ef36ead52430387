// pollPass polls a set of sources once, concurrently within the limiter's bounds.
import type { PollOutcome, SourceConfig } from '../model.js';
import { pollSource, type PollContext } from './poll-source.js';

// pollPass resolves when every source has an outcome; one failing source never stops the others.
export async function pollPass(
  sources: readonly SourceConfig[],
  ctx: PollContext,
  onOutcome?: (outcome: PollOutcome) => void,
): Promise<PollOutcome[]> {
  return Promise.all(
    sources.map(async (source) => {
      const outcome = await pollSource(source, ctx);
      onOutcome?.(outcome);
      return outcome;
    }),
  );
}
