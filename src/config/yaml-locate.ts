import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair } from 'yaml';

/** A key or index inside a config file, e.g. ['sources', 2, 'interval']. */
export type ConfigPath = readonly (string | number)[];

/** One parsed YAML file, kept with what is needed to point back into its text. */
export interface YamlFile {
  /** Path as shown to people, e.g. "config/sources.yaml". */
  readonly file: string;
  readonly doc: Document.Parsed;
  readonly lineCounter: LineCounter;
}

export interface Position {
  readonly line: number;
  readonly column: number;
}

// formatPath writes a path the way it reads in the file: sources[2].interval.
export function formatPath(path: ConfigPath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? segment : `.${segment}`;
  }
  return text;
}

function pairIn(node: unknown, key: string): Pair<Node, Node | null> | undefined {
  if (!isMap(node)) return undefined;
  return node.items.find(
    (item): item is Pair<Node, Node | null> => isPair(item) && isScalar(item.key) && String(item.key.value) === key,
  ) as Pair<Node, Node | null> | undefined;
}

function offsetOf(node: Node | null | undefined): number | undefined {
  return node?.range?.[0];
}

// locate finds where a path sits in the file: the key itself ('key'), or its value ('value').
// It falls back to the deepest part of the path that exists, so a message about a missing
// key still lands on the map it is missing from, never on line 1 by accident.
export function locate(yaml: YamlFile, path: ConfigPath, where: 'key' | 'value'): Position {
  let node: unknown = yaml.doc.contents;
  let offset = offsetOf(yaml.doc.contents) ?? 0;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    const last = i === path.length - 1;
    if (typeof segment === 'number') {
      if (!isSeq(node)) break;
      const item = node.items[segment];
      if (!item) break;
      node = item;
      offset = offsetOf(item as Node) ?? offset;
      continue;
    }
    const pair = pairIn(node, segment);
    if (!pair) break;
    const keyOffset = offsetOf(pair.key) ?? offset;
    const value = pair.value;
    // An empty value ("port:") has a zero-width range after the colon; the key is clearer.
    const emptyValue = !value || (isScalar(value) && value.range != null && value.range[0] === value.range[1]);
    offset = (last && where === 'key') || emptyValue ? keyOffset : (offsetOf(value) ?? keyOffset);
    node = value;
  }
  const { line, col } = yaml.lineCounter.linePos(offset);
  return { line, column: col };
}

// lineOfKey is the 1-based line of a map key, used to name where a first occurrence was.
export function lineOfKey(yaml: YamlFile, path: ConfigPath): number {
  return locate(yaml, path, 'key').line;
}
