// The published date and byline on an item's own page (a source's detail.published / detail.author),
// read with the same field syntax as a page source's list.
import { load } from 'cheerio';
import type { PageField } from '../model.js';
import { readPageDate, settleDay } from './dates.js';
import { compileField, readField } from './fields.js';

export interface DetailFields {
  readonly published: Date | null;
  readonly author: string | null;
}

export interface DetailFieldOptions {
  readonly published: PageField | null;
  readonly author: PageField | null;
  /** The source's zone, for dates without an offset. */
  readonly timezone: string;
  /** The time of the poll: a date-only value on this day is taken as this time (see settleDay). */
  readonly now: Date;
}

// readDetailFields reads the configured fields on the whole page; null where a field finds nothing.
export function readDetailFields(html: string, opts: DetailFieldOptions): DetailFields {
  if (opts.published === null && opts.author === null) return { published: null, author: null };
  const $ = load(html);
  const root = $.root();
  const value = (field: PageField | null): string | null => (field === null ? null : (readField($, root, compileField(field)).values[0] ?? null));
  const dateText = value(opts.published);
  const date = dateText === null ? null : readPageDate(dateText, opts.published?.format ?? null, { zone: opts.timezone, now: opts.now });
  const published = date === null ? null : date.day === null ? date.date : settleDay(date.day, opts.now, opts.timezone);
  return { published, author: value(opts.author) };
}
