// The bench scripts measure the built code in dist/ (what `regionwire` runs; `npm run bench`
// builds it first), typed as its source: loadDist<typeof import('../src/x.js')>('x.js').
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = path.join(import.meta.dirname, '..');
const DIST = path.join(ROOT, 'dist');
const BIN = path.join(ROOT, 'bin', 'regionwire.js');

/** The node flags the service runs with: those of package.json's `start` script (`npm start`). */
export const NODE_FLAGS: readonly string[] = (
  JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }
).scripts.start
  .split(' ')
  .filter((word) => word.startsWith('--'));

/** `regionwire` as the service runs it: this node with the service's flags, then the command's file. */
export const REGIONWIRE: readonly string[] = [process.execPath, ...NODE_FLAGS, BIN];

// loadDist imports one module of dist/ by its path there.
export async function loadDist<T>(module: string): Promise<T> {
  return (await import(pathToFileURL(path.join(DIST, module)).href)) as T;
}
