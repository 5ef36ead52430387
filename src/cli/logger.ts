// The service log: JSON lines (pino) for log collectors, readable lines on a terminal.
import pino, { type Logger } from 'pino';

// createLogger writes JSON to stdout, or pretty lines when stdout is a terminal.
export function createLogger(level = process.env.LOG_LEVEL ?? 'info'): Logger {
  if (process.stdout.isTTY) {
    return pino({
      level,
      transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:yyyy-mm-dd HH:MM:ss', ignore: 'pid,hostname' } },
    });
  }
  return pino({ level, base: undefined });
}
