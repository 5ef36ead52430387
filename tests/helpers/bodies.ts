// Origin handlers for the fetch tests: bodies that never end, trickle, or compress absurdly well.
import type { ServerResponse } from 'node:http';
import type { Handler } from './origin.js';

export interface Stream {
  /** Bytes handed to the socket so far. */
  written: number;
  /** True once the client went away before we were done. */
  cutOff: boolean;
  /** Resolves when the response closes, either way. */
  readonly closed: Promise<void>;
}

// writeUntilClosed writes `chunk` up to `times` times, honouring back-pressure, and stops when the client leaves.
export function writeUntilClosed(res: ServerResponse, chunk: Buffer, times: number): Stream {
  let done: () => void = () => undefined;
  const stream: Stream = { written: 0, cutOff: false, closed: new Promise<void>((resolve) => (done = resolve)) };
  res.on('close', () => {
    stream.cutOff = !res.writableFinished;
    done();
  });
  const pump = (): void => {
    for (let i = stream.written / chunk.length; i < times; i += 1) {
      if (res.destroyed) return;
      stream.written += chunk.length;
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    res.end();
  };
  pump();
  return stream;
}

// endless answers 200 with `chunk` repeated `times` times and reports each response's stream to `seen`.
export function endless(chunk: Buffer, times: number, headers: Record<string, string>, seen: Stream[]): Handler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml', ...headers });
    seen.push(writeUntilClosed(res, chunk, times));
  };
}

// trickle sends a feed's first byte, then one more byte every `everyMs` until the client leaves.
export function trickle(everyMs: number): Handler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.write('<');
    const timer = setInterval(() => res.write(' '), everyMs);
    res.on('close', () => clearInterval(timer));
  };
}

// silent accepts the request and never answers.
export const silent: Handler = () => undefined;
