// Feed-level fields (title, link, description, language), read per format and normalised here.
import type { ParsedFeed } from '../model.js';
import { toPlainText, type UrlRef } from './item-parts.js';
import type { TextValue } from './text-construct.js';
import { resolveUrl } from '../shared/urls.js';

export interface FeedHead {
  readonly title: TextValue | null;
  readonly link: UrlRef | null;
  readonly description: TextValue | null;
  readonly language: string | null;
}

// finishHead normalises the feed-level fields like item fields: plain text and absolute URLs.
export function finishHead(head: FeedHead): Pick<ParsedFeed, 'title' | 'link' | 'description' | 'language'> {
  const plain = (t: TextValue | null): string | null => (t === null ? null : toPlainText(t) || null);
  return {
    title: plain(head.title),
    link: head.link === null ? null : resolveUrl(head.link.href, head.link.base),
    description: plain(head.description),
    language: head.language?.trim() || null,
  };
}
