// The ingest issue's setup in one run: 1,000 local feeds x 30 Korean items (10% EUC-KR) served by
// an origin in another process. Prints the floor (download + rss-parser, nothing stored), the cold
// pass (`regionwire poll` on a fresh database, default settings: wall, CPU, peak RSS, ratio to the
// floor), the warm pass (all 304: CPU per source, as a command beside a bare undici process's,
// and inside a running process), each stage's items/s beside SQLite's own share of the store, and
// the cold pass again on the same feeds in a wide vocabulary.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import iconv from 'iconv-lite';
import pLimit from 'p-limit';
import Parser from 'rss-parser';
import { request } from 'undici';
import { FARM_FEEDS, type FarmVocabulary } from './bench-farm-data.js';
import { REGIONWIRE } from './load-dist.js';

const ROOT = path.join(import.meta.dirname, '..');

interface Timed {
  readonly wallS: number;
  readonly cpuS: number;
  readonly peakRssMb: number;
  readonly stdout: string;
}

// startFarm runs the origin in a process of its own and waits for its port.
async function startFarm(vocabulary: FarmVocabulary = 'narrow'): Promise<{ port: number; bytes: number; close: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'bench-farm-origin.ts'), vocabulary], { stdio: ['pipe', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve) => createInterface({ input: child.stdout }).once('line', resolve));
  const { port, bytes } = JSON.parse(line) as { port: number; bytes: number };
  return { port, bytes, close: () => child.stdin.end() };
}

// floor downloads and parses every feed with rss-parser, eight at a time, storing nothing.
async function floor(port: number): Promise<{ wallS: number; cpuS: number; items: number }> {
  const parser = new Parser();
  const limit = pLimit(8);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const counts = await Promise.all(
    Array.from({ length: FARM_FEEDS }, (_, i) =>
      limit(async () => {
        const res = await request(`http://127.0.0.1:${port}/f${i}.xml`);
        const body = Buffer.from(await res.body.arrayBuffer());
        const text = String(res.headers['content-type']).includes('euc-kr') ? iconv.decode(body, 'euc-kr') : body.toString('utf8');
        return (await parser.parseString(text)).items.length;
      }),
    ),
  );
  const cpu = process.cpuUsage(cpu0);
  return { wallS: (performance.now() - t0) / 1000, cpuS: (cpu.user + cpu.system) / 1e6, items: counts.reduce((a, b) => a + b, 0) };
}

// timed runs the built CLI under /usr/bin/time -v and reads wall, user+sys and peak RSS from it.
function timed(args: string[]): Timed {
  return timedCommand([...REGIONWIRE, ...args]);
}

// timedCommand runs any command the same way.
function timedCommand(command: string[]): Timed {
  const t0 = performance.now();
  const out = spawnSyncText('/usr/bin/time', ['-v', ...command]);
  const wallS = (performance.now() - t0) / 1000;
  const field = (name: string) => out.stderr.match(new RegExp(`${name}[^:]*: (.+)`))?.[1]?.trim() ?? '0';
  return {
    wallS,
    cpuS: Number(field('User time')) + Number(field('System time')),
    peakRssMb: Number(field('Maximum resident set size')) / 1024,
    stdout: out.stdout,
  };
}

function spawnSyncText(cmd: string, args: string[]): { stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`bench: ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { stdout: r.stdout, stderr: r.stderr };
}

const lastLine = (s: string) => s.trim().split('\n').pop() ?? '';
const fmt = (n: number) => Math.round(n).toLocaleString('en');

// writeFarmConfig writes a config folder in `dir` with the shipped topics and the farm's feeds as
// sources, and returns its path.
function writeFarmConfig(dir: string, port: number): string {
  const config = path.join(dir, 'config');
  fs.mkdirSync(config);
  fs.copyFileSync(path.join(ROOT, 'config', 'topics.yaml'), path.join(config, 'topics.yaml'));
  const lines = Array.from({ length: FARM_FEEDS }, (_, i) => `  - { id: f${i}, name: 지역신문 ${i}, url: "http://127.0.0.1:${port}/f${i}.xml" }`);
  fs.writeFileSync(path.join(config, 'sources.yaml'), `sources:\n${lines.join('\n')}\n`);
  return config;
}

// benchIngest prints the ingest issue's figures; the caller prints the large feed's memory.
export async function benchIngest(): Promise<void> {
  const farm = await startFarm();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regionwire-ingest-'));
  try {
    const config = writeFarmConfig(dir, farm.port);
    const db = path.join(dir, 'farm.db');
    const cli = ['--config', config, '--db', db];

    const f = await floor(farm.port);
    console.log(`floor     ${FARM_FEEDS} feeds (${(farm.bytes / 1048576).toFixed(1)} MB) downloaded + rss-parser: ${f.wallS.toFixed(2)} s wall, ${f.cpuS.toFixed(2)} s CPU, ${fmt(f.items)} items`);

    const cold = timed([...cli, 'poll']);
    console.log(
      `cold      regionwire poll, fresh db, default settings (stories, search on): ${cold.wallS.toFixed(2)} s wall, ${cold.cpuS.toFixed(2)} s CPU, ` +
        `peak rss ${fmt(cold.peakRssMb)} MB; ${(cold.wallS / f.wallS).toFixed(1)}x the floor (wall), ${(cold.cpuS / f.cpuS).toFixed(1)}x (CPU) [${lastLine(cold.stdout)}]`,
    );
    const warm = timed([...cli, 'poll']);
    const one = timed([...cli, 'poll', '--source', 'f0']);
    const bare = timedCommand([process.execPath, path.join(import.meta.dirname, 'bench-warm-floor.mjs'), String(farm.port), String(FARM_FEEDS), 'narrow']);
    const msASource = (s: number) => `${((s / FARM_FEEDS) * 1000).toFixed(2)} ms`;
    console.log(
      `warm      regionwire poll, all 304: ${warm.wallS.toFixed(2)} s wall, ${warm.cpuS.toFixed(2)} s CPU, ${msASource(warm.cpuS)} CPU a source ` +
        `(${(((warm.cpuS - one.cpuS) / (FARM_FEEDS - 1)) * 1000).toFixed(2)} ms without process start, a one-source poll: ${one.cpuS.toFixed(2)} s), peak rss ${fmt(warm.peakRssMb)} MB [${lastLine(warm.stdout)}]`,
    );
    console.log(
      `warm      floor: a bare node process asking the ${FARM_FEEDS} feeds with undici, all 304, nothing else: ${bare.wallS.toFixed(2)} s wall, ` +
        `${bare.cpuS.toFixed(2)} s CPU, ${msASource(bare.cpuS)} CPU a source; regionwire poll is ${(warm.cpuS / bare.cpuS).toFixed(1)}x that`,
    );

    const service = JSON.parse(lastLine(execFileSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'bench-warm-pass.ts'), config, db], { encoding: 'utf8' }))) as {
      sources: number;
      notModified: number;
      secondCpuMs: number;
      cpuMs: number;
      minCpuMs: number;
      maxCpuMs: number;
    };
    const perSource = (ms: number) => (ms / service.sources).toFixed(2);
    console.log(
      `warm      passes of 304s inside a running process (the service's scheduler), third to fifth: ${(service.cpuMs / 1000).toFixed(2)} s CPU, ` +
        `${perSource(service.cpuMs)} ms CPU a source (${perSource(service.minCpuMs)}–${perSource(service.maxCpuMs)}; the second pass, JIT still compiling: ` +
        `${perSource(service.secondCpuMs)}) [${service.notModified} of ${service.sources} not modified]`,
    );

    const stages = JSON.parse(lastLine(execFileSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'bench-stages.ts'), config], { encoding: 'utf8' }))) as Record<string, number>;
    console.log(
      `stages    ${fmt(stages.items ?? 0)} items, each stage alone on dist/, items/s: parse ${fmt(stages.parse ?? 0)}, key+classify ${fmt(stages.keyClassify ?? 0)}, ` +
        `store with FTS ${fmt(stages.store ?? 0)} (${(stages.storeCpuS ?? 0).toFixed(2)} s CPU), stories ${fmt(stages.stories ?? 0)}`,
    );
    const bareS = stages.bareStoreWallS ?? 0;
    console.log(
      `stages    SQLite alone: the same items' rows, search rows and topics by bare statements, one transaction a feed: ${bareS.toFixed(2)} s wall, ` +
        `${(stages.bareStoreCpuS ?? 0).toFixed(2)} s CPU, ${(bareS / f.wallS).toFixed(1)}x the floor by itself (wall)`,
    );
  } finally {
    farm.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  await coldWide();
}

// coldWide is the cold pass again on the same feeds written with a wide vocabulary (see
// bench-farm-data.ts): story detection then holds about a million distinct 2-grams.
async function coldWide(): Promise<void> {
  const farm = await startFarm('wide');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regionwire-ingest-wide-'));
  try {
    const config = writeFarmConfig(dir, farm.port);
    const cold = timed(['--config', config, '--db', path.join(dir, 'farm.db'), 'poll']);
    console.log(
      `cold      the same feeds in a wide vocabulary (${(farm.bytes / 1048576).toFixed(1)} MB): ${cold.wallS.toFixed(2)} s wall, ${cold.cpuS.toFixed(2)} s CPU, ` +
        `peak rss ${fmt(cold.peakRssMb)} MB [${lastLine(cold.stdout)}]`,
    );
  } finally {
    farm.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
