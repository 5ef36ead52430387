// `regionwire backup` and `regionwire restore`: a consistent copy of the database, and putting one back.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SCHEMA_VERSION } from '../store/migrations.js';
import { CliError, EXIT_DATABASE, EXIT_USAGE, openApp, openConfig, type GlobalOptions } from './context.js';

// runBackup copies the database with SQLite's online backup, safe while the service polls and serves.
export async function runBackup(global: GlobalOptions, file: string, opts: { force?: boolean }): Promise<void> {
  const target = path.resolve(file);
  if (fs.existsSync(target) && !opts.force) {
    throw new CliError(`backup: ${file} already exists; pass --force to replace it`, EXIT_USAGE);
  }
  const app = openApp(global);
  try {
    if (target === app.dbPath) throw new CliError('backup: the backup file cannot be the database itself', EXIT_USAGE);
    // A stale -wal beside the old copy would be replayed over the new one when it is opened.
    for (const f of [target, `${target}-wal`, `${target}-shm`]) fs.rmSync(f, { force: true });
    await app.store.backup(target);
    process.stdout.write(`backup of ${app.dbPath} written to ${file} (${fs.statSync(target).size} bytes)\n`);
  } finally {
    app.store.close();
  }
}

// runRestore replaces the database with a checked backup; it refuses while any process has the database open.
export function runRestore(global: GlobalOptions, file: string, opts: { force?: boolean }): void {
  const dbPath = path.resolve(global.db ?? openConfig(global).settings.database);
  const source = path.resolve(file);
  checkBackup(source);
  if (fs.existsSync(dbPath)) {
    if (!opts.force) throw new CliError(`restore: ${dbPath} exists; pass --force to replace it with ${file}`, EXIT_USAGE);
    if (inUse(dbPath)) {
      throw new CliError(`restore: ${dbPath} is open in another process (the service?); stop it first`, EXIT_DATABASE);
    }
  }
  fs.mkdirSync(path.dirname(dbPath), { recursive: true });
  // Copy beside the target, then rename: the database is the old file or the whole backup, never half.
  const temp = `${dbPath}.restoring`;
  fs.copyFileSync(source, temp);
  for (const f of [`${dbPath}-wal`, `${dbPath}-shm`]) fs.rmSync(f, { force: true });
  fs.renameSync(temp, dbPath);
  process.stdout.write(`${dbPath} restored from ${file}\n`);
}

// checkBackup opens the file read-only and demands integrity_check "ok" and a schema this version knows.
function checkBackup(file: string): void {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`integrity_check says: ${String(integrity)}`);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version < 1 || version > SCHEMA_VERSION) throw new Error(`schema version ${version} is not a regionwire database this version can use`);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new CliError(`restore: ${file} is not a usable backup: ${message}`, EXIT_DATABASE);
  } finally {
    db?.close();
  }
}

// inUse asks for an exclusive lock without waiting: any other connection (the service, `serve`, a
// sqlite3 shell) holds a shared one for as long as it has the file open, WAL mode included.
function inUse(file: string): boolean {
  const db = new Database(file, { timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE; COMMIT');
    return false;
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) return true;
    throw error;
  } finally {
    db.close();
  }
}
