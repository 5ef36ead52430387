// Config folders written to a temp dir, and the issues loadConfig reports for them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect } from 'vitest';
import type { ConfigIssue } from '../../../src/model.js';
import { ConfigError, loadConfig } from '../../../src/config/load-config.js';

const made: string[] = [];

afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

// configDir writes the given files (name → lines) into a fresh folder and returns its path.
export function configDir(files: Record<string, string | readonly string[]>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regionwire-config-test-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.writeFileSync(path.join(dir, name), typeof text === 'string' ? text : text.join('\n') + '\n');
  }
  return dir;
}

// issuesOf runs loadConfig, expects it to throw ConfigError, and returns its issues.
export function issuesOf(dir: string): readonly ConfigIssue[] {
  try {
    loadConfig(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).issues;
  }
  throw new Error('expected loadConfig to throw ConfigError');
}

// onlyIssue expects exactly one issue and returns it.
export function onlyIssue(dir: string): ConfigIssue {
  const issues = issuesOf(dir);
  expect(issues, issues.map((i) => `${i.line}:${i.column} ${i.message}`).join('\n')).toHaveLength(1);
  return issues[0]!;
}

/** A valid source entry, as YAML lines under `sources:`. */
export const KADO = [
  '  - id: kado-all',
  '    name: 강원도민일보',
  '    url: https://www.kado.net/rss/allArticle.xml',
];
