// `regionwire stories [list] | rebuild`: stories with their versions, and re-clustering the database.
import cliProgress from 'cli-progress';
import { storyJson } from '../publish/story-json.js';
import { stripTracking } from '../shared/tracking-params.js';
import { freshDetector } from '../worker/assign-stories.js';
import { openApp, type GlobalOptions } from './context.js';
import { localTime } from './format.js';
import { parseSince } from './items.js';
import { topicById } from './topics.js';

export interface StoriesOptions {
  readonly topic?: string;
  readonly since?: string;
  readonly limit?: string;
  readonly json?: boolean;
}

// runStoriesList prints stories newest first, each with the outlets that carried it.
export function runStoriesList(global: GlobalOptions, opts: StoriesOptions): void {
  const app = openApp(global);
  try {
    if (opts.topic !== undefined) topicById(app.config.topics, opts.topic);
    const zone = app.config.settings.timezone;
    const stories = app.store.queryStories({
      ...(opts.topic !== undefined ? { topic: opts.topic } : {}),
      ...(opts.since !== undefined ? { since: parseSince(opts.since, zone) } : {}),
      ...(opts.limit !== undefined ? { limit: Number(opts.limit) } : {}),
    });
    if (opts.json) {
      process.stdout.write(JSON.stringify(stories.map(storyJson), null, 2) + '\n');
      return;
    }
    const lines = stories.map((s) => {
      const rep = s.versions.find((v) => v.id === s.representative) ?? s.versions[0];
      const versions = s.versions.map((v) => `    ${v.id === s.representative ? '*' : ' '} ${v.source}  ${v.title ?? ''}  ${v.url === null ? '' : stripTracking(v.url)}`);
      return [`${s.id}  ${localTime(s.lastSeen, zone)}  ${s.itemCount}건  ${rep?.title ?? ''}`, ...versions].join('\n');
    });
    process.stdout.write(lines.length === 0 ? 'no stories\n' : lines.join('\n') + '\n');
  } finally {
    app.store.close();
  }
}

// runStoriesRebuild forgets every story and re-clusters all items oldest first (after a threshold change).
export function runStoriesRebuild(global: GlobalOptions, opts: { json?: boolean }): void {
  const app = openApp(global);
  try {
    const bar = !opts.json && process.stderr.isTTY ? new cliProgress.SingleBar({ format: 'stories [{bar}] {value}/{total} items', clearOnComplete: true, stream: process.stderr }, cliProgress.Presets.shades_classic) : null;
    bar?.start(0, 0);
    const started = Date.now();
    const result = app.store.rebuildStories(freshDetector(app.config.sources).assign, (done, total) => {
      bar?.setTotal(total);
      bar?.update(done);
    });
    bar?.stop();
    const seconds = (Date.now() - started) / 1000;
    if (opts.json) process.stdout.write(JSON.stringify({ ...result, seconds }, null, 2) + '\n');
    else process.stdout.write(`${result.items} items in ${result.stories} stories (${seconds.toFixed(1)} s)\n`);
  } finally {
    app.store.close();
  }
}
