// The floor of a warm pass as a command: a fresh node process that loads undici (the HTTP client
// the design fixes) and asks each of the farm's feeds once with its ETag, two requests at a time
// (regionwire's default per-host limit; the farm is one host), every answer a 304 — and does
// nothing else. scripts/bench-ingest.ts times it under /usr/bin/time as it times `regionwire poll`.
// Plain JavaScript run by plain node, so that no TypeScript loader's start-up is counted.
// Arguments: the origin's port, the number of feeds, the vocabulary its ETags name.
import { Agent, request } from 'undici';

const [port, feeds, vocabulary] = process.argv.slice(2);
const agent = new Agent();
let next = 0;
async function worker() {
  while (next < Number(feeds)) {
    const i = next++;
    const res = await request(`http://127.0.0.1:${port}/f${i}.xml`, {
      dispatcher: agent,
      headers: { 'if-none-match': `"farm-${vocabulary}-${i}"`, 'user-agent': 'regionwire-bench' },
    });
    await res.body.dump();
    if (res.statusCode !== 304) throw new Error(`bench-warm-floor: f${i}.xml answered ${res.statusCode}, not 304`);
  }
}
await Promise.all([worker(), worker()]);
await agent.close();
