// Reading one field of one item: the text or an attribute of a match, through pattern and template.
import type { CheerioAPI } from 'cheerio';
import type { PageField } from '../model.js';
import { fillTemplate } from '../shared/template.js';
import { cleanText, elementText } from './text.js';

/** A field with its pattern compiled once per page. */
export interface CompiledField {
  readonly field: PageField;
  readonly pattern: RegExp | null;
}

/** What a field gave on one item, and what it saw: the page's diagnostics count these. */
export interface FieldValues {
  readonly values: readonly string[];
  /** Values found before the pattern (text or attribute), so a pattern that never matches shows. */
  readonly raw: readonly string[];
}

/** A selection of elements, as `$(selector)` and `.find()` return it. */
export type Elements = ReturnType<CheerioAPI>;

// compileField compiles the pattern; config checked it at load, so a failure here is a bug.
export function compileField(field: PageField): CompiledField {
  return { field, pattern: field.pattern === null ? null : new RegExp(field.pattern) };
}

// readField returns the field's values on one item: one at most, unless `all`.
export function readField($: CheerioAPI, item: Elements, compiled: CompiledField): FieldValues {
  const { field, pattern } = compiled;
  const targets = field.selector === null ? item : item.find(field.selector);
  const raw: string[] = [];
  const values: string[] = [];
  for (const target of targets.toArray()) {
    const value = field.attr === null ? elementText([target]) : cleanText($(target).attr(field.attr) ?? '');
    if (value === '') continue;
    raw.push(value);
    const result = pattern === null ? value : applyPattern(value, pattern, field.template);
    if (result !== null && result !== '') values.push(result);
    if (!field.all && (values.length > 0 || pattern === null)) break;
  }
  return { values: field.all ? [...new Set(values)] : values.slice(0, 1), raw };
}

// applyPattern keeps group 1 (or the whole match), or fills the template from the groups.
function applyPattern(value: string, pattern: RegExp, template: string | null): string | null {
  const match = pattern.exec(value);
  if (match === null) return null;
  if (template === null) return cleanText(match[1] ?? match[0]);
  return fillTemplate(template, match);
}
