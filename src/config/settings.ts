import type { Settings } from '../model.js';
import { defaultSettings } from './defaults.js';
import { accept, type Reporter } from './report.js';
import { checkByteSize, checkDuration, checkTimeZone, type Checked } from './value-checks.js';

/** Why polling faster than once a minute is refused; shared with sources' own intervals. */
export const MIN_INTERVAL_MS = 60_000;
export const MIN_INTERVAL_WHY = 'polling more often than once a minute burdens the publisher and rarely finds anything new';

type Raw = Readonly<Record<string, unknown>>;

function asMap(value: unknown): Raw {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Raw) : {};
}

// Schema errors are already reported; here a value of the wrong type just falls back to the default.
function pick<T>(value: unknown, guard: (v: unknown) => v is T, fallback: T): T {
  return guard(value) ? value : fallback;
}

const isString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isPositiveInt = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 1;
const isPort = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 65535;
const isLimit = (v: unknown): v is number | null => v === null || isPositiveInt(v);

// buildSettings maps the snake_case `settings:` map onto Settings, checking what the schema cannot.
export function buildSettings(raw: unknown, report: Reporter | null): Settings {
  const map = asMap(raw);
  const at = (key: string) => ['settings', key];
  const checked = <T>(key: string, result: Checked<T> | null, fallback: T): T => accept(report, at(key), result, fallback);
  const duration = (key: string, minMs: number, why: string, fallback: number): number => {
    const value = map[key];
    return checked(key, typeof value === 'string' ? checkDuration(value, minMs, why) : null, fallback);
  };
  const retention = asMap(map['retention']);
  const http = asMap(map['http']);
  const size = map['max_body_size'];
  const zone = map['timezone'];
  const d = defaultSettings;

  return {
    database: pick(map['database'], isString, d.database),
    timezone: checked('timezone', isString(zone) ? checkTimeZone(zone) : null, d.timezone),
    userAgent: pick(map['user_agent'], isString, d.userAgent),
    defaultIntervalMs: duration('default_interval', MIN_INTERVAL_MS, MIN_INTERVAL_WHY, d.defaultIntervalMs),
    concurrency: pick(map['concurrency'], isPositiveInt, d.concurrency),
    perHostConcurrency: pick(map['per_host_concurrency'], isPositiveInt, d.perHostConcurrency),
    timeoutMs: duration('timeout', 1000, 'a shorter timeout would fail almost every request', d.timeoutMs),
    maxBodyBytes: checked(
      'max_body_size',
      typeof size === 'string' || typeof size === 'number' ? checkByteSize(size, 1024, 'no real feed fits in less') : null,
      d.maxBodyBytes,
    ),
    maxBackoffMs: duration('max_backoff', MIN_INTERVAL_MS, 'retrying a failing source faster than its polls makes no sense', d.maxBackoffMs),
    retention: {
      days: pick(retention['days'], isLimit, d.retention.days),
      itemsPerSource: pick(retention['items_per_source'], isLimit, d.retention.itemsPerSource),
    },
    http: {
      host: pick(http['host'], isString, d.http.host),
      port: pick(http['port'], isPort, d.http.port),
    },
  };
}
