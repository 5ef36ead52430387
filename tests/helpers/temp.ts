// Temporary folders for config and databases, removed after the test file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const made: string[] = [];

// tempDir makes a fresh folder under the OS temp dir; removeTempDirs deletes every one made.
export function tempDir(prefix = 'regionwire-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

// writeConfig writes a config folder holding the given YAML files and returns its path.
export function writeConfig(files: Record<string, string>): string {
  const dir = tempDir('regionwire-config-');
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

// fixture reads a file under tests/fixtures.
export function fixture(relative: string): Buffer {
  return fs.readFileSync(path.join(import.meta.dirname, '..', 'fixtures', relative));
}
