// meta 'generation': a counter that moves whenever items or their topics change, so that
// lastChange() (topics.ts) can key the server's caches. Deletes raise it through triggers (a prune,
// or a row deleted by hand in `sqlite3`); writes by regionwire raise it here, once per transaction
// that stored anything (migration 10 says why not a trigger per row).
import type Database from 'better-sqlite3';

// generationBump prepares the raise once; call it inside the transaction that wrote.
export function generationBump(db: Database.Database): () => void {
  const bump = db.prepare("UPDATE meta SET value = value + 1 WHERE key = 'generation'");
  return () => void bump.run();
}
