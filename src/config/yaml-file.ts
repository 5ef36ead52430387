import { readFileSync } from 'node:fs';
import { isScalar, LineCounter, parseDocument, visit, type YAMLError } from 'yaml';
import type { ConfigIssue } from '../model.js';
import type { YamlFile } from './yaml-locate.js';

// The yaml package's messages are accurate but terse; these say what to do about the usual slips.
const HINTS: Partial<Record<string, string>> = {
  TAB_AS_INDENT: 'indent with spaces only; YAML does not allow tabs for indentation',
  BAD_INDENT: 'check that this line is indented like its siblings',
  BLOCK_AS_IMPLICIT_KEY: 'check the indentation of this line and the next; a key seems to be indented under a value',
  MULTILINE_IMPLICIT_KEY: 'check the indentation; a key has to fit on one line',
  MISSING_CHAR: 'a quote or bracket is not closed',
  UNEXPECTED_TOKEN: 'check for a stray character or a missing ":"',
};

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

// The message for a duplicate key names the key and the line it first appeared on.
function duplicateKeyMessage(yaml: YamlFile, offset: number): string {
  let found = 'a key';
  visit(yaml.doc, {
    Map(_, map) {
      const index = map.items.findIndex((pair) => isScalar(pair.key) && pair.key.range?.[0] === offset);
      if (index < 0) return undefined;
      const key = map.items[index]!.key;
      const name = isScalar(key) ? String(key.value) : '';
      const first = map.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === name);
      const firstAt = isScalar(first?.key) ? yaml.lineCounter.linePos(first.key.range?.[0] ?? 0).line : null;
      found = `key "${name}"` + (firstAt !== null ? ` (first written on line ${firstAt})` : '');
      return visit.BREAK;
    },
  });
  return `duplicate ${found}; YAML keeps only one of them, so remove or rename one`;
}

function syntaxIssue(yaml: YamlFile, error: YAMLError): ConfigIssue {
  const start = error.linePos?.[0] ?? yaml.lineCounter.linePos(error.pos[0]);
  const message =
    error.code === 'DUPLICATE_KEY'
      ? duplicateKeyMessage(yaml, error.pos[0])
      : `YAML syntax error: ${firstLine(error.message)}` + (HINTS[error.code] ? `; ${HINTS[error.code]}` : '');
  return { file: yaml.file, line: start.line, column: start.col, message };
}

export interface ReadResult {
  readonly yaml: YamlFile;
  /** YAML-level problems; when there are any, the data is not trustworthy enough to validate. */
  readonly issues: readonly ConfigIssue[];
}

// readYamlFile parses one config file, keeping positions so later checks can point into it.
export function readYamlFile(path: string, shownAs: string): ReadResult {
  const text = readFileSync(path, 'utf8');
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const yaml: YamlFile = { file: shownAs, doc, lineCounter };
  const seen = new Set<string>();
  const issues: ConfigIssue[] = [];
  // One slip often yields several parser errors at the same spot; the first explains it best.
  for (const error of doc.errors) {
    const issue = syntaxIssue(yaml, error);
    const where = `${issue.line}:${issue.column}`;
    if (seen.has(where)) continue;
    seen.add(where);
    issues.push(issue);
  }
  return { yaml, issues };
}

