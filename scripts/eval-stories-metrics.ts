// Clustering quality: pairwise precision/recall/F1 (pairs in one gold story are positives) and B-cubed F1.

export interface ClusterScores {
  readonly items: number;
  readonly goldPairs: number;
  readonly predictedPairs: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly bcubedPrecision: number;
  readonly bcubedRecall: number;
  readonly bcubedF1: number;
}

// scoreClusters compares predicted cluster ids with gold labels, both keyed by item id.
export function scoreClusters(gold: ReadonlyMap<string, string>, predicted: ReadonlyMap<string, string>): ClusterScores {
  const ids = [...gold.keys()];
  const groups = (labels: ReadonlyMap<string, string>) => {
    const out = new Map<string, Set<string>>();
    for (const id of ids) {
      const label = labels.get(id) ?? `missing:${id}`;
      const set = out.get(label) ?? new Set<string>();
      set.add(id);
      out.set(label, set);
    }
    return out;
  };
  const goldGroups = groups(gold);
  const predGroups = groups(predicted);
  const pairs = (g: Map<string, Set<string>>) => [...g.values()].reduce((n, s) => n + (s.size * (s.size - 1)) / 2, 0);
  let both = 0;
  let bp = 0;
  let br = 0;
  for (const id of ids) {
    const g = goldGroups.get(gold.get(id) as string) as Set<string>;
    const p = predGroups.get(predicted.get(id) ?? `missing:${id}`) as Set<string>;
    let common = 0;
    for (const other of p) if (g.has(other)) common++;
    both += common - 1;
    bp += common / p.size;
    br += common / g.size;
  }
  const truePairs = both / 2;
  const goldPairs = pairs(goldGroups);
  const predictedPairs = pairs(predGroups);
  const precision = predictedPairs === 0 ? 1 : truePairs / predictedPairs;
  const recall = goldPairs === 0 ? 1 : truePairs / goldPairs;
  const bcubedPrecision = bp / ids.length;
  const bcubedRecall = br / ids.length;
  return {
    items: ids.length,
    goldPairs,
    predictedPairs,
    precision,
    recall,
    f1: harmonic(precision, recall),
    bcubedPrecision,
    bcubedRecall,
    bcubedF1: harmonic(bcubedPrecision, bcubedRecall),
  };
}

function harmonic(a: number, b: number): number {
  return a + b === 0 ? 0 : (2 * a * b) / (a + b);
}
