// Page errors a user can act on: each names the selector or pattern and says what the page has instead.
import type { CheerioAPI } from 'cheerio';
import type { PageFailure, PageFieldName, PageResult } from '../model.js';
import { cleanText } from './text.js';

type Failed = Extract<PageResult, { ok: false }>;

const MAX_HINTS = 6;

function failed(reason: PageFailure, message: string): Failed {
  return { ok: false, reason, error: { kind: 'selector', message } };
}

// alertText finds the message of an error page that only says alert('…') (and goes back).
export function alertText($: CheerioAPI): string | null {
  for (const script of $('script').toArray()) {
    const code = $(script).text();
    const match = /\balert\s*\(\s*(["'`])([\s\S]*?)\1\s*\)/.exec(code);
    if (match) return cleanText(match[2]!.replace(/\\n/g, ' '));
  }
  return null;
}

// alertPage explains a page that answered with a script alert instead of the list.
export function alertPage(message: string, url: string): Failed {
  return failed(
    'alert',
    `page: ${url} answered with an alert instead of the list: "${message}" — the board refused the request; ` +
      'open the url in a browser, and check request.method, request.form and a Referer header in request.headers',
  );
}

// noItems explains an items selector that matched nothing, listing the page's tables and lists.
export function noItems($: CheerioAPI, selector: string, url: string): Failed {
  const hints = containerHints($);
  const frames = $('iframe[src], frame[src]').toArray().map((el) => $(el).attr('src') ?? '').filter((src) => src !== '');
  const parts = [`page: items selector "${selector}" matches nothing on ${url}`];
  if (hints.length > 0) parts.push(`the page has ${hints.join(', ')}`);
  else parts.push('the page has no tables or lists');
  if (frames.length > 0) parts.push(`the list may be inside a frame: ${frames.slice(0, 3).join(', ')} (use that address as the url)`);
  parts.push('check the selector against the page source, e.g. with `regionwire inspect --source ID`');
  return failed('no-items', parts.join('; '));
}

// emptyField explains a title or link that came out empty on every item.
export function emptyField(name: PageFieldName, selector: string | null, items: number, raw: readonly string[]): Failed {
  const target = selector === null ? 'the item element itself' : `"${selector}"`;
  const script = raw.find((value) => /^javascript:|\w+\s*\(\s*['"]?[\w-]+/i.test(value));
  let hint: string;
  if (name === 'link' && script !== undefined) {
    hint = `its values are scripts such as "${script}"; add pattern (e.g. "\\\\('(\\\\d+)'\\\\)") and template (e.g. "view.do?seq={1}") to build the address`;
  } else if (raw.length > 0) {
    hint = `its values (e.g. "${raw[0]}") are not ${name === 'link' ? 'web addresses' : 'usable'}; check attr, pattern and template`;
  } else {
    hint = `${target} finds nothing inside the items, or finds it without text or the attribute; check the selector and attr`;
  }
  return failed('empty-fields', `page: ${name} is empty on all ${items} items matched by the items selector — ${hint}`);
}

// unmatchedPattern explains a pattern that matched none of the values it was given.
export function unmatchedPattern(name: PageFieldName, pattern: string, raw: readonly string[]): Failed {
  return failed(
    'pattern',
    `page: the ${name} pattern "${pattern}" matches none of ${raw.length} values, e.g. "${raw[0] ?? ''}" — ` +
      'adjust the pattern to the value shown (escape ( ) . ? with \\)',
  );
}

// unreadDate explains a date field whose values could not be read as dates.
export function unreadDate(name: PageFieldName, format: string | null, raw: readonly string[]): Failed {
  const how = format === null ? 'none is in a form read automatically' : `none fits format "${format}"`;
  return failed(
    'date',
    `page: ${name} has ${raw.length} values, e.g. "${raw[0] ?? ''}", and ${how} — set format with Luxon tokens (e.g. "yyyy.MM.dd") or narrow the value with pattern`,
  );
}

// containerHints names the page's tables and lists by tag, id and classes, largest first.
function containerHints($: CheerioAPI): string[] {
  const seen = new Map<string, number>();
  for (const el of $('table, ul, ol, dl').toArray()) {
    const node = $(el);
    const id = node.attr('id');
    const classes = (node.attr('class') ?? '').split(/\s+/).filter((c) => c !== '');
    if (id === undefined && classes.length === 0) continue;
    const name = el.tagName + (id === undefined ? '' : `#${id}`) + classes.map((c) => `.${c}`).join('');
    const children = node.is('table') ? node.find('tr').length : node.children().length;
    seen.set(name, Math.max(seen.get(name) ?? 0, children));
  }
  return [...seen]
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_HINTS)
    .map(([name, count]) => `${name} (${count} ${name.startsWith('table') ? 'row' : 'entr'}${plural(count, name.startsWith('table'))})`);
}

function plural(count: number, table: boolean): string {
  if (table) return count === 1 ? '' : 's';
  return count === 1 ? 'y' : 'ies';
}
