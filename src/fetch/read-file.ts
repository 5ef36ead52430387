// Sources whose url is a local file (absolute path or file: URL): handy for feeds other tools write to disk.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FetchOptions, FetchRequest, FetchResult, SourceError } from '../model.js';
import { BodyTooLargeError, readBody } from './read-body.js';
import { notAFeedError } from './sniff.js';

function failed(error: SourceError): FetchResult {
  return { status: 'failed', error, permanentRedirect: null };
}

function fileError(message: string, cause?: unknown): FetchResult {
  return failed({ kind: 'file', message, cause });
}

function localPath(url: string): string | null {
  if (isAbsolute(url)) return url;
  if (!url.toLowerCase().startsWith('file:')) return null;
  try {
    return fileURLToPath(url);
  } catch {
    return null;
  }
}

function describe(err: unknown, path: string): string {
  const code = (err as { code?: unknown }).code;
  switch (code) {
    case 'ENOENT':
      return `fetch: file ${path} does not exist — check the path in sources.yaml`;
    case 'EACCES':
    case 'EPERM':
      return `fetch: file ${path} cannot be read (permission denied) — let the regionwire user read it`;
    case 'EISDIR':
      return `fetch: ${path} is a folder, not a feed file — point the source at the .xml file`;
    default:
      return `fetch: cannot read file ${path} (${err instanceof Error ? err.message : String(err)}) — check the path in sources.yaml`;
  }
}

// fetchLocalFile reads a feed from disk; the file's mtime plays the part of Last-Modified.
export async function fetchLocalFile(req: FetchRequest, opts: FetchOptions): Promise<FetchResult> {
  const path = localPath(req.url);
  if (path === null) {
    return fileError(`fetch: "${req.url}" is neither an http(s) URL nor an absolute file path — fix the url in sources.yaml`);
  }
  try {
    const info = await stat(path);
    if (info.isDirectory()) return fileError(describe({ code: 'EISDIR' }, path));
    // Devices and pipes have no useful size and may never end; only regular files are feeds.
    if (!info.isFile()) return fileError(`fetch: ${path} is not a regular file — point the source at a feed file`);
    // toUTCString gives the IMF-fixdate form of RFC 9110 §5.6.7, the same shape a server would send.
    const lastModified = info.mtime.toUTCString();
    const common = { finalUrl: req.url, permanentRedirect: null, etag: null, lastModified };
    if (req.lastModified === lastModified) return { status: 'not-modified', ...common };
    if (info.size > opts.maxBodyBytes) return failed(tooLarge(path, opts.maxBodyBytes));
    // The file may grow between stat and read, so the cap is enforced while reading as well.
    const body = await readBody(createReadStream(path), null, opts.maxBodyBytes);
    const notAFeed = notAFeedError(body, path, req.expect ?? 'feed');
    if (notAFeed) return failed(notAFeed);
    return { status: 'ok', httpStatus: null, body, contentType: null, ...common };
  } catch (err) {
    if (err instanceof BodyTooLargeError) return failed(tooLarge(path, opts.maxBodyBytes));
    return fileError(describe(err, path), err);
  }
}

function tooLarge(path: string, limit: number): SourceError {
  return {
    kind: 'too-large',
    message: `fetch: file ${path} is larger than maxBodyBytes (${limit} bytes) — raise maxBodyBytes in settings if the feed really is this big`,
  };
}
