// The bench scripts measure the built code in dist/ (what `regionwire` runs; `npm run bench`
// builds it first), typed as its source: loadDist<typeof import('../src/x.js')>('x.js').
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const DIST = path.join(import.meta.dirname, '..', 'dist');

// loadDist imports one module of dist/ by its path there.
export async function loadDist<T>(module: string): Promise<T> {
  return (await import(pathToFileURL(path.join(DIST, module)).href)) as T;
}
