#!/usr/bin/env -S node --max-semi-space-size=8
// V8's young generation grows to 2 × 16 MB by default; 2 × 8 MB held a cold pass of 1,000 feeds
// 20 MB lower at the same CPU (docs/benchmarks.md). `npm start` and the benchmarks run this line.
import '../dist/cli/main.js';
