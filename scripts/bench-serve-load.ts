// Child process of the serve bench: the load generator, in a process of its own so that it never
// shares a core's time with the server it measures. Each connection keeps one GET in flight over a
// plain node:net socket; a response is framed by its Content-Length and not otherwise parsed.
// Why not a client library: per 68 KB feed response this costs about the CPU wrk does (48 µs
// against 43 µs, measured on the bench machine), where undici's Pool cost 104 µs and autocannon
// 265 µs (its HTTP parser is JavaScript), enough to cap the bare server the bench compares with.
// Prints one JSON line: requests, req/s, p50/p99 latency, statuses and the last response's sizes.
import net from 'node:net';
import { performance } from 'node:perf_hooks';

const [port, target, headerJson, connections, durationMs] = process.argv.slice(2) as [string, string, string, string, string];
const extra = Object.entries(JSON.parse(headerJson) as Record<string, string>).map(([k, v]) => `${k}: ${v}\r\n`);
const request = Buffer.from(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${extra.join('')}\r\n`, 'latin1');
const latencies: number[] = [];
const statuses = new Set<number>();
let headerBytes = 0;
let bodyBytes = 0;

// drive keeps one connection busy until `end`, then closes it.
function drive(end: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1');
    let head: Buffer | null = null;
    let remaining = -1; // body bytes still to come; -1 while reading the status line and headers
    let sentAt = 0;
    let done = false;
    const send = () => {
      if (performance.now() >= end) {
        done = true;
        socket.end();
        return resolve();
      }
      sentAt = performance.now();
      socket.write(request);
    };
    socket.on('connect', send);
    socket.on('error', reject);
    socket.on('close', () => done || reject(new Error('bench: the server closed a connection mid-run')));
    socket.on('data', (chunk: Buffer) => {
      let body = chunk;
      if (remaining < 0) {
        head = head === null ? chunk : Buffer.concat([head, chunk]);
        const split = head.indexOf('\r\n\r\n');
        if (split < 0) return;
        const text = head.toString('latin1', 0, split);
        const status = Number(text.slice(9, 12));
        const length = /\r\ncontent-length: *(\d+)/i.exec(text)?.[1];
        if (status !== 304 && length === undefined) return reject(new Error(`bench: a ${status} response without Content-Length`));
        statuses.add(status);
        remaining = status === 304 ? 0 : Number(length);
        headerBytes = split + 4;
        bodyBytes = remaining;
        body = head.subarray(split + 4);
        head = null;
      }
      remaining -= body.length;
      if (remaining > 0) return;
      if (remaining < 0) return reject(new Error('bench: more bytes than Content-Length'));
      latencies.push(performance.now() - sentAt);
      remaining = -1;
      send();
    });
  });
}

const t0 = performance.now();
await Promise.all(Array.from({ length: Number(connections) }, () => drive(t0 + Number(durationMs))));
const elapsed = performance.now() - t0;
latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? NaN;
process.stdout.write(
  JSON.stringify({
    requests: latencies.length,
    perSecond: (latencies.length / elapsed) * 1000,
    p50: pct(0.5),
    p99: pct(0.99),
    statuses: [...statuses],
    headerBytes,
    bodyBytes,
  }) + '\n',
);
