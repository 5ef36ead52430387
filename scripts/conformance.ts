// npm run conformance [-- --verbose] [--dir <fixture folder>] [--all]: feedparser's expectations
// against our parser, per folder and field, with the failures and their reasons. --all also runs
// the folders left out of the gate (sanitize, entities), e.g. with --dir ../shared/corpus/feedparser.
// See conformance-run.ts.
import path from 'node:path';
import { loadExpectations, runChecks, selectChecks, tally, type Tally } from './conformance-run.js';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const all = args.includes('--all');
const dirFlag = args.indexOf('--dir');
const dir = dirFlag >= 0 && args[dirFlag + 1] !== undefined ? args[dirFlag + 1] as string : path.join('tests', 'fixtures', 'feedparser');

const exp = await loadExpectations(dir);
const outcomes = await runChecks(dir, exp, selectChecks(exp, all));
const pct = (t: Tally): string => `${t.pass}/${t.total} (${((100 * t.pass) / t.total).toFixed(1)}%)`;

console.log('by folder');
for (const [folder, t] of tally(outcomes, (c) => c.folder)) console.log(`  ${folder.padEnd(28)} ${pct(t)}`);
console.log('by field');
for (const [field, t] of tally(outcomes, (c) => `${c.target}.${c.field}`)) console.log(`  ${field.padEnd(28)} ${pct(t)}`);
const share = (list: typeof outcomes): Tally => ({ pass: list.filter((o) => o.pass).length, total: list.length });
console.log(`core (no HTTP setup) ${pct(share(outcomes.filter((o) => !o.check.http)))}`);
console.log(`HTTP-served          ${pct(share(outcomes.filter((o) => o.check.http)))}`);
console.log(`overall              ${pct(share(outcomes))}`);

const failures = outcomes.filter((o) => !o.pass);
if (verbose) {
  console.log(`\nfailures (${failures.length})`);
  for (const f of failures) console.log(`  ${f.check.file} ${f.check.target}.${f.check.field}: ${f.reason}`);
} else if (failures.length > 0) {
  console.log(`${failures.length} failures; run with --verbose to list them`);
}
