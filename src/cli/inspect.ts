// `regionwire inspect`: fetch and parse without storing, to show what regionwire sees.
import path from 'node:path';
import { decodeFeed } from '../decode/decode-feed.js';
import { fetchFeed } from '../fetch/fetch-feed.js';
import type { FetchOptions, ParsedItem, SourceError, SourceTls } from '../model.js';
import { parseFeed } from '../parse/parse-feed.js';

export interface InspectOptions {
  /** Configured source ids to read with their own settings (feed or page). */
  readonly source?: readonly string[];
  readonly json?: boolean;
  readonly jsonl?: boolean;
  readonly encoding?: string;
  readonly timezone?: string;
}

export interface InspectJson {
  source: string;
  encoding: string | null;
  format: string | null;
  feed: { title: string | null; link: string | null; description: string | null };
  items: ReturnType<typeof itemJson>[];
  warning: string | null;
  error: { kind: string; message: string } | null;
}

// inspectInput fetches one URL or file, decodes and parses it; failures become the `error` field.
export async function inspectInput(
  input: string,
  fetchOptions: FetchOptions,
  opts: { encoding: string | null; timezone: string; now?: Date; sourceId?: string; tls?: SourceTls },
): Promise<InspectJson> {
  const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(input) ? input : path.resolve(input);
  const result: InspectJson = {
    source: input,
    encoding: null,
    format: null,
    feed: { title: null, link: null, description: null },
    items: [],
    warning: null,
    error: null,
  };
  const fail = (e: SourceError) => ({ ...result, error: { kind: e.kind, message: e.message } });
  const source = { ...(opts.sourceId ? { sourceId: opts.sourceId } : {}), ...(opts.tls ? { tls: opts.tls } : {}) };
  const fetched = await fetchFeed({ url, etag: null, lastModified: null, ...source }, fetchOptions);
  if (fetched.status === 'failed') return fail(fetched.error);
  if (fetched.status === 'not-modified') return result;
  const decoded = decodeFeed(fetched.body, { contentType: fetched.contentType, override: opts.encoding });
  result.encoding = decoded.encoding;
  result.warning = decoded.warning;
  const parsed = await parseFeed(decoded.text, {
    url: fetched.finalUrl,
    timezone: opts.timezone,
    now: opts.now ?? new Date(),
  });
  if (!parsed.ok) return fail(parsed.error);
  const { feed } = parsed;
  return {
    ...result,
    format: feed.format,
    feed: { title: feed.title, link: feed.link, description: feed.description },
    items: feed.items.map(itemJson),
  };
}

// itemJson is the documented item shape of `inspect --json`: dates ISO 8601, missing values null.
export function itemJson(item: ParsedItem) {
  return {
    guid: item.guid,
    url: item.url,
    title: item.title,
    summary: item.summary,
    content: item.content,
    author: item.author,
    categories: [...item.categories],
    image: item.image,
    published: item.published?.toISOString() ?? null,
    updated: item.updated?.toISOString() ?? null,
  };
}

// inspectText renders one result for a person at a terminal.
export function inspectText(r: InspectJson, formatDate: (d: string) => string): string {
  const lines = [`${r.source}`];
  if (r.error) {
    lines.push(`  error (${r.error.kind}): ${r.error.message}`);
    return lines.join('\n');
  }
  lines.push(`  format ${r.format}, encoding ${r.encoding}`);
  if (r.warning) lines.push(`  warning: ${r.warning}`);
  lines.push(`  title: ${r.feed.title ?? '(none)'}`, `  link: ${r.feed.link ?? '(none)'}`, `  ${r.items.length} items`);
  for (const item of r.items) {
    const when = item.published ? formatDate(item.published) : '(no date)';
    lines.push(`  - ${when}  ${item.title ?? '(no title)'}`, `      ${item.url ?? '(no link)'}`);
    // The optional fields, so a page source's selectors can be checked field by field.
    const extra: [string, string | null][] = [
      ['guid', item.guid],
      ['author', item.author],
      ['summary', item.summary],
      ['categories', item.categories.length > 0 ? item.categories.join(', ') : null],
      ['image', item.image],
      ['updated', item.updated ? formatDate(item.updated) : null],
    ];
    for (const [name, value] of extra) if (value !== null) lines.push(`      ${name}: ${value}`);
  }
  return lines.join('\n');
}
