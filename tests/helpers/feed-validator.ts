// The W3C Feed Validator (a copy at ../shared/tools/validate-feed), for tests that check published
// feeds against the reference checker. Its Python dependencies come from Debian, installed here
// with apt-get where this runs as root (CI and the developer machines do), as chromium.ts does.
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const TOOL = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'tools', 'validate-feed');
const PYTHON = '/usr/bin/python3';
/** The validator's imports, and the Debian packages that provide them (../shared/tools/README.md). */
const MODULES = 'import libxml2, rdflib, html5lib, lxml';
export const VALIDATOR_PACKAGES = ['python3-libxml2', 'python3-rdflib', 'python3-html5lib', 'python3-lxml'];

export interface ValidatorLookup {
  readonly path: string | null;
  /** Why there is none, for the skip message. */
  readonly reason: string;
}

// findOrInstallValidator returns the validate-feed script once its Python modules import, running
// apt-get install for them first when they are missing and this is a root Debian machine.
export function findOrInstallValidator(): ValidatorLookup {
  if (!fs.existsSync(TOOL)) return { path: null, reason: `${TOOL} is absent (the project's ../shared folder is not beside this checkout)` };
  if (!fs.existsSync(PYTHON)) return { path: null, reason: `${PYTHON} is absent; the validator needs Debian's Python 3` };
  if (importsWork()) return { path: TOOL, reason: '' };
  if (process.platform !== 'linux' || process.getuid?.() !== 0 || !fs.existsSync('/usr/bin/apt-get')) {
    return { path: null, reason: `the validator's modules are missing and this is not a root Debian machine that could apt-get install ${VALIDATOR_PACKAGES.join(' ')}` };
  }
  try {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env, timeout: 300_000 });
    execFileSync('apt-get', ['install', '-y', '-qq', ...VALIDATOR_PACKAGES], { stdio: 'ignore', env, timeout: 600_000 });
  } catch (error) {
    return { path: null, reason: `apt-get install ${VALIDATOR_PACKAGES.join(' ')} failed: ${(error as Error).message}` };
  }
  return importsWork() ? { path: TOOL, reason: '' } : { path: null, reason: `apt-get installed ${VALIDATOR_PACKAGES.join(' ')} but ${PYTHON} still cannot import them` };
}

function importsWork(): boolean {
  try {
    execFileSync(PYTHON, ['-c', MODULES], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

export interface ValidatorReport {
  /** Message lines, e.g. "ERROR   line 7, column 31: … [InvalidRFC2822Date]". */
  readonly errors: readonly string[];
  readonly warnings: readonly string[];
  /** The whole output, for failure messages. */
  readonly output: string;
}

// validateFeedFile runs the validator on one file; `base` is the URL the feed is served at, so its
// rel="self" link is checked against it. A crash of the validator itself (exit 2) throws.
export async function validateFeedFile(tool: string, file: string, base: string, contentType: string): Promise<ValidatorReport> {
  let stdout: string;
  try {
    ({ stdout } = await run(tool, ['--base', base, '--content-type', contentType, file], { encoding: 'utf8', timeout: 120_000 }));
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    if (failed.code !== 1 || failed.stdout === undefined) throw new Error(`validate-feed could not run on ${file}: ${failed.stderr ?? String(error)}`);
    stdout = failed.stdout;
  }
  const lines = stdout.split('\n');
  return {
    errors: lines.filter((l) => l.startsWith('ERROR')),
    warnings: lines.filter((l) => l.startsWith('WARNING')),
    output: stdout,
  };
}
