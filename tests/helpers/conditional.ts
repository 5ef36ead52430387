// Origin handlers that answer conditional requests the way real feed servers do.
import type { Handler } from './origin.js';

// withEtag serves body with an ETag and answers 304 when If-None-Match matches.
export function withEtag(body: Buffer, etag: string, contentType = 'application/rss+xml; charset=utf-8'): Handler {
  return (req, res) => {
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag }).end();
      return;
    }
    res.writeHead(200, { 'content-type': contentType, etag }).end(body);
  };
}

// withLastModified serves body with Last-Modified and answers 304 when If-Modified-Since matches.
export function withLastModified(body: Buffer, lastModified: string, contentType = 'application/atom+xml'): Handler {
  return (req, res) => {
    if (req.headers['if-modified-since'] === lastModified) {
      res.writeHead(304, { 'last-modified': lastModified }).end();
      return;
    }
    res.writeHead(200, { 'content-type': contentType, 'last-modified': lastModified }).end(body);
  };
}
