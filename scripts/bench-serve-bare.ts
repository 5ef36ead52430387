// Child process of the serve bench: a bare node:http server, in a process of its own, answering with
// the body and headers regionwire sent (read from a JSON file): 304 with regionwire's 304 headers
// when If-None-Match is its ETag, else 200. Prints its URL as one line.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

interface Captured { body: string; headers200: Record<string, string>; headers304: Record<string, string> }

const captured = JSON.parse(fs.readFileSync(process.argv[2]!, 'utf8')) as Captured;
const body = Buffer.from(captured.body, 'base64');
const { headers200, headers304 } = captured;
const etag = headers200.etag;
const server = http.createServer((req, res) => {
  if (req.headers['if-none-match'] === etag) res.writeHead(304, headers304).end();
  else res.writeHead(200, headers200).end(body);
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`http://127.0.0.1:${(server.address() as AddressInfo).port}\n`));
// The bench asks for this process's CPU time around each load run.
process.on('message', () => process.send?.(process.cpuUsage()));
