// `npm run demo`: regionwire against bundled sample Korean feeds, without network.
// A local origin serves scripts/demo/feeds/ (dates rewritten to the last hours), a temporary
// config and database point at it, and `regionwire run` polls and serves until Ctrl-C.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { runService } from '../src/cli/run.js';
import { startOrigin, serveBody } from '../tests/helpers/origin.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const FEEDS = path.join(ROOT, 'scripts', 'demo', 'feeds');
const PORT = Number(process.env.DEMO_PORT ?? 8080);

const SOURCES = [
  { id: 'demo-daily', name: '강원일일신문 (데모)', file: 'gangwon-daily.xml', type: 'application/rss+xml; charset=utf-8', tags: '[newspaper]' },
  { id: 'demo-state', name: '강원특별자치도 보도자료 (데모)', file: 'state-press.xml', type: 'application/atom+xml', tags: '[government, press-release]' },
  { id: 'demo-samcheok', name: '삼척시 새소식 (데모, EUC-KR)', file: 'city-euckr.xml', type: 'text/xml', tags: '[government]' },
];

// withDates replaces {{local:N}} (Korean CMS style, no zone) and {{iso:N}} with N hours ago.
// The placeholders are ASCII, so the EUC-KR file is rewritten byte for byte through latin1.
function withDates(bytes: Buffer, now: DateTime): Buffer {
  const text = bytes.toString('latin1').replace(/\{\{(local|iso):(\d+)\}\}/g, (_m, kind: string, hours: string) => {
    const at = now.minus({ hours: Number(hours) }).setZone('Asia/Seoul');
    return kind === 'local' ? at.toFormat('yyyy-LL-dd HH:mm:ss') : (at.toISO() ?? '');
  });
  return Buffer.from(text, 'latin1');
}

const now = DateTime.now();
const origin = await startOrigin(
  Object.fromEntries(
    SOURCES.map((s) => [`/${s.file}`, serveBody(withDates(fs.readFileSync(path.join(FEEDS, s.file)), now), { 'content-type': s.type })]),
  ),
);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regionwire-demo-'));
const sourcesYaml = ['sources:', ...SOURCES.map((s) => `  - { id: ${s.id}, name: "${s.name}", url: "${origin.at('/' + s.file)}", interval: 1m, tags: ${s.tags}, region: gangwon }`)];
fs.writeFileSync(path.join(dir, 'sources.yaml'), sourcesYaml.join('\n') + '\n');
fs.writeFileSync(path.join(dir, 'settings.yaml'), `settings:\n  database: ${JSON.stringify(path.join(dir, 'demo.db'))}\n  http: { host: 127.0.0.1, port: ${PORT} }\n`);
const topics = path.join(ROOT, 'config', 'topics.yaml');
if (fs.existsSync(topics)) fs.copyFileSync(topics, path.join(dir, 'topics.yaml'));

console.log(`regionwire demo: sample feeds on ${origin.url}, temporary config and database in ${dir}`);
console.log(`regionwire demo: open http://127.0.0.1:${PORT}/ (Ctrl-C to stop)`);
try {
  await runService({ config: dir });
} finally {
  await origin.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
