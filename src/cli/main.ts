// The `regionwire` command line.
import { Command, Option } from 'commander';
import { CliError, type GlobalOptions } from './context.js';
import { runInspect } from './inspect-command.js';
import { runItems } from './items.js';
import { runPoll } from './poll.js';
import { runService } from './run.js';
import { runSourcesCheck, runSourcesList } from './sources.js';
import { runStats } from './stats.js';

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
  .action((opts) => runPoll(globals(), opts));

program
  .command('inspect')
  .description('fetch and parse feeds without storing them, to show what regionwire sees')
  .argument('<input...>', 'feed URLs or files')
  .option('--json', 'JSON array output')
  .addOption(jsonl)
  .option('--encoding <charset>', 'decode with this charset instead of detecting it')
  .option('--timezone <zone>', 'zone for dates written without one (default: settings.timezone)')
  .action((inputs: string[], opts) => runInspect(globals(), inputs, opts));

const sources = program.command('sources').description('configured sources and their poll state');
sources
  .command('list', { isDefault: true })
  .description('each source with its poll state')
  .option('--json', 'JSON output')
  .action((opts) => runSourcesList(globals(), opts));
sources
  .command('check')
  .description('fetch and parse every enabled source once, without storing, and report')
  .option('--source <id...>', 'only these sources')
  .option('--json', 'JSON output')
  .action((opts) => runSourcesCheck(globals(), opts));

program
  .command('items')
  .description('list stored items, newest first')
  .option('--source <id...>', 'only items of these sources')
  .option('--since <iso>', 'published at or after this time (ISO 8601; without offset: settings.timezone)')
  .option('--search <text>', 'full-text search (Korean two-syllable words work)')
  .option('--limit <n>', 'at most this many (default 50)')
  .option('--json', 'JSON array output')
  .addOption(new Option('--jsonl', 'one JSON object a line').conflicts('json'))
  .action((opts) => runItems(globals(), opts));

program
  .command('stats')
  .description('database figures: items, sources, polls, failures')
  .option('--json', 'JSON output')
  .action((opts) => runStats(globals(), opts));

program
  .command('run')
  .description('run the service: poll every source on schedule until stopped')
  .action(() => runService(globals()));

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CliError) {
    process.stderr.write(`regionwire: ${error.message}\n`);
    process.exit(error.exitCode);
  }
  throw error;
}
