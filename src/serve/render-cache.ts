// A small LRU of rendered responses, valid while the store's change token stays the same.
import crypto from 'node:crypto';

export interface Rendered {
  readonly body: Buffer;
  readonly contentType: string;
  /** Strong validator: a hash of the body (RFC 9110 §8.8.3). */
  readonly etag: string;
  /**
   * For Last-Modified: the newest item shown, or, for a response that shows none (OPML, an empty
   * topic), when it was rendered. Either way it moves forward whenever the cached body is rendered
   * again for a change, so If-Modified-Since never hides one.
   */
  readonly lastModified: Date;
}

// rendered hashes a body into a Rendered response.
export function rendered(body: string, contentType: string, lastModified: Date): Rendered {
  const bytes = Buffer.from(body, 'utf8');
  const etag = `"${crypto.createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`;
  return { body: bytes, contentType, etag, lastModified };
}

// RenderCache keys entries by route and parameters; an entry made under another token is stale.
export class RenderCache<T> {
  private readonly entries = new Map<string, { token: string; value: T }>();

  constructor(private readonly maxEntries = 256) {}

  // get returns the cached response, or renders, stores and returns a fresh one.
  get(key: string, token: string, render: () => T): T {
    const hit = this.entries.get(key);
    this.entries.delete(key);
    if (hit !== undefined && hit.token === token) {
      this.entries.set(key, hit);
      return hit.value;
    }
    const value = render();
    this.entries.set(key, { token, value });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}
