// Wires `regionwire inspect` to the terminal: works with or without a config folder.
import fs from 'node:fs';
import path from 'node:path';
import { fetchOptionsOf, openConfig, type GlobalOptions } from './context.js';
import { localTime } from './format.js';
import { inspectInput, inspectText, type InspectOptions } from './inspect.js';
import { defaultSettings } from '../config/defaults.js';
import type { Settings } from '../model.js';

// runInspect prints what regionwire sees in each input, as text, a JSON array or JSON lines.
export async function runInspect(global: GlobalOptions, inputs: readonly string[], opts: InspectOptions): Promise<void> {
  const settings = settingsFor(global);
  const fetchOptions = fetchOptionsOf({ settings });
  const timezone = opts.timezone ?? settings.timezone;
  const results = [];
  for (const input of inputs) {
    const result = await inspectInput(input, fetchOptions, { encoding: opts.encoding ?? null, timezone });
    if (opts.jsonl) process.stdout.write(JSON.stringify(result) + '\n');
    else if (!opts.json) process.stdout.write(inspectText(result, (d) => localTime(d, timezone)) + '\n');
    results.push(result);
  }
  if (opts.json) process.stdout.write(JSON.stringify(results, null, 2) + '\n');
}

// settingsFor uses the config folder's settings when there is one, the defaults otherwise,
// so `inspect` also works outside a regionwire folder.
function settingsFor(global: GlobalOptions): Settings {
  if (!fs.existsSync(path.join(global.config, 'sources.yaml'))) return defaultSettings;
  return openConfig(global).settings;
}
