// The bench scripts measure the built code in dist/ (what `regionwire` runs; `npm run bench`
// builds it first), typed as its source: loadDist<typeof import('../src/x.js')>('x.js').
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = path.join(import.meta.dirname, '..');
const DIST = path.join(ROOT, 'dist');
const BIN = path.join(ROOT, 'bin', 'regionwire.js');

/** `regionwire` as the service runs it (`npm start`): this node, then the command's file. */
export const REGIONWIRE: readonly string[] = [process.execPath, BIN];

// loadDist imports one module of dist/ by its path there.
export async function loadDist<T>(module: string): Promise<T> {
  return (await import(pathToFileURL(path.join(DIST, module)).href)) as T;
}
