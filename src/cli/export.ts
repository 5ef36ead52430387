// `regionwire export`: every topic feed, page and the OPML as files for any static web server.
import fs from 'node:fs';
import path from 'node:path';
import { buildStaticSite } from '../serve/static-site.js';
import { CliError, EXIT_USAGE, openApp, type GlobalOptions } from './context.js';
import { parseBaseUrl } from './serve.js';

export interface ExportOptions {
  readonly out: string;
  readonly baseUrl?: string;
}

// runExport writes the site under --out; each file is replaced atomically (write, then rename), so
// a web server reading the folder meanwhile never serves half a feed.
export function runExport(global: GlobalOptions, opts: ExportOptions): void {
  if (opts.baseUrl === undefined) {
    throw new CliError('export: --base-url is required: feeds need the absolute URL they will be served from (e.g. https://news.example.kr/regionwire)', EXIT_USAGE);
  }
  const baseUrl = parseBaseUrl(opts.baseUrl);
  const app = openApp(global);
  try {
    const files = buildStaticSite(app.store, app.config, baseUrl);
    for (const [relative, text] of files) {
      const file = path.join(opts.out, relative);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(`${file}.tmp`, text);
      fs.renameSync(`${file}.tmp`, file);
    }
    process.stdout.write(`${files.size} files written to ${opts.out} (${app.config.topics.length} topics, feeds linked from ${baseUrl}/)\n`);
  } finally {
    app.store.close();
  }
}
