// The parse stage: feed text in, ParsedFeed out. No network, no database; bad input gives a
// SourceError ('parse' or 'not-a-feed'), never an exception.
import type { ParseOptions, ParseResult, SourceError } from '../model.js';
import { readAtomEntry, readAtomHead } from './atom.js';
import { detectFeed } from './feed-format.js';
import { finishHead } from './feed-head.js';
import { finishItem } from './item-parts.js';
import { looksLikeHtmlPage, notAFeedMessage } from './not-a-feed.js';
import { prepareXml } from './prepare-xml.js';
import { readXml } from './read-xml.js';
import { releaseChildren } from './xml-tree.js';
import { repairTruncated } from './repair-truncated.js';
import { readRssHead, readRssItem } from './rss.js';

const DEFAULT_TIMEZONE = 'Asia/Seoul';

// parseFeed parses RSS 0.9x/1.0/2.0 or Atom 0.3/1.0 text into a normalised feed.
export async function parseFeed(text: string, opts: ParseOptions): Promise<ParseResult> {
  try {
    return parseOrFail(text, opts);
  } catch (err) {
    // Only a bug gets here; keep the poll loop alive and say so.
    const detail = err instanceof Error ? err.message : String(err);
    return fail('internal', `parse: internal error (${detail}); please report it with the feed url`, err);
  }
}

function parseOrFail(text: string, opts: ParseOptions): ParseResult {
  if (text.trim() === '') return fail('not-a-feed', 'parse: the body is empty; check that the source url points at a feed');
  const prepared = prepareXml(text);
  let read = readXml(prepared, opts.url);
  if (!read.ok && read.truncated) {
    const repaired = repairTruncated(prepared);
    if (repaired !== null) read = readXml(repaired, opts.url);
  }
  if (!read.ok) {
    if (looksLikeHtmlPage(text) || /^[\uFEFF\s]*[[{]/.test(text)) {
      return fail('not-a-feed', notAFeedMessage(text, opts.url, null));
    }
    return fail(
      'parse',
      `parse: the feed is not well-formed XML (${read.message}); check that the source url returns the feed itself, or ask the publisher to fix it`,
    );
  }
  const root = read.root;
  const shape = detectFeed(root);
  if (shape === null) return fail('not-a-feed', notAFeedMessage(text, opts.url, root.name));
  const finish = { timezone: opts.timezone || DEFAULT_TIMEZONE, now: opts.now };
  const head = shape.kind === 'atom' ? readAtomHead(root) : readRssHead(shape.channel, root);
  const items = shape.items.map((el) => {
    const item = finishItem(shape.kind === 'atom' ? readAtomEntry(el, root) : readRssItem(el), finish);
    releaseChildren(el);
    return item;
  });
  return { ok: true, feed: { format: shape.format, ...finishHead(head), items } };
}

function fail(kind: SourceError['kind'], message: string, cause?: unknown): ParseResult {
  return { ok: false, error: cause === undefined ? { kind, message } : { kind, message, cause } };
}
