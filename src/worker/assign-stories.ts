// Story detection put together with the store: a detector that takes in the recent stored items
// on first use and ranks versions by their source's config.
import type { SourceConfig, StoryAssigner } from '../model.js';
import type { Store } from '../store/open-store.js';
import { createStoryDetector } from '../stories/detector.js';
import { DEFAULT_STORY_PARAMS } from '../stories/params.js';
import { representativeRank } from '../stories/representative.js';

// storyAssigner builds the detector on first use, so commands that never store items never read
// the recent items; it then lives as long as the process, keeping its windows and cache.
export function storyAssigner(store: Pick<Store, 'recentStoryItems'>, sources: readonly SourceConfig[], now = () => new Date()): StoryAssigner {
  let assign: StoryAssigner | null = null;
  return (item, reader) => {
    if (assign === null) {
      const detector = freshDetector(sources);
      // The item is assigned just before its insert, with the next id: every stored item has a lower one.
      const since = new Date(now().getTime() - 2 * DEFAULT_STORY_PARAMS.windowMs);
      detector.warm(store.recentStoryItems(since, DEFAULT_STORY_PARAMS.idfItems), item.id - 1);
      assign = detector.assign;
    }
    return assign(item, reader);
  };
}

// freshDetector is a detector that has seen nothing yet (rebuilds show it every item in turn).
export function freshDetector(sources: readonly SourceConfig[]) {
  const byId = new Map(sources.map((s) => [s.id, s]));
  return createStoryDetector({ rank: (item, f) => representativeRank(byId.get(item.source), f.length) });
}
