// Child process of the serve bench: `regionwire serve` as the CLI runs it (server limits included),
// over one database, on a port of its own. Prints its URL as one line.
import pino from 'pino';
import { openApp } from '../src/cli/context.js';
import { startServer } from '../src/cli/serve.js';

const [configDir, db] = process.argv.slice(2) as [string, string];
const listening = await startServer(openApp({ config: configDir, db }), { host: '127.0.0.1', port: '0' }, pino({ level: 'silent' }));
process.stdout.write(listening.url + '\n');
// The bench asks for this process's CPU time around each load run.
process.on('message', () => process.send?.(process.cpuUsage()));
