// The `detail:` setting of a source (feed or page): how to read each item's own page, checked at load.
import type { AttachmentLinkRule, DetailConfig } from '../model.js';
import { buildField } from './page.js';
import { checkPattern, checkSelector, checkTemplate } from './page-checks.js';
import type { Reporter } from './report.js';
import type { ConfigPath } from './yaml-locate.js';

type Raw = Readonly<Record<string, unknown>>;

const isMap = (v: unknown): v is Raw => v !== null && typeof v === 'object' && !Array.isArray(v);
const textOf = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export const DEFAULT_MAX_PER_POLL = 30;

const AUTOMATIC: DetailConfig = { content: null, remove: [], published: null, author: null, attachments: null, maxPerPoll: DEFAULT_MAX_PER_POLL };

// buildDetail reads `detail:`; the schema reports unknown keys and wrong types, this the selectors,
// patterns and templates. Null when absent or false.
export function buildDetail(raw: unknown, at: (...keys: (string | number)[]) => ConfigPath, report: Reporter): DetailConfig | null {
  if (raw === true) return AUTOMATIC;
  if (!isMap(raw)) return null;
  const selector = (value: unknown, path: ConfigPath): string | null => {
    const text = textOf(value);
    if (text === null || text === '') return null;
    const checked = checkSelector(text);
    if (!checked.ok) report(path, checked.message);
    return checked.ok ? text : null;
  };
  const remove = Array.isArray(raw['remove'])
    ? raw['remove'].flatMap((value, i) => {
        const text = selector(value, at('detail', 'remove', i));
        return text === null ? [] : [text];
      })
    : [];
  const max = raw['max_per_poll'];
  return {
    content: selector(raw['content'], at('detail', 'content')),
    remove,
    published: buildField('published', raw['published'], (...keys) => at('detail', 'published', ...keys), report),
    author: buildField('author', raw['author'], (...keys) => at('detail', 'author', ...keys), report),
    attachments: buildAttachments(raw['attachments'], (...keys) => at('detail', 'attachments', ...keys), report),
    maxPerPoll: Number.isInteger(max) && (max as number) > 0 ? (max as number) : DEFAULT_MAX_PER_POLL,
  };
}

// buildAttachments reads the attachments rule; its template is in the page-field syntax ({1}…{9}).
function buildAttachments(raw: unknown, at: (...keys: string[]) => ConfigPath, report: Reporter): AttachmentLinkRule | null {
  if (typeof raw === 'string') {
    const checked = checkSelector(raw);
    if (!checked.ok) report(at(), checked.message);
    return checked.ok ? raw : null;
  }
  if (!isMap(raw)) return null;
  const selector = textOf(raw['selector']);
  if (selector === null) return null;
  let ok = true;
  const bad = (path: ConfigPath, result: { ok: true } | { ok: false; message: string }, where?: 'key'): void => {
    if (result.ok) return;
    ok = false;
    report(path, result.message, where);
  };
  bad(at('selector'), checkSelector(selector));
  const attr = textOf(raw['attr']);
  const pattern = textOf(raw['pattern']);
  const template = textOf(raw['template']);
  const groups = pattern === null ? null : checkPattern(pattern);
  if (groups !== null) bad(at('pattern'), groups);
  if (template !== null) {
    if (pattern === null) {
      bad(at('template'), { ok: false, message: 'needs a pattern: the template is built from the pattern\'s groups {1}…{9}; add e.g. pattern: "fn_download\\(\'(\\d+)\'\\)"' }, 'key');
    } else if (groups?.ok) {
      bad(at('template'), checkTemplate(template, groups.value));
    }
  }
  if (!ok) return null;
  return {
    selector,
    ...(attr === null ? {} : { attr }),
    ...(pattern === null ? {} : { pattern }),
    ...(template === null ? {} : { template }),
  };
}
