// Runs the `regionwire` command as a user does: a real process, from source through tsx (the way
// `npx regionwire` runs the built one).
import { spawn } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

// runCli resolves when the process ends. signalWhen sends SIGTERM, as Ctrl-C or systemd would, once
// stdout has shown everything it lists: a fixed delay would race the process's own start-up on a busy machine.
// `env` adds to the test's own environment (e.g. NODE_EXTRA_CA_CERTS, read only at process start).
// `closeStdout` closes the pipe before the command writes, as `regionwire … | head` does once satisfied.
export function runCli(
  args: readonly string[],
  opts: { signalWhen?: readonly RegExp[]; env?: Record<string, string>; closeStdout?: boolean } = {},
): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/main.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'debug', ...opts.env },
    });
    if (opts.closeStdout) child.stdout.destroy();
    let stdout = '';
    let stderr = '';
    let signalled = false;
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (!signalled && opts.signalWhen?.every((pattern) => pattern.test(stdout))) {
        signalled = true;
        child.kill('SIGTERM');
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
