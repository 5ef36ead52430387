// The sources table: configuration mirrored from sources.yaml, plus poll state.
import type Database from 'better-sqlite3';
import type { SourceConfig, SourceErrorKind, SourceState } from '../model.js';
import { dateOrNull, iso } from './time.js';

export interface SourceRepo {
  syncSources(sources: readonly SourceConfig[], now?: Date): void;
  sourceState(id: string): SourceState | null;
  sourceStates(): SourceState[];
  dueSources(now: Date): string[];
}

interface StateRow {
  id: string;
  etag: string | null;
  last_modified: string | null;
  last_poll_at: string | null;
  last_success_at: string | null;
  consecutive_failures: number;
  last_error_kind: string | null;
  last_error: string | null;
  next_poll_at: string | null;
  permanent_redirect: string | null;
  gone_at: string | null;
  item_count: number;
}

const STATE_SELECT = `
  SELECT s.id, s.etag, s.last_modified, s.last_poll_at, s.last_success_at, s.consecutive_failures,
         s.last_error_kind, s.last_error, s.next_poll_at, s.permanent_redirect, s.gone_at,
         (SELECT count(*) FROM items i WHERE i.source_id = s.id) AS item_count
  FROM sources s`;

// sourceRepo prepares the statements for the sources table once.
export function sourceRepo(db: Database.Database): SourceRepo {
  // A changed URL is another feed: its validators, redirect and 410 no longer apply, and it is due now.
  const upsert = db.prepare(`
    INSERT INTO sources (id, name, url, region, tags, enabled, interval_ms, created_at)
    VALUES (@id, @name, @url, @region, @tags, @enabled, @intervalMs, @now)
    ON CONFLICT (id) DO UPDATE SET
      name = excluded.name, region = excluded.region, tags = excluded.tags,
      enabled = excluded.enabled, interval_ms = excluded.interval_ms, removed_at = NULL,
      etag = iif(url = excluded.url, etag, NULL),
      last_modified = iif(url = excluded.url, last_modified, NULL),
      permanent_redirect = iif(url = excluded.url, permanent_redirect, NULL),
      next_poll_at = iif(url = excluded.url, next_poll_at, NULL),
      gone_at = iif(url = excluded.url, gone_at, NULL),
      url = excluded.url`);
  const markRemoved = db.prepare(`
    UPDATE sources SET removed_at = ?
    WHERE removed_at IS NULL AND id NOT IN (SELECT value FROM json_each(?))`);
  const one = db.prepare(`${STATE_SELECT} WHERE s.id = ?`);
  const all = db.prepare(`${STATE_SELECT} ORDER BY s.id`);
  const due = db.prepare(`
    SELECT id FROM sources
    WHERE enabled = 1 AND removed_at IS NULL AND gone_at IS NULL AND (next_poll_at IS NULL OR next_poll_at <= ?)
    ORDER BY next_poll_at IS NOT NULL, next_poll_at, id`);

  const sync = db.transaction((sources: readonly SourceConfig[], now: Date) => {
    for (const s of sources) {
      upsert.run({
        id: s.id,
        name: s.name,
        url: s.url,
        region: s.region,
        tags: JSON.stringify(s.tags),
        enabled: s.enabled ? 1 : 0,
        intervalMs: s.intervalMs,
        now: iso(now),
      });
    }
    markRemoved.run(iso(now), JSON.stringify(sources.map((s) => s.id)));
  });

  return {
    // Sources gone from the config keep their row and items, with removed_at set.
    syncSources: (sources, now = new Date()) => sync(sources, now),
    sourceState: (id) => {
      const row = one.get(id) as StateRow | undefined;
      return row === undefined ? null : toState(row);
    },
    sourceStates: () => (all.all() as StateRow[]).map(toState),
    // Enabled sources still in the config, not gone (410), whose next poll time has come (or was never set).
    dueSources: (now) => (due.all(iso(now)) as { id: string }[]).map((r) => r.id),
  };
}

function toState(row: StateRow): SourceState {
  return {
    id: row.id,
    etag: row.etag,
    lastModified: row.last_modified,
    lastPollAt: dateOrNull(row.last_poll_at),
    lastSuccessAt: dateOrNull(row.last_success_at),
    consecutiveFailures: row.consecutive_failures,
    lastError:
      row.last_error_kind === null
        ? null
        : { kind: row.last_error_kind as SourceErrorKind, message: row.last_error ?? '' },
    nextPollAt: dateOrNull(row.next_poll_at),
    permanentRedirect: row.permanent_redirect,
    goneAt: dateOrNull(row.gone_at),
    itemCount: row.item_count,
  };
}
