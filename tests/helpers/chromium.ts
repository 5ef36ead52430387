// Headless Chromium from Debian's package, for tests that look at pages as a reader's browser does.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const run = promisify(execFile);
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export interface ChromiumLookup {
  readonly path: string | null;
  /** Why there is none, for the skip message. */
  readonly reason: string;
}

// findOrInstallChromium returns Debian's chromium, installing it with apt-get when this runs as
// root (CI and the developer machines do); elsewhere it says why the browser test is skipped.
export function findOrInstallChromium(): ChromiumLookup {
  const found = CANDIDATES.find((p) => fs.existsSync(p));
  if (found) return { path: found, reason: '' };
  if (process.platform !== 'linux' || process.getuid?.() !== 0 || !fs.existsSync('/usr/bin/apt-get')) {
    return { path: null, reason: 'chromium is not installed and this is not a root Debian machine that could apt-get install it' };
  }
  try {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env, timeout: 300_000 });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'ignore', env, timeout: 600_000 });
  } catch (error) {
    return { path: null, reason: `apt-get install chromium failed: ${(error as Error).message}` };
  }
  const installed = CANDIDATES.find((p) => fs.existsSync(p));
  return installed ? { path: installed, reason: '' } : { path: null, reason: 'apt-get installed chromium but no binary was found' };
}

// The flags keep Chromium off the network: this machine refuses every outside connection.
function flags(profile: string): string[] {
  return [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    `--user-data-dir=${profile}`,
  ];
}

// dumpDom loads url, runs its scripts (if any) and returns the DOM as serialised HTML. It is
// asynchronous on purpose: the server under test usually runs in this same process.
export async function dumpDom(chromium: string, url: string): Promise<string> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'regionwire-chromium-'));
  try {
    const { stdout } = await run(chromium, [...flags(profile), '--virtual-time-budget=2000', '--dump-dom', url], {
      encoding: 'utf8',
      timeout: 60_000,
      maxBuffer: 32 * 1024 * 1024,
    });
    return stdout;
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}
