// The documented JSON shape of a story, shared by `regionwire stories --json` and GET /api/stories.
import type { StoredStory } from '../model.js';
import { storedItemJson } from './item-json.js';

// storyJson gives a story with its representative's id and every version (oldest first).
export function storyJson(story: StoredStory) {
  return {
    id: story.id,
    representative: story.representative,
    firstSeen: story.firstSeen.toISOString(),
    lastSeen: story.lastSeen.toISOString(),
    itemCount: story.itemCount,
    sources: [...new Set(story.versions.map((v) => v.source))],
    versions: story.versions.map(storedItemJson),
  };
}
