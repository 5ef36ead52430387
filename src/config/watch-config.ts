// Reloads the config folder when one of its files is saved, keeping the last good config on errors.
import fs from 'node:fs';
import type { Config } from '../model.js';
import { ConfigError, loadConfig } from './load-config.js';

const WATCHED = new Set(['sources.yaml', 'topics.yaml', 'settings.yaml']);

export interface ConfigWatcher {
  close(): void;
}

// watchConfig calls onChange with the new config after a valid edit, onError with the located
// issues after an invalid one (the caller keeps its last good config). Editors often save in
// several steps (write a temp file, rename), so events are debounced.
export function watchConfig(
  dir: string,
  onChange: (config: Config) => void,
  onError: (error: ConfigError) => void,
  debounceMs = 300,
): ConfigWatcher {
  let timer: NodeJS.Timeout | undefined;
  const reload = () => {
    try {
      onChange(loadConfig(dir));
    } catch (error) {
      if (error instanceof ConfigError) onError(error);
      else throw error;
    }
  };
  // Watching the folder, not the files: a rename-on-save replaces the file a file watch would follow.
  const watcher = fs.watch(dir, (_event, name) => {
    if (name !== null && !WATCHED.has(name.toString())) return;
    clearTimeout(timer);
    timer = setTimeout(reload, debounceMs);
  });
  return {
    close: () => {
      clearTimeout(timer);
      watcher.close();
    },
  };
}
