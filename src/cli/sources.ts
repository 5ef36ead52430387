// `regionwire sources list|check`: poll state of every source, or a live check of each.
import path from 'node:path';
import { insecureWarning } from '../fetch/tls-error.js';
import type { SourceConfig, SourceState } from '../model.js';
import { openApp, type GlobalOptions } from './context.js';
import { localTime, table } from './format.js';
import { inspectSource } from './inspect-source.js';
import { chooseSources } from './poll.js';

// runSourcesList prints each configured source with its poll state.
export function runSourcesList(global: GlobalOptions, opts: { json?: boolean }): void {
  const app = openApp(global);
  try {
    const states = new Map(app.store.sourceStates().map((s) => [s.id, s]));
    const rows = app.config.sources.map((source) => ({ source, state: states.get(source.id) ?? null }));
    if (opts.json) {
      const json = rows.map(({ source, state }) => ({
        id: source.id,
        name: source.name,
        url: source.url,
        type: source.type,
        region: source.region,
        tags: source.tags,
        enabled: source.enabled,
        interval_ms: source.intervalMs,
        tls: source.tls ? { ca: source.tls.ca?.file ?? null, insecure: source.tls.insecure } : null,
        warning: insecureWarning(source.id, source.url, source.tls),
        ...stateJson(state),
      }));
      process.stdout.write(JSON.stringify(json, null, 2) + '\n');
      return;
    }
    const zone = app.config.settings.timezone;
    const lines = [['id', 'enabled', 'tls', 'items', 'last success', 'next poll', 'failures', 'last error']];
    for (const { source, state } of rows) {
      lines.push([
        source.id,
        source.enabled ? 'yes' : 'no',
        tlsCell(source),
        String(state?.itemCount ?? 0),
        localTime(state?.lastSuccessAt ?? null, zone),
        state?.goneAt ? 'never' : localTime(state?.nextPollAt ?? null, zone),
        String(state?.consecutiveFailures ?? 0),
        lastError(state, zone),
      ]);
    }
    process.stdout.write(table(lines) + '\n');
    const warnings = rows.map(({ source }) => insecureWarning(source.id, source.url, source.tls)).filter((w) => w !== null);
    for (const warning of warnings) process.stdout.write(`warning: ${warning}\n`);
  } finally {
    app.store.close();
  }
}

// runSourcesCheck fetches and parses every enabled (or named) source once, without storing, and reports.
export async function runSourcesCheck(global: GlobalOptions, opts: { json?: boolean; source?: string[] }): Promise<void> {
  const app = openApp(global);
  try {
    const sources = chooseSources(app.config.sources, opts.source);
    const results = await Promise.all(
      sources.map(async (source) => {
        const started = Date.now();
        const result = await inspectSource(source, app.ctx);
        const warning = [insecureWarning(source.id, source.url, source.tls), result.warning].filter((w) => w !== null).join('; ');
        return { id: source.id, result: { ...result, warning: warning || null }, durationMs: Date.now() - started };
      }),
    );
    if (opts.json) {
      const json = results.map(({ id, result, durationMs }) => ({
        id,
        ok: result.error === null,
        format: result.format,
        encoding: result.encoding,
        items: result.items.length,
        warning: result.warning,
        error: result.error,
        duration_ms: durationMs,
      }));
      process.stdout.write(JSON.stringify(json, null, 2) + '\n');
      return;
    }
    for (const { id, result, durationMs } of results) {
      const detail = result.error
        ? `FAILED (${result.error.kind}) ${result.error.message}`
        : `ok: ${result.format}, ${result.encoding}, ${result.items.length} items${result.warning ? `; warning: ${result.warning}` : ''}`;
      process.stdout.write(`${result.error ? '✗' : '✓'} ${id}: ${detail} (${durationMs} ms)\n`);
    }
  } finally {
    app.store.close();
  }
}

function stateJson(state: SourceState | null) {
  return {
    items: state?.itemCount ?? 0,
    last_poll: state?.lastPollAt?.toISOString() ?? null,
    last_success: state?.lastSuccessAt?.toISOString() ?? null,
    next_poll: state?.nextPollAt?.toISOString() ?? null,
    consecutive_failures: state?.consecutiveFailures ?? 0,
    last_error: state?.lastError ?? null,
    permanent_redirect: state?.permanentRedirect ?? null,
    gone_since: state?.goneAt?.toISOString() ?? null,
  };
}

// tlsCell shows a source's trust setting; an insecure one stands out in capitals.
function tlsCell(source: SourceConfig): string {
  if (source.tls?.insecure) return 'INSECURE';
  return source.tls?.ca ? `ca ${path.basename(source.tls.ca.file)}` : '';
}

// A gone source is no longer polled, so its row says what the person has to do.
function lastError(state: SourceState | null, zone: string): string {
  if (state?.goneAt) return `gone (410) since ${localTime(state.goneAt, zone)}: remove it from sources.yaml or change its url`;
  return state?.lastError ? `${state.lastError.kind}: ${state.lastError.message}` : '';
}
