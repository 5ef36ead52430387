// Story detection put together with the store: a detector warmed with the recent stored items and
// ranking versions by their source's config.
import type { SourceConfig, StoryAssigner } from '../model.js';
import type { Store } from '../store/open-store.js';
import { createStoryDetector } from '../stories/detector.js';
import { DEFAULT_STORY_PARAMS } from '../stories/params.js';
import { representativeRank } from '../stories/representative.js';

// storyAssigner builds the detector on first use, so commands that never store items never read
// the recent items; it then lives as long as the process, keeping its IDF window and cache.
export function storyAssigner(store: Pick<Store, 'recentStoryItems'>, sources: readonly SourceConfig[], now = () => new Date()): StoryAssigner {
  let assign: StoryAssigner | null = null;
  return (item, index) => {
    if (assign === null) {
      const detector = freshDetector(sources);
      // The item itself is already stored (it is assigned right after its insert): not counted twice.
      const since = new Date(now().getTime() - 2 * DEFAULT_STORY_PARAMS.windowMs);
      detector.warm([...store.recentStoryItems(since)].filter((recent) => recent.id !== item.id));
      assign = detector.assign;
    }
    return assign(item, index);
  };
}

// freshDetector is a detector with an empty IDF window (rebuilds count items in as they go).
export function freshDetector(sources: readonly SourceConfig[]) {
  const byId = new Map(sources.map((s) => [s.id, s]));
  return createStoryDetector({ rank: (item, f) => representativeRank(byId.get(item.source), f.length) });
}
