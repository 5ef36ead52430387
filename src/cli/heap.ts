// How far the V8 heap may grow past what is live before the next full collection.
import v8 from 'node:v8';

// V8's default lets the old space grow to several times what is live between full collections:
// a cold pass over 1,000 feeds holds about 100 MB live and reached 430 MB RSS, mostly garbage and
// the response bodies it keeps alive. 50 % (Go's GOGC=50, in effect) held that pass to about
// 310 MB RSS for about 7 % more CPU (issue 11; docs/benchmarks.md). Once the young generation was
// held small (young-generation.ts), objects reach the old space sooner, and 30 % took that pass
// from 183–187 to 176–177 MB (the same feeds in a wide vocabulary: 211–212 to 200–201 MB) for
// about 4 % more CPU. The flag is read at every collection, so it can be set once the process is
// running.
const HEAP_GROWING_PERCENT = 30;

// boundHeapGrowth sets the growth limit for this process; openApp (context.ts) calls it.
export function boundHeapGrowth(): void {
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
