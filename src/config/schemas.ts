import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

/** The config files, each with one top-level key of the same name. */
export type ConfigFileKind = 'sources' | 'settings' | 'topics';

/** A JSON Schema object as far as messages need to read it. */
export interface SchemaNode {
  readonly title?: string;
  readonly description?: string;
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly items?: SchemaNode;
  readonly examples?: readonly unknown[];
  readonly enum?: readonly unknown[];
  /** Only local references, "#/definitions/<name>". */
  readonly $ref?: string;
  readonly definitions?: Readonly<Record<string, SchemaNode>>;
}

// The schemas ship in config/schema/ so editors can use them too; the code reads the copy
// shipped with the package (two levels up from both src/config/ and dist/config/), never one
// from a user's --config folder, so validation always matches the code that runs.
const SCHEMA_DIR = new URL('../../config/schema/', import.meta.url);

// Draft-07 because it is the draft YAML editors (yaml-language-server) understand best. The
// shipped schemas are checked against draft-07 by a test (shipped-config.test.ts), not at every
// start: that check was a third of compiling them, and every command starts by loading config.
const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, strict: true, validateSchema: false });
const compiled = new Map<ConfigFileKind, { schema: SchemaNode; validate: ValidateFunction }>();

// schemaFor loads and compiles a file's schema once.
export function schemaFor(kind: ConfigFileKind): { schema: SchemaNode; validate: ValidateFunction } {
  let entry = compiled.get(kind);
  if (!entry) {
    const schema = JSON.parse(readFileSync(new URL(`${kind}.schema.json`, SCHEMA_DIR), 'utf8')) as SchemaNode;
    entry = { schema, validate: ajv.compile(schema) };
    compiled.set(kind, entry);
  }
  return entry;
}

// validateAgainstSchema returns ajv's raw errors for one file's data (empty when valid).
export function validateAgainstSchema(kind: ConfigFileKind, data: unknown): readonly ErrorObject[] {
  const { validate } = schemaFor(kind);
  return validate(data) ? [] : [...(validate.errors ?? [])];
}

// subschema walks the schema along a data path, for titles and allowed keys in messages.
export function subschema(root: SchemaNode, path: readonly (string | number)[]): SchemaNode | undefined {
  let node: SchemaNode | undefined = root;
  for (const segment of path) {
    if (!node) return undefined;
    node = resolveRef(root, node);
    node = typeof segment === 'number' ? node.items : node.properties?.[segment];
  }
  return node && { ...resolveRef(root, node), ...withoutRef(node) };
}

// resolveRef follows a local "#/definitions/<name>" reference (the page fields share one definition).
function resolveRef(root: SchemaNode, node: SchemaNode): SchemaNode {
  const name = node.$ref?.replace(/^#\/definitions\//, '');
  return (name !== undefined && root.definitions?.[name]) || node;
}

// The node's own title and description win over those of the definition it refers to.
function withoutRef(node: SchemaNode): SchemaNode {
  const { $ref: _ref, ...own } = node;
  return own;
}
