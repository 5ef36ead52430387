// The `regionwire` command line. Each command's module is imported when the command runs, so a
// poll does not load the HTTP server, the feed writers or the HTML readers it never uses: start-up
// is most of the CPU a pass of 304s costs (issue 11).
import { Command, Option } from 'commander';
import { CliError, type GlobalOptions } from './context.js';

const program = new Command('regionwire')
  .description('Turns many regional news sources into a few clean topic feeds.')
  .option('--config <dir>', 'config folder', 'config')
  .option('--db <file>', 'database file (default: settings.database, storage/regionwire.db)')
  .showHelpAfterError();

const globals = (): GlobalOptions => program.opts<GlobalOptions>();
const jsonl = new Option('--jsonl', 'one JSON object a line').conflicts('json');

program
  .command('poll')
  .description('poll sources once now')
  .option('--source <id...>', 'only these sources (also disabled ones)')
  .option('--json', 'JSON output')
  .action(async (opts) => (await import('./poll.js')).runPoll(globals(), opts));

program
  .command('inspect')
  .description('fetch and parse feeds or configured sources without storing them, to show what regionwire sees')
  .argument('[input...]', 'feed URLs or files')
  .option('--source <id...>', 'configured sources (feed or page), read with their own settings')
  .option('--json', 'JSON array output')
  .addOption(jsonl)
  .option('--encoding <charset>', 'decode with this charset instead of detecting it')
  .option('--timezone <zone>', 'zone for dates written without one (default: settings.timezone)')
  .action(async (inputs: string[], opts) => (await import('./inspect-command.js')).runInspect(globals(), inputs, opts));

const sources = program.command('sources').description('configured sources and their poll state');
sources
  .command('list', { isDefault: true })
  .description('each source with its poll state')
  .option('--json', 'JSON output')
  .action(async (opts) => (await import('./sources.js')).runSourcesList(globals(), opts));
sources
  .command('check')
  .description('fetch and parse every enabled source once, without storing, and report')
  .option('--source <id...>', 'only these sources')
  .option('--json', 'JSON output')
  .action(async (opts) => (await import('./sources.js')).runSourcesCheck(globals(), opts));

program
  .command('items')
  .description('list stored items, newest first')
  .option('--source <id...>', 'only items of these sources')
  .option('--since <iso>', 'published at or after this time (ISO 8601; without offset: settings.timezone)')
  .option('--search <text>', 'full-text search (Korean two-syllable words work)')
  .option('--topic <id>', 'only items of this topic (an id from topics.yaml)')
  .option('--limit <n>', 'at most this many (default 50)')
  .option('--json', 'JSON array output')
  .addOption(new Option('--jsonl', 'one JSON object a line').conflicts('json'))
  .action(async (opts) => (await import('./items.js')).runItems(globals(), opts));

const topics = program.command('topics').description('topics from topics.yaml and the items in each');
topics
  .command('list', { isDefault: true })
  .description('each topic with its stored item count')
  .option('--json', 'JSON output')
  .action(async (opts) => (await import('./topics.js')).runTopicsList(globals(), opts));
topics
  .command('reclassify')
  .description('re-sort every stored item into topics as topics.yaml now says; prints counts before and after')
  .option('--json', 'JSON output')
  .action(async (opts) => (await import('./topics.js')).runTopicsReclassify(globals(), opts));
topics
  .command('preview')
  .description('which stored items a topic would hold as topics.yaml now says, and why; saves nothing')
  .argument('<id>', 'topic id')
  .option('--limit <n>', 'show at most this many matches (default 20)')
  .option('--json', 'JSON output')
  .action(async (id: string, opts) => (await import('./topics-preview.js')).runTopicsPreview(globals(), id, opts));

const stories = program.command('stories').description('stories: one press release as carried by several outlets');
stories
  .command('list', { isDefault: true })
  .description('stories newest first, each with every outlet\'s version (* = representative)')
  .option('--topic <id>', 'only stories with a version in this topic')
  .option('--since <iso>', 'newest version published at or after this time')
  .option('--limit <n>', 'at most this many (default 50)')
  .option('--json', 'JSON array output')
  .action(async (opts) => (await import('./stories.js')).runStoriesList(globals(), opts));
stories
  .command('rebuild')
  .description('forget every story and re-cluster all stored items, oldest first (after changing a threshold)')
  .option('--json', 'JSON output')
  .action(async (opts) => (await import('./stories.js')).runStoriesRebuild(globals(), opts));

program
  .command('stats')
  .description('database figures: items, sources, polls, failures')
  .option('--json', 'JSON output')
  .action(async (opts) => (await import('./stats.js')).runStats(globals(), opts));

const serveOptions = (command: Command): Command =>
  command
    .option('--host <host>', 'address to listen on (default: settings.http.host, 127.0.0.1)')
    .option('--port <port>', 'port to listen on (default: settings.http.port, 8080)')
    .option('--base-url <url>', 'public URL written into feed links (default: http://<Host header>)');

serveOptions(program.command('serve').description('serve the topic feeds, pages and API over HTTP (no polling)')).action(
  async (opts) => (await import('./serve.js')).runServe(globals(), opts),
);

serveOptions(program.command('run').description('run the service: poll every source on schedule and serve the topic feeds')).action(
  async (opts) => (await import('./run.js')).runService(globals(), opts),
);

program
  .command('export')
  .description('write every topic feed, page and the OPML as files for a static web server')
  .requiredOption('--out <dir>', 'folder to write into (created if missing)')
  .option('--base-url <url>', 'public URL the files will be served from (required: feeds need absolute links)')
  .action(async (opts) => (await import('./export.js')).runExport(globals(), opts));

program
  .command('prune')
  .description('delete the items settings.retention no longer keeps (the service does this hourly)')
  .option('--json', 'JSON output')
  .action(async (opts) => (await import('./prune.js')).runPrune(globals(), opts));

program
  .command('backup')
  .description('write a consistent copy of the database, safe while the service runs')
  .argument('<file>', 'where to write the copy')
  .option('--force', 'replace FILE if it exists')
  .action(async (file: string, opts) => (await import('./backup.js')).runBackup(globals(), file, opts));

program
  .command('restore')
  .description('replace the database with a backup (checked first; the service must be stopped)')
  .argument('<file>', 'a file written by `regionwire backup`')
  .option('--force', 'replace the existing database')
  .action(async (file: string, opts) => (await import('./backup.js')).runRestore(globals(), file, opts));

// A reader that stops early (`regionwire items | head`) closes the pipe. The rest of the output has
// nowhere to go, which is no error: the command still finishes its work (a poll still stores).
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CliError) {
    process.stderr.write(`regionwire: ${error.message}\n`);
    process.exit(error.exitCode);
  }
  throw error;
}
