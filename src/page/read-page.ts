// readPage turns a board's HTML list into items with the source's CSS selectors. It never downloads,
// stores or throws: the page's problems come back as a 'selector' SourceError the user can act on.
import { load, type CheerioAPI } from 'cheerio';
import type { PageConfig, PageFieldName, PageItem, PageOptions, PageResult } from '../model.js';
import { readPageDate, type DateContext } from './dates.js';
import { compileField, readField, type CompiledField, type Elements, type FieldValues } from './fields.js';
import { pageBase, resolveLink } from '../shared/page-links.js';
import { alertPage, alertText, emptyField, noItems, unmatchedPattern, unreadDate } from './page-errors.js';

type Fields = Partial<Record<PageFieldName, CompiledField>>;
type Seen = Partial<Record<PageFieldName, string[]>>;

interface Context {
  readonly $: CheerioAPI;
  readonly fields: Fields;
  readonly base: string;
  readonly encoding: string;
  readonly dates: DateContext;
  /** Every value each field found before its pattern, for the diagnostics. */
  readonly raw: Seen;
  /** Items on which each field gave a value (after its pattern). */
  readonly hits: Partial<Record<PageFieldName, number>>;
}

// readPage reads every item the `items` selector matches; rows without a title, or without both
// a link and a guid (header rows, "no posts" rows), are left out.
export function readPage(html: string, opts: PageOptions): PageResult {
  const $ = load(html);
  const config = opts.page;
  const rows = $(config.items);
  if (rows.length === 0) {
    const alert = alertText($);
    return alert === null ? noItems($, config.items, opts.url) : alertPage(alert, opts.url);
  }
  const ctx: Context = {
    $,
    fields: compileFields(config),
    base: pageBase($('base[href]').first().attr('href'), opts.url),
    encoding: opts.encoding,
    dates: { zone: opts.timezone, now: opts.now },
    raw: {},
    hits: {},
  };
  const read = rows.toArray().map((_, i) => readItem(rows.eq(i), ctx));
  const items = read.filter((item): item is PageItem => item.title !== null && (item.url !== null || item.guid !== null));
  return diagnose(items, read, ctx) ?? { ok: true, items };
}

function compileFields(config: PageConfig): Fields {
  const fields: Fields = {};
  for (const [name, field] of Object.entries(config.fields)) {
    if (field !== undefined) fields[name as PageFieldName] = compileField(field);
  }
  return fields;
}

function readItem(row: Elements, ctx: Context): PageItem {
  const values = (name: PageFieldName): readonly string[] => {
    const field = ctx.fields[name];
    if (field === undefined) return [];
    const found: FieldValues = readField(ctx.$, row, field);
    (ctx.raw[name] ??= []).push(...found.raw);
    if (found.values.length > 0) ctx.hits[name] = (ctx.hits[name] ?? 0) + 1;
    return found.values;
  };
  const one = (name: PageFieldName): string | null => values(name)[0] ?? null;
  const link = (name: PageFieldName): string | null => {
    const value = one(name);
    return value === null ? null : resolveLink(value, ctx.base, ctx.encoding);
  };
  const date = (name: 'published' | 'updated') => {
    const value = one(name);
    return value === null ? null : readPageDate(value, ctx.fields[name]?.field.format ?? null, ctx.dates);
  };
  const published = date('published');
  const categories = values('categories');
  return {
    guid: one('guid'),
    url: link('link'),
    title: one('title'),
    summary: one('summary'),
    content: null,
    author: one('author'),
    categories: ctx.fields.categories?.field.all ? categories : categories.slice(0, 1),
    image: link('image'),
    published: published?.date ?? null,
    updated: date('updated')?.date ?? null,
    publishedDay: published?.day ?? null,
  };
}

// diagnose finds the configuration mistake behind a page whose items came out unusable: a pattern
// that matched nothing, dates that could not be read, a title or link empty everywhere.
function diagnose(items: readonly PageItem[], read: readonly PageItem[], ctx: Context): Extract<PageResult, { ok: false }> | null {
  for (const [name, compiled] of Object.entries(ctx.fields) as [PageFieldName, CompiledField][]) {
    const raw = ctx.raw[name] ?? [];
    if (compiled.pattern !== null && raw.length > 0 && ctx.hits[name] === undefined) {
      return unmatchedPattern(name, compiled.field.pattern ?? '', raw);
    }
  }
  for (const name of ['published', 'updated'] as const) {
    const raw = ctx.raw[name] ?? [];
    if (raw.length > 0 && read.every((item) => item[name] === null)) return unreadDate(name, ctx.fields[name]?.field.format ?? null, raw);
  }
  if (items.length > 0) return null;
  for (const name of ['title', 'link'] as const) {
    const key = name === 'link' ? 'url' : 'title';
    if (read.every((item) => item[key] === null)) {
      return emptyField(name, ctx.fields[name]?.field.selector ?? null, read.length, ctx.raw[name] ?? []);
    }
  }
  return emptyField('link', ctx.fields.link?.field.selector ?? null, read.length, ctx.raw.link ?? []);
}
