import type { Settings } from '../model.js';

/** Defaults for every setting; config/settings.yaml and its schema document the same values. */
export const defaultSettings: Settings = {
  database: 'storage/regionwire.db',
  timezone: 'Asia/Seoul',
  userAgent: 'regionwire/0.1 (+https://github.com/regionwire/regionwire)',
  defaultIntervalMs: 30 * 60_000,
  concurrency: 8,
  perHostConcurrency: 2,
  timeoutMs: 30_000,
  maxBodyBytes: 10 * 1024 * 1024,
  maxBackoffMs: 6 * 3_600_000,
  retention: { days: null, itemsPerSource: null },
  http: { host: '127.0.0.1', port: 8080 },
};
