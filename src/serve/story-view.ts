// Topic listings one entry per story: the newest version in the listing places the story, its
// representative is shown, and every version goes along for the "같은 기사 N건" list.
import type { StoredItem } from '../model.js';
import type { FeedItem } from '../publish/entry.js';
import type { Store } from '../store/open-store.js';

/** How many items are read per wanted entry: versions of one story in one topic fall out. */
export const ITEMS_PER_ENTRY = 4;

// storyFeedItems turns items (newest first) into at most `limit` entries, one per story; items
// stored before stories existed stay entries of their own. `pair` adds each item's source.
export function storyFeedItems(
  store: Pick<Store, 'storyVersions' | 'storyRepresentatives'>,
  items: readonly StoredItem[],
  limit: number,
  pair: (items: readonly StoredItem[]) => FeedItem[],
): FeedItem[] {
  const seen = new Set<number>();
  const heads: StoredItem[] = [];
  for (const item of items) {
    if (heads.length >= limit) break;
    if (item.story !== null) {
      if (seen.has(item.story)) continue;
      seen.add(item.story);
    }
    heads.push(item);
  }
  const ids = [...seen];
  const versions = store.storyVersions(ids);
  const reps = store.storyRepresentatives(ids);
  return heads.map((head) => {
    if (head.story === null) return pair([head])[0] as FeedItem;
    const all = pair(versions.get(head.story) ?? [head]);
    const rep = all.find((v) => v.item.id === reps.get(head.story as number)) ?? all.find((v) => v.item.id === head.id) ?? (all[0] as FeedItem);
    return { ...rep, story: { id: head.story, versions: all } };
  });
}

// storiesWanted reads ?stories= (1 by default: one entry per story; 0: every item).
export function storiesWanted(query: URLSearchParams): boolean {
  return query.get('stories') !== '0';
}
