// Reading a response body: undoing Content-Encoding and stopping at the size cap.
import { Transform, Writable, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';

/** Thrown when the decoded body passes the cap; the pipeline is torn down at that moment. */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`body larger than ${limit} bytes`);
  }
}

/** Thrown before reading when the server used a Content-Encoding we did not offer. */
export class UnsupportedEncodingError extends Error {
  constructor(readonly coding: string) {
    super(`unsupported Content-Encoding "${coding}"`);
  }
}

// Sync flush on finish tolerates truncated streams, which real servers send; browsers accept them too.
const ZLIB_OPTIONS = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH };
const BROTLI_OPTIONS = {
  flush: zlib.constants.BROTLI_OPERATION_FLUSH,
  finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH,
};

// "deflate" means zlib-wrapped data (RFC 9110 §8.4.1.2), but some servers (old IIS) send raw DEFLATE.
// A zlib stream starts with CMF whose low nibble is 8; anything else is treated as raw, as undici's fetch does.
// Unlike undici's version this one passes back-pressure through, so a deflate bomb inflates only as fast as we read.
class AutoInflate extends Transform {
  #inner: zlib.Inflate | zlib.InflateRaw | null = null;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.#inner === null) {
      if (chunk.length === 0) return callback();
      const inner = ((chunk[0] as number) & 0x0f) === 0x08 ? zlib.createInflate(ZLIB_OPTIONS) : zlib.createInflateRaw(ZLIB_OPTIONS);
      inner.on('data', (data: Buffer) => {
        if (!this.push(data)) inner.pause();
      });
      inner.on('error', (err) => this.destroy(err));
      this.#inner = inner;
    }
    this.#inner.write(chunk, () => callback());
  }

  override _read(size: number): void {
    this.#inner?.resume();
    super._read(size);
  }

  override _flush(callback: TransformCallback): void {
    if (this.#inner === null) return callback();
    this.#inner.once('end', () => callback());
    this.#inner.end();
  }

  override _destroy(err: Error | null, callback: (error?: Error | null) => void): void {
    this.#inner?.destroy();
    callback(err);
  }
}

function decoderFor(coding: string): Transform {
  switch (coding) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip(ZLIB_OPTIONS);
    case 'deflate':
      return new AutoInflate();
    case 'br':
      return zlib.createBrotliDecompress(BROTLI_OPTIONS);
    default:
      throw new UnsupportedEncodingError(coding);
  }
}

// dropBody closes a body we will not read; undici's body emits an AbortError on destroy, which must not go unheard.
export function dropBody(source: Readable): void {
  source.on('error', () => undefined);
  source.destroy();
}

// readBody collects the decoded body, failing with BodyTooLargeError as soon as it passes `maxBytes`;
// the failure destroys the source, which closes the connection instead of draining the rest.
export async function readBody(source: Readable, contentEncoding: string | null, maxBytes: number): Promise<Buffer> {
  // Codings are listed in the order applied (RFC 9110 §8.4), so they are undone last to first.
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
  let decoders: Transform[];
  try {
    decoders = codings.reverse().map(decoderFor);
  } catch (err) {
    dropBody(source);
    throw err;
  }
  const chunks: Buffer[] = [];
  let total = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      total += chunk.length;
      if (total > maxBytes) return callback(new BodyTooLargeError(maxBytes));
      chunks.push(chunk);
      callback();
    },
  });
  await pipeline([source, ...decoders, sink]);
  return Buffer.concat(chunks, total);
}
