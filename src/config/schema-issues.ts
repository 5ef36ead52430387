import type { ErrorObject } from 'ajv';
import type { ConfigIssue } from '../model.js';
import { suggest } from './did-you-mean.js';
import { schemaFor, subschema, validateAgainstSchema, type ConfigFileKind, type SchemaNode } from './schemas.js';
import { formatPath, locate, type ConfigPath, type YamlFile } from './yaml-locate.js';

// Durations and sizes carry a schema pattern for editors, but their messages (and the
// minimums, which need the parsed value) come from code, so these schema errors are dropped.
const CHECKED_IN_CODE = new Set(['interval', 'default_interval', 'timeout', 'max_backoff', 'max_body_size']);
const DURATION_KEYS = new Set(['interval', 'default_interval', 'timeout', 'max_backoff']);

const ROOT_SHAPE: Record<ConfigFileKind, string> = {
  sources: 'a list of sources',
  settings: 'a map of settings',
  topics: 'a list of topics',
};

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a map of keys',
  null: 'null',
};

// describeValue names what a person wrote, in their terms rather than JSON's.
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing (the value is empty)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map of keys';
  if (typeof value === 'string') return JSON.stringify(value);
  return `${String(value)} (${typeof value === 'number' ? 'a number' : 'true/false'})`;
}

function describeType(type: unknown): string {
  const names = (Array.isArray(type) ? type : String(type).split(',')).map((t) => TYPE_NAMES[String(t)] ?? String(t));
  return names.join(' or ');
}

function toPath(pointer: string, data: unknown): (string | number)[] {
  const path: (string | number)[] = [];
  let node = data;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const key = Array.isArray(node) && /^\d+$/.test(segment) ? Number(segment) : segment;
    path.push(key);
    node = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[key] : undefined;
  }
  return path;
}

function valueAt(data: unknown, path: ConfigPath): unknown {
  let node = data;
  for (const key of path) {
    node = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[key] : undefined;
  }
  return node;
}

function hintFor(schema: SchemaNode | undefined): string {
  return schema?.title ? ` (${schema.title.toLowerCase()})` : '';
}

interface Draft {
  readonly path: ConfigPath;
  readonly where: 'key' | 'value';
  readonly message: string;
  /** For unknown keys: the key it was probably meant to be. */
  readonly meant?: string;
  /** For missing keys: which key is missing. */
  readonly missing?: string;
}

function draftFor(kind: ConfigFileKind, error: ErrorObject, data: unknown): Draft | null {
  const { schema } = schemaFor(kind);
  const path = toPath(error.instancePath, data);
  const value = valueAt(data, path);
  const last = path[path.length - 1];
  const label = formatPath(path);
  const atRoot = path.length === 0;
  const fileName = `${kind}.yaml`;

  if ((error.keyword === 'pattern' || error.keyword === 'minimum') && typeof last === 'string' && CHECKED_IN_CODE.has(last)) {
    return null;
  }

  switch (error.keyword) {
    case 'required': {
      const missing = String(error.params['missingProperty']);
      if (atRoot) {
        return { path, where: 'value', missing, message: `missing the top-level key "${kind}:"; ${fileName} must hold ${ROOT_SHAPE[kind]} under it` };
      }
      const hint = hintFor(subschema(schema, [...path, missing]));
      return { path, where: 'value', missing, message: `${label}: missing required key "${missing}"${hint}` };
    }
    case 'additionalProperties': {
      const key = String(error.params['additionalProperty']);
      const allowed = Object.keys(subschema(schema, path)?.properties ?? {});
      const meant = suggest(key, allowed);
      const didYouMean = meant ? ` (did you mean "${meant}"?)` : '';
      if (atRoot) {
        return { path: [key], where: 'key', meant: meant ?? undefined, message: `unknown top-level key "${key}"${didYouMean}; ${fileName} has exactly one top-level key, "${kind}:"` };
      }
      const choices = meant ? '' : `; allowed keys: ${allowed.join(', ')}`;
      return { path: [...path, key], where: 'key', meant: meant ?? undefined, message: `${formatPath([...path, key])}: unknown key "${key}"${didYouMean}${choices}` };
    }
    case 'type': {
      if (atRoot) {
        const got = value === null || value === undefined ? 'the file is empty' : `the file holds ${describeValue(value)}`;
        return { path, where: 'value', message: `${got}; ${fileName} must start with "${kind}:" followed by ${ROOT_SHAPE[kind]}` };
      }
      if (typeof last === 'string' && DURATION_KEYS.has(last)) {
        return { path, where: 'value', message: `${label}: ${describeValue(value)} is not a duration; write e.g. 15m, 1h, 90s` };
      }
      const quote = typeof value === 'number' && error.params['type'] === 'string' ? '; put it in quotes to make it text' : '';
      return { path, where: 'value', message: `${label}: expected ${describeType(error.params['type'])}, got ${describeValue(value)}${quote}` };
    }
    case 'pattern':
      if (last === 'id') {
        return { path, where: 'value', message: `${label}: ${JSON.stringify(value)} is not a valid id; use lower-case letters a-z, digits and "-", starting with a letter or digit (e.g. "kado-all")` };
      }
      return { path, where: 'value', message: `${label}: ${JSON.stringify(value)} is not in the expected form${hintFor(subschema(schema, path))}` };
    case 'minimum':
    case 'maximum': {
      const limit = String(error.params['limit']);
      const bound = error.keyword === 'minimum' ? `too small; the minimum is ${limit}` : `too large; the maximum is ${limit}`;
      return { path, where: 'value', message: `${label}: ${String(value)} is ${bound}` };
    }
    case 'enum': {
      const allowed = ((error.params['allowedValues'] as unknown[] | undefined) ?? []).map(String).join(', ');
      return { path, where: 'value', message: `${label}: ${describeValue(value)} is not allowed; use one of: ${allowed}` };
    }
    case 'minLength':
      return { path, where: 'value', message: `${label}: must not be empty${hintFor(subschema(schema, path))}` };
    case 'minItems':
      return { path, where: 'value', message: `${label}: the list is empty; add at least one entry` };
    case 'uniqueItems': {
      // ajv scans from the end, so j is the later of the two equal items: point at the repeat.
      const later = Number(error.params['j']);
      const item = Array.isArray(value) ? value[later] : undefined;
      return { path: [...path, later], where: 'value', message: `${formatPath([...path, later])}: ${JSON.stringify(item)} is already listed` };
    }
    default:
      return { path, where: 'value', message: `${label || kind}: ${error.message ?? 'is not valid'}` };
  }
}

// schemaIssues validates a file's data against its JSON Schema and phrases each error for people.
export function schemaIssues(kind: ConfigFileKind, yaml: YamlFile, data: unknown): ConfigIssue[] {
  const drafts = validateAgainstSchema(kind, data)
    .map((error) => draftFor(kind, error, data))
    .filter((draft): draft is Draft => draft !== null);
  // A misspelt key shows up twice, as unknown and as missing; "did you mean" already says both.
  const explained = new Set(
    drafts.filter((d) => d.meant !== undefined).map((d) => `${formatPath(d.path.slice(0, -1))}\u0000${d.meant}`),
  );
  return drafts
    .filter((d) => d.missing === undefined || !explained.has(`${formatPath(d.path)}\u0000${d.missing}`))
    .map((d) => {
      const { line, column } = locate(yaml, d.path, d.where);
      return { file: yaml.file, line, column, message: d.message };
    });
}
