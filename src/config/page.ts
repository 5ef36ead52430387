// The `page:` map of a page source: selectors, fields, paging and the request, checked at load.
import type { PageConfig, PageField, PageFieldName, PageRequest, SourceType } from '../model.js';
import { checkPattern, checkSelector, checkTemplate } from './page-checks.js';
import type { Reporter } from './report.js';
import type { ConfigPath } from './yaml-locate.js';

type Raw = Readonly<Record<string, unknown>>;

const isMap = (v: unknown): v is Raw => v !== null && typeof v === 'object' && !Array.isArray(v);
const textOf = (v: unknown): string | null => (typeof v === 'string' ? v : null);

const FIELD_NAMES: readonly PageFieldName[] = ['title', 'link', 'guid', 'published', 'updated', 'author', 'summary', 'categories', 'image'];
const DATE_FIELDS = new Set<PageFieldName>(['published', 'updated']);
const PAGE_TOKEN = '{page}';

// buildPage reads a source's `type` and `page:` map; schema errors (unknown keys, missing
// items/title/link, wrong types) are reported by the schema, the rest here. Null for feeds.
export function buildPage(source: Raw, url: string, at: (...keys: (string | number)[]) => ConfigPath, report: Reporter): {
  type: SourceType;
  page: PageConfig | null;
} {
  const type: SourceType = source['type'] === 'page' ? 'page' : 'feed';
  const raw = source['page'];
  if (type === 'feed') {
    if (raw !== undefined) report(at('page'), 'is only read for page sources; add "type: page" to this source, or remove page:', 'key');
    return { type, page: null };
  }
  if (!isMap(raw)) {
    if (raw === undefined) report(at('type'), 'a page source needs a "page:" map with at least items, title and link selectors');
    return { type, page: null };
  }

  const items = textOf(raw['items']) ?? '';
  if (items !== '') reportIfBad(report, at('page', 'items'), checkSelector(items));
  const fields: Partial<Record<PageFieldName, PageField>> = {};
  for (const name of FIELD_NAMES) {
    const field = buildField(name, raw[name], (...keys) => at('page', name, ...keys), report);
    if (field !== null) fields[name] = field;
  }
  const request = buildRequest(raw['request'], (...keys) => at('page', 'request', ...keys), report);
  const pages = Number.isInteger(raw['pages']) ? (raw['pages'] as number) : 1;
  if (pages > 1 && !url.includes(PAGE_TOKEN) && !Object.values(request.form).some((v) => v.includes(PAGE_TOKEN))) {
    report(
      at('page', 'pages'),
      `is ${pages}, but neither the url nor a request.form value holds ${PAGE_TOKEN}, so every page would be the same; ` +
        `put ${PAGE_TOKEN} where the list's page number goes (e.g. ?pageIndex=${PAGE_TOKEN}), or remove pages`,
    );
  }
  const { title, link } = fields;
  // Without title and link the schema has reported the missing key already.
  if (title === undefined || link === undefined) return { type, page: null };
  return { type, page: { items, fields: { ...fields, title, link }, pages, request } };
}

// buildField normalises one field (a selector string or a map) and checks what the schema cannot.
export function buildField(name: PageFieldName, raw: unknown, at: (...keys: string[]) => ConfigPath, report: Reporter): PageField | null {
  if (typeof raw === 'string') {
    reportIfBad(report, at(), checkSelector(raw));
    return { selector: raw, attr: null, pattern: null, template: null, format: null, all: false };
  }
  if (!isMap(raw)) return null;
  const field: PageField = {
    selector: textOf(raw['selector']),
    attr: textOf(raw['attr']),
    pattern: textOf(raw['pattern']),
    template: textOf(raw['template']),
    format: textOf(raw['format']),
    all: raw['all'] === true,
  };
  if (field.selector !== null) reportIfBad(report, at('selector'), checkSelector(field.selector));
  const groups = field.pattern === null ? null : checkPattern(field.pattern);
  if (groups !== null && !groups.ok) report(at('pattern'), groups.message);
  if (field.template !== null) {
    if (field.pattern === null) {
      report(at('template'), 'needs a pattern: the template is built from the pattern\'s groups {1}…{9}; add e.g. pattern: "fn_view\\(\'(\\d+)\'\\)"', 'key');
    } else if (groups?.ok) {
      reportIfBad(report, at('template'), checkTemplate(field.template, groups.value));
    }
  }
  if (field.format !== null && !DATE_FIELDS.has(name)) report(at('format'), 'applies to dates only (published, updated); remove it here', 'key');
  if (field.all && name !== 'categories') report(at('all'), 'applies to categories only: every other field takes one value; remove it here', 'key');
  return field;
}

function buildRequest(raw: unknown, at: (...keys: string[]) => ConfigPath, report: Reporter): PageRequest {
  if (!isMap(raw)) return { method: 'GET', form: {}, headers: {} };
  const strings = (value: unknown): Record<string, string> =>
    isMap(value)
      ? Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v === 'string' || typeof v === 'number').map(([k, v]) => [k, String(v)]))
      : {};
  const headers = strings(raw['headers']);
  for (const [name, value] of Object.entries(headers)) {
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) report(at('headers', name), `"${name}" is not a valid header name; use letters, digits and "-", e.g. Referer`, 'key');
    else if (/[\r\n\0]/.test(value)) report(at('headers', name), 'a header value cannot hold a line break; write it on one line');
  }
  return { method: raw['method'] === 'POST' ? 'POST' : 'GET', form: strings(raw['form']), headers };
}

function reportIfBad(report: Reporter, path: ConfigPath, result: { ok: true } | { ok: false; message: string }): void {
  if (!result.ok) report(path, result.message);
}
