import type { ConfigIssue } from '../model.js';
import type { Checked } from './value-checks.js';
import { formatPath, locate, type ConfigPath, type YamlFile } from './yaml-locate.js';

/** Collects issues for one file, each located at a path in it. */
export interface Reporter {
  (path: ConfigPath, message: string, where?: 'key' | 'value'): void;
}

// reporterFor makes a Reporter that prefixes the path and finds its line and column.
export function reporterFor(yaml: YamlFile, issues: ConfigIssue[]): Reporter {
  return (path, message, where = 'value') => {
    const { line, column } = locate(yaml, path, where);
    issues.push({ file: yaml.file, line, column, message: `${formatPath(path)}: ${message}` });
  };
}

// accept returns a checked value, or reports why it was refused and returns the fallback,
// so one bad value never stops the rest of the file from being checked.
export function accept<T>(report: Reporter | null, path: ConfigPath, result: Checked<T> | null, fallback: T): T {
  if (result === null) return fallback;
  if (result.ok) return result.value;
  report?.(path, result.message);
  return fallback;
}
