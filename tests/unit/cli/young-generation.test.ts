// Once young-generation.ts is imported, V8's new space stays at the size it had then, as
// bin/regionwire.js imports it before anything else (issue 11: about 40 MB of a cold pass's peak).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const MODULE = path.join(import.meta.dirname, '../../../src/cli/young-generation.ts');

// growth runs a fresh node that allocates short-lived objects with some survivors, as a poll does,
// and gives the new space's size (MB) before and after.
function growth(importFirst: boolean): { before: number; after: number } {
  const script = [
    importFirst ? `await import(${JSON.stringify(MODULE)});` : '',
    "const v8 = await import('node:v8');",
    "const size = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size / 1048576;",
    'const before = size();',
    'let kept = [];',
    "for (let i = 0; i < 3e6; i++) { kept.push({ i, s: 'x' + i }); if (kept.length > 2e5) kept = []; }",
    'console.log(JSON.stringify({ before, after: size() }));',
  ].join('\n');
  return JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' })) as { before: number; after: number };
}

describe('young generation', () => {
  it('does not grow once the module is imported', () => {
    const held = growth(true);
    expect(held.after).toBe(held.before);
    expect(held.after).toBeLessThanOrEqual(4);
    // The same work without the module: V8 grows the new space, so the bound is the module's doing.
    const free = growth(false);
    expect(free.after).toBeGreaterThan(2 * free.before);
  });
});
