// Which version of a story is shown first: the agency's own release where there is one (a source
// tagged `government` or `press-release`), then the higher source `priority` in sources.yaml, then
// the fuller text; on a full tie the version seen first stays (the store keeps it).
import type { SourceConfig } from '../model.js';

const ORIGINAL_TAGS = new Set(['government', 'press-release']);

// representativeRank orders versions by the rule above as one number; higher wins.
export function representativeRank(source: Pick<SourceConfig, 'tags' | 'priority'> | undefined, textLength: number): number {
  const original = source?.tags.some((t) => ORIGINAL_TAGS.has(t)) === true ? 1 : 0;
  const priority = Math.max(-999, Math.min(999, source?.priority ?? 0)) + 1000;
  return original * 1e10 + priority * 1e6 + Math.min(textLength, 999_999);
}
