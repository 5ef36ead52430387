// Soak: 1,000 sources on a local origin whose feeds grow over a simulated day, polled through the
// real scheduler and store (the built code in dist/) with a fake clock. Prints memory, items
// stored against items the origin served (they must match exactly), failed polls and the
// database size. The memory printed is regionwire's alone: the origin runs in a process of its
// own (scripts/soak-origin.ts), and the soak (scripts/soak-run.ts) is bundled by esbuild and run
// by plain node with --expose-gc, so neither tsx nor the origin is counted; like bin/regionwire.js,
// it bounds the young generation before it loads anything else. Each hour prints the heap and rss
// after a full GC, and the peak rss so far (the kernel's high-water mark, which no GC lowers).
//   npm run soak                                  # 1,000 sources, 24 simulated hours
//   SOAK_SOURCES=200 SOAK_HOURS=6 npm run soak    # quicker
//   SOAK_SOURCES=100 SOAK_HOURS=120 SOAK_WARM_UP_HOURS=80 npm run soak   # past the story window
//   SOAK_NO_STORIES=1 npm run soak                # without story detection, for comparison
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regionwire-soak-run-'));
try {
  const outfile = path.join(dir, 'soak-run.mjs');
  await build({
    entryPoints: [path.join(import.meta.dirname, 'soak-run.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    // The bundle runs from a temporary folder; it finds dist/, bin/ and the origin from here.
    define: { 'import.meta.dirname': JSON.stringify(import.meta.dirname) },
    logLevel: 'warning',
  });
  const run = spawnSync(process.execPath, ['--expose-gc', outfile], { stdio: 'inherit' });
  process.exitCode = run.status ?? 1;
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
