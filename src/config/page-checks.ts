// Checks of a page source's selectors, patterns and templates, so a typo fails at load, not at poll.
import { select } from 'cheerio-select';
import type { Checked } from './value-checks.js';

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const fail = <T>(message: string): Checked<T> => ({ ok: false, message });

// checkSelector compiles a CSS selector with the engine cheerio reads pages with (cheerio-select,
// css-select with jQuery's :first, :eq …), without loading cheerio itself to check config.
export function checkSelector(selector: string): Checked<string> {
  try {
    // No elements to look at: the selector is compiled, and a bad one throws, all the same.
    select(selector, []);
    return ok(selector);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail(`${JSON.stringify(selector)} is not a valid CSS selector (${reason}); write e.g. "td.subject a" or "tr[data-seq]"`);
  }
}

// checkPattern compiles a regular expression and returns how many capture groups it has.
export function checkPattern(pattern: string): Checked<number> {
  try {
    new RegExp(pattern);
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : String(error);
    return fail(`${JSON.stringify(pattern)} is not a valid regular expression (${reason}); escape ( ) [ ] . ? with \\, e.g. "fn_view\\\\('(\\\\d+)'\\\\)"`);
  }
  // Adding "|" lets the pattern match the empty string, so exec shows every group.
  const groups = (new RegExp(`${pattern}|`).exec('')?.length ?? 1) - 1;
  if (groups === 0) return fail(`${JSON.stringify(pattern)} has no group in ( ); put the part to keep in one, e.g. "seq=(\\\\d+)"`);
  return ok(groups);
}

// checkTemplate refuses a template that names a group the pattern does not have.
export function checkTemplate(template: string, groups: number): Checked<string> {
  const used = [...template.matchAll(/\{(\d+)\}/g)].map((m) => Number(m[1]));
  const missing = used.find((n) => n < 1 || n > groups);
  if (missing !== undefined) {
    return fail(`uses {${missing}}, but the pattern has ${groups} group${groups === 1 ? '' : 's'}; use {1}…{${groups}}`);
  }
  if (used.length === 0) return fail(`${JSON.stringify(template)} uses no group; put {1} where the pattern's first group goes, e.g. "view.do?seq={1}"`);
  return ok(template);
}
