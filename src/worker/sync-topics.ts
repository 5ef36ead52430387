// Keeps stored topics in step with topics.yaml: classify and store put together.
import { classifyItem } from '../classify/classify-item.js';
import { topicsFingerprint } from '../classify/fingerprint.js';
import type { Config, ItemClassifier, SourceConfig } from '../model.js';
import type { ReclassifyResult, Store } from '../store/open-store.js';

// configClassifier classifies stored items with the config's topics. An item of a source no
// longer in sources.yaml is classified as if its source had no region and no tags.
export function configClassifier(config: Pick<Config, 'sources' | 'topics'>): ItemClassifier {
  const sources = new Map(config.sources.map((s) => [s.id, s]));
  return (item, sourceId) => classifyItem(item, sources.get(sourceId) ?? removedSource(sourceId), config.topics);
}

// reclassify re-computes every stored item's topics with the config and records that it did.
export function reclassify(
  store: Store,
  config: Pick<Config, 'sources' | 'topics'>,
  onProgress?: (done: number, total: number) => void,
): ReclassifyResult {
  const result = store.reclassifyAll(configClassifier(config), onProgress);
  store.setTopicsFingerprint(topicsFingerprint(config.topics, config.sources));
  return result;
}

// reclassifyIfChanged reclassifies only when topics.yaml (or a source's region or tags) changed
// since the stored topics were computed, so `poll` and `run` never serve topics from old rules.
export function reclassifyIfChanged(
  store: Store,
  config: Pick<Config, 'sources' | 'topics'>,
  onProgress?: (done: number, total: number) => void,
): ReclassifyResult | null {
  if (store.topicsFingerprint() === topicsFingerprint(config.topics, config.sources)) return null;
  return reclassify(store, config, onProgress);
}

function removedSource(id: string): SourceConfig {
  return { id, name: id, url: '', region: null, tags: [], intervalMs: 0, encoding: null, timezone: 'UTC', enabled: false, priority: 0, type: 'feed', page: null };
}
