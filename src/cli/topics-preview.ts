// `regionwire topics preview ID`: what a topic, as topics.yaml now says, would hold. Writes nothing.
import type { StoredItem } from '../model.js';
import { storedItemJson } from '../publish/item-json.js';
import { configClassifier } from '../worker/sync-topics.js';
import { CliError, EXIT_USAGE, openApp, type GlobalOptions } from './context.js';
import { localTime } from './format.js';
import { topicById } from './topics.js';

export interface PreviewOptions {
  readonly limit?: string;
  readonly json?: boolean;
}

interface Match {
  readonly item: StoredItem;
  readonly reason: string;
  /** Not in the topic now: the edited rule adds it. */
  readonly added: boolean;
}

// runTopicsPreview classifies every stored item with the topic's current rule and shows the
// newest matches with the rule that matched, plus how the topic would change, so rules can be tuned.
export function runTopicsPreview(global: GlobalOptions, id: string, opts: PreviewOptions): void {
  const limit = opts.limit === undefined ? 20 : parseLimit(opts.limit);
  const app = openApp(global);
  try {
    const topic = topicById(app.config.topics, id);
    const classify = configClassifier({ sources: app.config.sources, topics: [topic] });
    const shown: Match[] = [];
    const leaving: StoredItem[] = [];
    const counts = { total: 0, now: 0, matches: 0, added: 0, leaving: 0 };
    for (const item of app.store.scanItems()) {
      counts.total++;
      const reason = classify(item, item.source)[0]?.reason;
      const now = item.topics.includes(id);
      if (now) counts.now++;
      if (reason === undefined) {
        if (now && counts.leaving++ < limit) leaving.push(item);
        continue;
      }
      counts.matches++;
      if (!now) counts.added++;
      if (shown.length < limit) shown.push({ item, reason, added: !now });
    }
    if (opts.json) {
      const json = {
        topic: id,
        ...counts,
        items: shown.map((m) => ({ ...storedItemJson(m.item), reason: m.reason, added: m.added })),
        leaving: leaving.map(storedItemJson),
      };
      process.stdout.write(JSON.stringify(json, null, 2) + '\n');
      return;
    }
    const zone = app.config.settings.timezone;
    const out = [
      `${id} (${topic.title}): ${counts.matches} of ${counts.total} stored items match (in the topic now: ${counts.now}; +${counts.added} new, -${counts.leaving} leaving)`,
    ];
    for (const m of shown) {
      out.push(`${localTime(m.item.published, zone)}  [${m.item.source}] ${m.item.title ?? '(no title)'}${m.added ? '  (new)' : ''}`);
      out.push(`                  ${m.reason}`);
    }
    if (leaving.length > 0) out.push('', 'would leave the topic:');
    for (const item of leaving) out.push(`${localTime(item.published, zone)}  [${item.source}] ${item.title ?? '(no title)'}`);
    process.stdout.write(out.join('\n') + '\n');
  } finally {
    app.store.close();
  }
}

function parseLimit(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new CliError(`--limit: "${text}" is not a positive whole number`, EXIT_USAGE);
  return n;
}
