import { describe, expect, it } from 'vitest';
import { runStoryEval } from '../../scripts/eval-stories-run.js';

describe('story detection on the labelled evaluation set (npm run eval:stories)', () => {
  it('reaches pairwise precision 0.98 and recall 0.92 through the real pipeline', async () => {
    const { scores } = await runStoryEval();
    expect(scores.goldPairs).toBeGreaterThan(100);
    expect(scores.precision).toBeGreaterThanOrEqual(0.98);
    expect(scores.recall).toBeGreaterThanOrEqual(0.92);
  }, 120_000);
});
