import type { Settings, SourceConfig } from '../model.js';
import { buildDetail } from './detail.js';
import { buildPage } from './page.js';
import { accept, type Reporter } from './report.js';
import { MIN_INTERVAL_MS, MIN_INTERVAL_WHY } from './settings.js';
import { buildTls } from './tls.js';
import { checkDuration, checkEncoding, checkSourceUrl, checkTimeZone, type Checked } from './value-checks.js';
import { lineOfKey, type YamlFile } from './yaml-locate.js';

type Raw = Readonly<Record<string, unknown>>;

const isMap = (v: unknown): v is Raw => v !== null && typeof v === 'object' && !Array.isArray(v);

// buildSources turns the `sources:` list into SourceConfigs, filling defaults from settings and
// checking what the schema cannot: durations, zones, encodings, URLs, CA files and duplicate ids.
export function buildSources(
  raw: unknown,
  settings: Settings,
  configDir: string,
  yaml: YamlFile,
  report: Reporter,
): SourceConfig[] {
  if (!Array.isArray(raw)) return [];
  const firstIndexOfId = new Map<string, number>();
  const sources: SourceConfig[] = [];

  raw.forEach((item: unknown, index) => {
    if (!isMap(item)) return;
    const at = (...keys: (string | number)[]) => ['sources', index, ...keys];
    const checked = <T>(key: string, result: Checked<T> | null, fallback: T): T => accept(report, at(key), result, fallback);
    const text = (key: string): string | null => (typeof item[key] === 'string' ? (item[key] as string) : null);

    const id = text('id') ?? '';
    if (id !== '') {
      const first = firstIndexOfId.get(id);
      if (first === undefined) firstIndexOfId.set(id, index);
      else {
        const line = lineOfKey(yaml, ['sources', first, 'id']);
        report(at('id'), `duplicate id "${id}"; sources[${first}] on line ${line} already uses it, and ids must be unique`);
      }
    }
    const url = text('url');
    const interval = text('interval');
    const encoding = text('encoding');
    const zone = text('timezone');
    const tags = Array.isArray(item['tags']) ? item['tags'].filter((t): t is string => typeof t === 'string') : [];
    const tls = buildTls(item['tls'], (key) => [...at('tls'), key], report, configDir);

    const { type, page } = buildPage(item, url ?? '', at, report);
    const detail = buildDetail(item['detail'], at, report);

    sources.push({
      id,
      name: text('name') ?? '',
      url: checked('url', url === null ? null : checkSourceUrl(url, configDir), url ?? ''),
      region: text('region'),
      tags,
      intervalMs: checked(
        'interval',
        interval === null ? null : checkDuration(interval, MIN_INTERVAL_MS, MIN_INTERVAL_WHY),
        settings.defaultIntervalMs,
      ),
      encoding: checked('encoding', encoding === null ? null : checkEncoding(encoding), null),
      timezone: checked('timezone', zone === null ? null : checkTimeZone(zone), settings.timezone),
      enabled: typeof item['enabled'] === 'boolean' ? item['enabled'] : true,
      priority: Number.isInteger(item['priority']) ? (item['priority'] as number) : 0,
      ...(tls ? { tls } : {}),
      type,
      page,
      ...(detail ? { detail } : {}),
    });
  });
  return sources;
}
