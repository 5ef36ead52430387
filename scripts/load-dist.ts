// The bench scripts measure the built code in dist/ (what `regionwire` runs; `npm run bench`
// builds it first), typed as its source: loadDist<typeof import('../src/x.js')>('x.js').
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const DIST = path.join(import.meta.dirname, '..', 'dist');
const BIN = path.join(import.meta.dirname, '..', 'bin', 'regionwire.js');

/** The node flags of bin/regionwire.js's first line, which the installed command runs with. */
export const NODE_FLAGS: readonly string[] = (fs.readFileSync(BIN, 'utf8').split('\n')[0] ?? '').split(' ').filter((word) => word.startsWith('--'));

/** `regionwire` as installed: this node with the command's flags, then its file. */
export const REGIONWIRE: readonly string[] = [process.execPath, ...NODE_FLAGS, BIN];

// loadDist imports one module of dist/ by its path there.
export async function loadDist<T>(module: string): Promise<T> {
  return (await import(pathToFileURL(path.join(DIST, module)).href)) as T;
}
