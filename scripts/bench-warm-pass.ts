// A pass of 304s inside a running process, as the service's scheduler polls: the CPU a source
// costs once start-up is paid. Run on dist/ by scripts/bench-ingest.ts against a database whose
// sources have all been polled; prints one JSON line.
import { loadDist } from './load-dist.js';

const { openApp } = await loadDist<typeof import('../src/cli/context.js')>('cli/context.js');
const { pollPass } = await loadDist<typeof import('../src/worker/poll-pass.js')>('worker/poll-pass.js');

const [config = '', db = ''] = process.argv.slice(2);
const app = openApp({ config, db });
const sources = app.config.sources.filter((s) => s.enabled);
// The first pass warms the JIT, the connection pool and the prepared statements, as the service's
// first scheduled pass does; the second is measured.
await pollPass(sources, app.ctx);
const cpu0 = process.cpuUsage();
const outcomes = await pollPass(sources, app.ctx);
const cpu = process.cpuUsage(cpu0);
app.store.close();
const notModified = outcomes.filter((o) => o.status === 'not-modified').length;
console.log(JSON.stringify({ sources: sources.length, notModified, cpuMs: (cpu.user + cpu.system) / 1000 }));
