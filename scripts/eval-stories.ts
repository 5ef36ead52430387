// npm run eval:stories [-- --verbose]: story detection scored on tests/stories/eval/*.json.
import { runStoryEval } from './eval-stories-run.js';

const verbose = process.argv.includes('--verbose');
const result = await runStoryEval();
const s = result.scores;
const pct = (x: number) => x.toFixed(3);
console.log(`items ${s.items}, gold pairs ${s.goldPairs}, predicted pairs ${s.predictedPairs}`);
console.log(`pairwise precision ${pct(s.precision)}  recall ${pct(s.recall)}  F1 ${pct(s.f1)}`);
console.log(`B-cubed precision ${pct(s.bcubedPrecision)}  recall ${pct(s.bcubedRecall)}  F1 ${pct(s.bcubedF1)}`);
for (const [split, x] of result.splits) {
  console.log(`  ${split.padEnd(8)} items ${x.items}, gold pairs ${x.goldPairs}: pairwise precision ${pct(x.precision)}  recall ${pct(x.recall)}  F1 ${pct(x.f1)}`);
}
console.log(`ingest through the pipeline: ${result.itemsPerSecond.toFixed(0)} items/s (one poll per item)`);
if (verbose) {
  for (const m of result.misses) {
    const split = m.a.split === m.b.split ? m.a.split : `${m.a.split}/${m.b.split}`;
    console.log(`${m.kind === 'split' ? 'SPLIT ' : 'MERGED'} (${split}) ${m.a.id} [${m.a.source}] ${m.a.title}\n       ${m.b.id} [${m.b.source}] ${m.b.title}`);
  }
} else if (result.misses.length > 0) {
  console.log(`${result.misses.length} pairs wrong; --verbose lists them`);
}
