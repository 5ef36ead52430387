import { describe, expect, it } from 'vitest';
import { runStoryEval } from '../../scripts/eval-stories-run.js';

describe('story detection on the labelled evaluation set (npm run eval:stories)', () => {
  it('reaches pairwise precision 0.98 and recall 0.95 through the real pipeline, and 0.98 and 0.93 on the held-out cases', async () => {
    const { scores, splits } = await runStoryEval();
    expect(scores.goldPairs).toBeGreaterThan(300);
    expect(scores.precision).toBeGreaterThanOrEqual(0.98);
    expect(scores.recall).toBeGreaterThanOrEqual(0.95);
    const heldOut = splits.get('held-out');
    expect(heldOut?.goldPairs).toBeGreaterThan(20);
    expect(heldOut?.precision).toBeGreaterThanOrEqual(0.98);
    expect(heldOut?.recall).toBeGreaterThanOrEqual(0.93);
  }, 120_000);
});
