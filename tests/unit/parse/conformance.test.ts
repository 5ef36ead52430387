// feedparser's expectations over the copied fixtures; the runner and its field mapping are in
// scripts/conformance-run.ts (npm run conformance prints the details).
import path from 'node:path';
import { expect, it } from 'vitest';
import { loadExpectations, runChecks, selectChecks } from '../../../scripts/conformance-run.js';

it('meets at least 95% of the feedparser checks', async () => {
  const dir = path.resolve(process.cwd(), 'tests/fixtures/feedparser');
  const exp = await loadExpectations(dir);
  const checks = selectChecks(exp);
  const outcomes = await runChecks(dir, exp, checks);
  expect(checks.length).toBe(351);
  const share = outcomes.filter((o) => o.pass).length / outcomes.length;
  expect(share).toBeGreaterThanOrEqual(0.95);
});
