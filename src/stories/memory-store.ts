// An in-memory StoryStoreReader with the store's semantics, for benchmarks and tests.
import type { StoryAssignment, StoryItem, StoryStoreReader } from '../model.js';

export class MemoryStoryStore implements StoryStoreReader {
  private readonly stories = new Map<number, number>();

  storyOf(itemId: number): number | null {
    return this.stories.get(itemId) ?? null;
  }

  storiedItemsAfter(): Iterable<StoryItem> {
    return [];
  }

  // record stores an item where detection put it, and returns its story id.
  record(item: StoryItem, assignment: StoryAssignment): number {
    const story = assignment.storyId ?? item.id;
    this.stories.set(item.id, story);
    return story;
  }
}
