import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Config, ConfigIssue } from '../model.js';
import { ConfigError } from './config-error.js';
import { suggest } from './did-you-mean.js';
import { reporterFor } from './report.js';
import { schemaIssues } from './schema-issues.js';
import type { ConfigFileKind } from './schemas.js';
import { buildSettings } from './settings.js';
import { buildSources } from './sources.js';
import { buildTopics } from './topics.js';
import { readYamlFile } from './yaml-file.js';
import type { YamlFile } from './yaml-locate.js';

export { ConfigError, formatIssue } from './config-error.js';
export { parseByteSize } from './byte-size.js';
export { parseDuration } from './duration.js';
export { defaultSettings } from './defaults.js';

const KINDS: readonly ConfigFileKind[] = ['settings', 'sources', 'topics'];

interface Loaded {
  readonly yaml: YamlFile;
  /** The value under the file's top-level key, once the file is valid YAML of the right shape. */
  readonly value: unknown;
}

// Reads one file and checks it against its schema; null when it is absent or not usable YAML.
function loadFile(kind: ConfigFileKind, dir: string, issues: ConfigIssue[]): Loaded | null {
  const path = join(dir, `${kind}.yaml`);
  if (!existsSync(path)) {
    if (kind === 'sources') {
      issues.push({ file: path, line: 1, column: 1, message: 'file not found; a config folder needs a sources.yaml with a top-level "sources:" list' });
    }
    return null;
  }
  const { yaml, issues: syntax } = readYamlFile(path, path);
  issues.push(...syntax);
  if (syntax.length > 0) return null;
  const data: unknown = yaml.doc.toJS();
  issues.push(...schemaIssues(kind, yaml, data));
  const value = data !== null && typeof data === 'object' ? (data as Record<string, unknown>)[kind] : undefined;
  return { yaml, value };
}

// A file that is almost a config file name (settings.yml, source.yaml) would be silently ignored.
function misnamedFiles(dir: string): ConfigIssue[] {
  const expected = KINDS.map((kind) => `${kind}.yaml`);
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/i.test(name) && !expected.includes(name))
    .flatMap((name) => {
      const meant = suggest(name, expected);
      if (!meant) return [];
      return [{ file: join(dir, name), line: 1, column: 1, message: `this file is not read; did you mean to name it "${meant}"?` }];
    });
}

// Issues are listed file by file, top to bottom, the order a person fixes them in.
function sortIssues(issues: readonly ConfigIssue[]): ConfigIssue[] {
  const fileOrder = [...new Set(issues.map((issue) => issue.file))];
  return [...issues].sort(
    (a, b) => fileOrder.indexOf(a.file) - fileOrder.indexOf(b.file) || a.line - b.line || a.column - b.column,
  );
}

// loadConfig reads and validates a config folder, throwing ConfigError listing every problem found.
export function loadConfig(dir: string): Config {
  const absoluteDir = resolve(dir);
  if (!existsSync(absoluteDir) || !statSync(absoluteDir).isDirectory()) {
    const what = existsSync(absoluteDir) ? 'is not a folder' : 'does not exist';
    throw new ConfigError([{ file: dir, line: 1, column: 1, message: `config folder ${what}; pass the folder holding sources.yaml` }]);
  }
  const issues: ConfigIssue[] = misnamedFiles(dir);

  const settingsFile = loadFile('settings', dir, issues);
  const settings = buildSettings(settingsFile?.value, settingsFile ? reporterFor(settingsFile.yaml, issues) : null);

  const sourcesFile = loadFile('sources', dir, issues);
  const sources = sourcesFile
    ? buildSources(sourcesFile.value, settings, absoluteDir, sourcesFile.yaml, reporterFor(sourcesFile.yaml, issues))
    : [];

  // Topics name sources, so they are checked against the sources just read; no file, no topics.
  const topicsFile = loadFile('topics', dir, issues);
  const topics = topicsFile ? buildTopics(topicsFile.value, sources, topicsFile.yaml, reporterFor(topicsFile.yaml, issues)) : [];

  if (issues.length > 0) throw new ConfigError(sortIssues(issues));
  return { dir: absoluteDir, settings, sources, topics };
}
