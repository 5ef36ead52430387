// `regionwire topics list|reclassify`: topics with their item counts, and re-sorting stored items.
import cliProgress from 'cli-progress';
import { topicsFingerprint } from '../classify/fingerprint.js';
import type { TopicConfig } from '../model.js';
import type { TopicStats } from '../store/open-store.js';
import { reclassify } from '../worker/sync-topics.js';
import { CliError, EXIT_USAGE, openApp, type GlobalOptions } from './context.js';
import { localTime, table } from './format.js';

// topicById finds a configured topic, or fails naming the ones topics.yaml defines.
export function topicById(topics: readonly TopicConfig[], id: string): TopicConfig {
  const topic = topics.find((t) => t.id === id);
  if (topic !== undefined) return topic;
  const known = topics.length === 0 ? 'none (there is no topics.yaml, or it lists no topics)' : topics.map((t) => t.id).join(', ');
  throw new CliError(`unknown topic "${id}"; known topics: ${known}`, EXIT_USAGE);
}

// runTopicsList prints each configured topic with its stored item count and newest item.
export function runTopicsList(global: GlobalOptions, opts: { json?: boolean }): void {
  const app = openApp(global);
  try {
    const stats = new Map(app.store.topicStats().map((s) => [s.topic, s]));
    const stale = app.store.topicsFingerprint() !== topicsFingerprint(app.config.topics, app.config.sources);
    const rows = app.config.topics.map((t) => ({ topic: t, stats: stats.get(t.id) }));
    if (opts.json) {
      const json = rows.map(({ topic, stats: s }) => ({
        id: topic.id,
        title: topic.title,
        description: topic.description,
        items: s?.items ?? 0,
        newest: s?.newest?.toISOString() ?? null,
      }));
      process.stdout.write(JSON.stringify(json, null, 2) + '\n');
    } else {
      const zone = app.config.settings.timezone;
      const lines = [['id', 'title', 'items', 'newest']];
      for (const { topic, stats: s } of rows) lines.push([topic.id, topic.title, String(s?.items ?? 0), localTime(s?.newest ?? null, zone)]);
      process.stdout.write(table(lines) + '\n');
    }
    if (stale && rows.length > 0) {
      process.stderr.write('note: topics.yaml or the sources changed since items were sorted; `regionwire topics reclassify` (or the next poll) re-sorts them\n');
    }
  } finally {
    app.store.close();
  }
}

// runTopicsReclassify re-computes every stored item's topics and prints counts before and after.
export function runTopicsReclassify(global: GlobalOptions, opts: { json?: boolean }): void {
  const app = openApp(global);
  try {
    const before = countsOf(app.store.topicStats());
    const bar = !opts.json && process.stderr.isTTY ? progressBar() : null;
    const result = reclassify(app.store, app.config, (done, total) => {
      bar?.setTotal(total);
      bar?.update(done);
    });
    bar?.stop();
    const after = countsOf(app.store.topicStats());
    const ids = [...new Set([...app.config.topics.map((t) => t.id), ...before.keys()])];
    if (opts.json) {
      const topics = Object.fromEntries(ids.map((id) => [id, { before: before.get(id) ?? 0, after: after.get(id) ?? 0 }]));
      process.stdout.write(JSON.stringify({ items: result.items, changed: result.changed, topics }, null, 2) + '\n');
      return;
    }
    const lines = [['topic', 'before', 'after', 'change']];
    for (const id of ids) {
      const b = before.get(id) ?? 0;
      const a = after.get(id) ?? 0;
      const gone = app.config.topics.some((t) => t.id === id) ? '' : ' (not in topics.yaml)';
      lines.push([id + gone, String(b), String(a), a === b ? '' : `${a > b ? '+' : ''}${a - b}`]);
    }
    process.stdout.write(`${table(lines)}\n${result.items} items classified, ${result.changed} changed\n`);
  } finally {
    app.store.close();
  }
}

function countsOf(stats: readonly TopicStats[]): Map<string, number> {
  return new Map(stats.map((s) => [s.topic, s.items]));
}

function progressBar() {
  const bar = new cliProgress.SingleBar(
    { format: 'classifying [{bar}] {value}/{total} items', clearOnComplete: true, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  bar.start(0, 0);
  return bar;
}
