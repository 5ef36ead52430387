// Passes of 304s inside a running process, as the service's scheduler polls: the CPU a source
// costs once start-up is paid. Run on dist/ by scripts/bench-ingest.ts against a database whose
// sources have all been polled; prints one JSON line.
import { loadDist } from './load-dist.js';

const { openApp } = await loadDist<typeof import('../src/cli/context.js')>('cli/context.js');
const { pollPass } = await loadDist<typeof import('../src/worker/poll-pass.js')>('worker/poll-pass.js');

const [config = '', db = ''] = process.argv.slice(2);
const app = openApp({ config, db });
const sources = app.config.sources.filter((s) => s.enabled);
// The first pass warms the connection pool and the prepared statements, as the service's first
// scheduled pass does. The JIT is still compiling in the second (its threads count in the CPU), so
// the second is printed on its own and the steady state is the mean of the three after it.
await pollPass(sources, app.ctx);
const passes: number[] = [];
let notModified = 0;
for (let i = 0; i < 4; i++) {
  const cpu0 = process.cpuUsage();
  const outcomes = await pollPass(sources, app.ctx);
  const cpu = process.cpuUsage(cpu0);
  passes.push((cpu.user + cpu.system) / 1000);
  notModified = outcomes.filter((o) => o.status === 'not-modified').length;
}
app.store.close();
const steady = passes.slice(1);
console.log(
  JSON.stringify({
    sources: sources.length,
    notModified,
    secondCpuMs: passes[0],
    cpuMs: steady.reduce((a, b) => a + b, 0) / steady.length,
    minCpuMs: Math.min(...steady),
    maxCpuMs: Math.max(...steady),
  }),
);
