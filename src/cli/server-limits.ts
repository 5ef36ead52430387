// Limits of the listening HTTP server: a slow, huge or abusive client costs itself a socket, never
// the service. Feed readers send small GETs with a few headers and read small responses.
import type { IncomingMessage, ServerOptions, ServerResponse } from 'node:http';

/** Request bodies larger than this are refused; GET and HEAD need none. */
export const MAX_BODY_BYTES = 4 * 1024;

/** Node closes new connections past this at once, so a flood cannot exhaust file descriptors or memory. */
export const MAX_CONNECTIONS = 512;

// Node checks the header and request timeouts every connectionsCheckingInterval (default 30 s),
// so it is lowered to make a slowloris client (headers one byte at a time) go at ~10 s, not ~40 s.
export const SERVER_OPTIONS: ServerOptions = {
  headersTimeout: 10_000,
  requestTimeout: 30_000,
  keepAliveTimeout: 5_000,
  connectionsCheckingInterval: 1_000,
  maxHeaderSize: 16 * 1024,
};

// refuseBodies answers 413 and closes the connection for a request carrying a body over
// MAX_BODY_BYTES (or a chunked one, whose size is unknown) before the app reads any of it.
export function refuseBodies(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const length = Number(req.headers['content-length'] ?? 0);
    if (req.headers['transfer-encoding'] === undefined && !(length > MAX_BODY_BYTES)) return handler(req, res);
    res.writeHead(413, { 'content-type': 'application/json; charset=utf-8', connection: 'close' });
    res.end(JSON.stringify({ error: `request bodies over ${MAX_BODY_BYTES} bytes are not accepted; use GET or HEAD without a body` }));
  };
}
