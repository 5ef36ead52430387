// The format-independent middle step: RSS and Atom mappers fill ItemParts from elements, and
// finishItem normalises them into the ParsedItem contract (plain text, safe HTML, absolute URLs).
import type { ParsedItem } from '../model.js';
import { joinBylines } from './author.js';
import { parseDate } from './dates.js';
import { firstImageSrc, sanitizeContent } from '../shared/content-html.js';
import { collapseWhitespace, escapeHtml, htmlToText, markupText, summarize } from './text.js';
import type { TextValue } from './text-construct.js';
import { resolveUrl } from '../shared/urls.js';

export interface UrlRef {
  readonly href: string;
  readonly base: string;
}

export interface ItemParts {
  readonly guid: string | null;
  readonly link: UrlRef | null;
  readonly title: TextValue | null;
  readonly summary: TextValue | null;
  readonly content: TextValue | null;
  readonly authors: readonly string[];
  readonly categories: readonly string[];
  /** Image candidates from enclosures and media elements, best first. */
  readonly images: readonly UrlRef[];
  readonly published: string | null;
  readonly updated: string | null;
}

export interface FinishOptions {
  readonly timezone: string;
  readonly now: Date;
}

// finishItem turns the raw parts of one item into a ParsedItem.
export function finishItem(parts: ItemParts, opts: FinishOptions): ParsedItem {
  const content = parts.content === null ? null : toSafeHtml(parts.content);
  const summaryText = parts.summary === null ? null : emptyToNull(toPlainText(parts.summary)) ?? markupSummary(parts.summary);
  // No description/summary: derive a short one from the content (see SUMMARY_MAX_CHARS).
  const derived = summaryText === null && content !== null ? emptyToNull(summarize(htmlToText(content))) ?? markupSummary({ html: true, value: content }) : null;
  const updated = readDate(parts.updated, opts);
  return {
    guid: parts.guid === null ? null : emptyToNull(parts.guid.trim()),
    url: parts.link === null ? null : resolveUrl(parts.link.href, parts.link.base),
    title: parts.title === null ? null : emptyToNull(toPlainText(parts.title)),
    summary: summaryText ?? derived,
    content,
    author: joinBylines(parts.authors),
    categories: dedupe(parts.categories),
    image: pickImage(parts.images, () => content ?? summaryImageHtml(parts.summary)),
    // RSS readers treat a lone "updated" as the publication time; so do we.
    published: readDate(parts.published, opts) ?? updated,
    updated,
  };
}

// toPlainText renders a title or summary as plain text, decoding HTML only when it is HTML.
export function toPlainText(text: TextValue): string {
  return text.html ? htmlToText(text.value) : collapseWhitespace(text.value);
}

// markupSummary is the summary of HTML that has no text: what its images and SVGs say, or null.
function markupSummary(text: Pick<TextValue, 'html' | 'value'>): string | null {
  return text.html ? emptyToNull(summarize(markupText(text.value))) : null;
}

// toSafeHtml renders content as sanitised HTML with absolute links.
function toSafeHtml(text: TextValue): string | null {
  const html = text.html ? text.value : escapeHtml(text.value).replace(/\r?\n/g, '<br />');
  return sanitizeContent(html, text.base);
}

// readDate parses a raw date and clamps future dates (a wrong zone, a scheduled post) to now.
function readDate(raw: string | null, opts: FinishOptions): Date | null {
  const date = raw === null ? null : parseDate(raw, opts.timezone);
  if (date === null) return null;
  return date.getTime() > opts.now.getTime() ? new Date(opts.now.getTime()) : date;
}

function pickImage(candidates: readonly UrlRef[], html: () => string | null): string | null {
  for (const c of candidates) {
    const url = resolveUrl(c.href, c.base);
    if (url !== null) return url;
  }
  // Sanitised HTML already has absolute http(s) image sources.
  const safe = html();
  return safe === null ? null : firstImageSrc(safe);
}

// summaryImageHtml is an HTML summary sanitised, to take a picture from, when it has an <img> at
// all: sanitising is the parse stage's largest cost, and most summaries have none (issue 11).
function summaryImageHtml(summary: TextValue | null): string | null {
  return summary?.html === true && /<img\b/i.test(summary.value) ? sanitizeContent(summary.value, summary.base) : null;
}

function dedupe(values: readonly string[]): string[] {
  const out: string[] = [];
  for (const v of values) {
    const clean = collapseWhitespace(v);
    if (clean !== '' && !out.includes(clean)) out.push(clean);
  }
  return out;
}

function emptyToNull(s: string): string | null {
  return s === '' ? null : s;
}
