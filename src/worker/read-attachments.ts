// Downloading a detail page's attachments and reading their text: fetch → detail, one file at a time.
import { readAttachmentText } from '../detail/attachment-text.js';
import { fetchFeed } from '../fetch/fetch-feed.js';
import type { Limiter } from '../fetch/limiter.js';
import type { AttachmentLink, FetchOptions, ReadAttachment, SourceConfig } from '../model.js';
import { sourceTrust } from './read-feed.js';

export interface AttachmentContext {
  readonly fetchOptions: FetchOptions;
  readonly limiter: Limiter;
}

export interface ReadAttachments {
  readonly attachments: readonly ReadAttachment[];
  /** One line per file that gave no text (or only part of it), for the poll's warning. */
  readonly warnings: readonly string[];
}

// readAttachments downloads each link through the per-host limit, with the source's tls and
// headers and the settings' size cap, and reads its text. A file that fails is listed with its error.
export async function readAttachments(links: readonly AttachmentLink[], source: SourceConfig, ctx: AttachmentContext): Promise<ReadAttachments> {
  const attachments: ReadAttachment[] = [];
  const warnings: string[] = [];
  for (const link of links) {
    const request = { url: link.url, etag: null, lastModified: null, ...sourceTrust(source), headers: source.page?.request.headers ?? {}, expect: 'file' as const };
    const fetched = await ctx.limiter.run(link.url, () => fetchFeed(request, ctx.fetchOptions));
    if (fetched.status !== 'ok') {
      const error = fetched.status === 'failed' ? fetched.error.message : `fetch: ${link.url} answered 304 to a request without validators`;
      attachments.push({ ...link, mediaType: null, size: null, textLength: null, error, text: null });
      warnings.push(`${link.name}: ${error}`);
      continue;
    }
    const read = await readAttachmentText(fetched.body, link.name);
    const size = fetched.body.length;
    if (!read.ok) {
      attachments.push({ ...link, mediaType: read.mediaType, size, textLength: null, error: read.error.message, text: null });
      warnings.push(read.error.message);
      continue;
    }
    // An empty text layer (a scanned PDF) is listed with its reason, like a failure, but not as one.
    const text = read.text === '' ? null : read.text;
    attachments.push({ ...link, mediaType: read.mediaType, size, textLength: text?.length ?? null, error: text === null ? read.warning : null, text });
    if (read.warning !== null) warnings.push(read.warning);
  }
  return { attachments, warnings };
}
