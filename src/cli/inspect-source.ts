// `regionwire inspect --source ID`: read one configured source, feed or page, without storing.
import type { Limiter } from '../fetch/limiter.js';
import type { FetchOptions, SourceConfig } from '../model.js';
import type { ReadContext } from '../worker/read-feed.js';
import { readPages } from '../worker/read-pages.js';
import { inspectInput, itemJson, type InspectJson } from './inspect.js';

/** Nothing is stored, so no item is known: every configured list page is read. */
const NOTHING_STORED: ReadContext['store'] = { seenItems: () => new Map() };

// inspectSource reads a source with its own settings (encoding, timezone, page selectors and
// request) and returns the same JSON shape as `inspect URL --json`, the error included.
export async function inspectSource(
  source: SourceConfig,
  ctx: { readonly fetchOptions: FetchOptions; readonly limiter: Limiter },
  now = new Date(),
): Promise<InspectJson> {
  if (source.type === 'feed') {
    const result = await ctx.limiter.run(source.url, () =>
      inspectInput(source.url, ctx.fetchOptions, {
        encoding: source.encoding,
        timezone: source.timezone,
        now,
        sourceId: source.id,
        ...(source.tls ? { tls: source.tls } : {}),
      }),
    );
    return { ...result, source: source.id };
  }
  const read = await readPages(source, null, { store: NOTHING_STORED, fetchOptions: ctx.fetchOptions, limiter: ctx.limiter, now });
  const result: InspectJson = {
    source: source.id,
    encoding: null,
    format: 'page',
    feed: { title: source.name, link: source.url, description: null },
    items: [],
    warning: null,
    error: null,
  };
  switch (read.status) {
    case 'ok':
      return { ...result, encoding: read.encoding, warning: read.warning, items: read.items.map(itemJson) };
    case 'failed':
      return { ...result, error: { kind: read.error.kind, message: read.error.message } };
    default:
      return result;
  }
}
