// Wires `regionwire inspect` to the terminal: works with or without a config folder.
import fs from 'node:fs';
import path from 'node:path';
import { CliError, EXIT_USAGE, fetchOptionsOf, openConfig, type GlobalOptions } from './context.js';
import { localTime } from './format.js';
import { inspectInput, inspectText, type InspectJson, type InspectOptions } from './inspect.js';
import { inspectSource } from './inspect-source.js';
import { chooseSources } from './poll.js';
import { defaultSettings } from '../config/defaults.js';
import { createLimiter } from '../fetch/limiter.js';
import type { Settings } from '../model.js';

// runInspect prints what regionwire sees in each input (URL or file) or configured source (--source),
// as text, a JSON array or JSON lines.
export async function runInspect(global: GlobalOptions, inputs: readonly string[], opts: InspectOptions): Promise<void> {
  const ids = opts.source ?? [];
  if (inputs.length === 0 && ids.length === 0) {
    throw new CliError('inspect: give feed URLs or files, or --source ID for a configured source', EXIT_USAGE);
  }
  const config = ids.length > 0 ? openConfig(global) : null;
  const settings = config?.settings ?? settingsFor(global);
  const fetchOptions = fetchOptionsOf({ settings });
  const limiter = createLimiter({ concurrency: settings.concurrency, perHost: settings.perHostConcurrency });
  const timezone = opts.timezone ?? settings.timezone;
  const results: InspectJson[] = [];
  const show = (result: InspectJson) => {
    if (opts.jsonl) process.stdout.write(JSON.stringify(result) + '\n');
    else if (!opts.json) process.stdout.write(inspectText(result, (d) => localTime(d, timezone)) + '\n');
    results.push(result);
  };
  for (const source of config ? chooseSources(config.sources, ids) : []) show(await inspectSource(source, { fetchOptions, limiter }));
  for (const input of inputs) show(await inspectInput(input, fetchOptions, { encoding: opts.encoding ?? null, timezone }));
  if (opts.json) process.stdout.write(JSON.stringify(results, null, 2) + '\n');
}

// settingsFor uses the config folder's settings when there is one, the defaults otherwise,
// so `inspect` also works outside a regionwire folder.
function settingsFor(global: GlobalOptions): Settings {
  if (!fs.existsSync(path.join(global.config, 'sources.yaml'))) return defaultSettings;
  return openConfig(global).settings;
}
