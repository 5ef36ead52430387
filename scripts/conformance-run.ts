// Runs feedparser's expectations (tests/fixtures/feedparser) against decodeFeed + parseFeed.
// Shared by scripts/conformance.ts (the report) and tests/unit/parse/conformance.test.ts (the gate).
//
// Mapping of feedparser fields onto our model, and why:
//  - title, summary: feedparser returns HTML (text/plain constructs: raw text); ours are plain text.
//    The expected value is read as HTML through the same htmlToText our parser uses, or as plain
//    text (whitespace collapsed); ours must equal one of the two readings exactly. A summary whose
//    HTML has no text is read as what its images say (markupText), as our parser does (issue 12).
//  - content: both sides through htmlToText (expected: either reading, as above); in addition the absolute href/src URLs in the expected
//    HTML (WHATWG-normalised) must appear, in order, in ours: that checks xml:base resolution.
//  - link, feed link: compared as WHATWG-normalised URLs (so "À" equals "%C3%80").
//  - id: exact. categories[N] (tags.N.term): exact after trimming.
//  - author: feedparser renders "name (email)"; ours drops e-mail, so the expected value is compared
//    after the same cleanByline. authors[N]: the N-th name of our ", "-joined byline.
//  - published/updated: as instants. feedparser's `updated` falls back to `published` (as in its
//    FeedParserDict), so `updated` checks compare against updated ?? published.
// Selected: checks with folder not in {wellformed/sanitize, entities, json}; the HTTP ones only where
// the response had no Content-Location header (regionwire resolves against the URL it fetched:
// RFC 7231 dropped Content-Location as a base URI, so those expectations do not apply to us).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeFeed } from '../src/decode/decode-feed.js';
import type { ParsedFeed, ParsedItem } from '../src/model.js';
import { cleanByline } from '../src/parse/author.js';
import { parseDate } from '../src/parse/dates.js';
import { parseFeed } from '../src/parse/parse-feed.js';
import { collapseWhitespace, htmlToText, markupText } from '../src/parse/text.js';

export interface Check {
  readonly file: string;
  readonly target: 'feed' | 'entry';
  readonly index: number | null;
  readonly field: string;
  readonly expected: unknown;
  readonly source_key: string;
  readonly sub_index?: number;
  readonly expected_iso?: string;
  readonly wellformed: boolean | null;
  readonly folder: string;
  readonly http: boolean;
}

export interface FileMeta {
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly http: boolean;
  readonly doc_uri: string | null;
}

export interface Expectations {
  readonly meta: Record<string, unknown>;
  readonly files: readonly FileMeta[];
  readonly checks: readonly Check[];
}

export interface Outcome {
  readonly check: Check;
  readonly pass: boolean;
  readonly reason: string | null;
}

const EXCLUDED_FOLDERS = new Set(['wellformed/sanitize', 'entities', 'json']);
// Fixed "now" so that no fixture date is clamped.
const NOW = new Date('2100-01-01T00:00:00Z');

// loadExpectations reads expectations.json from a fixture folder.
export async function loadExpectations(dir: string): Promise<Expectations> {
  return JSON.parse(await readFile(path.join(dir, 'expectations.json'), 'utf8')) as Expectations;
}

// selectChecks keeps the checks whose mapping onto our model is meaningful (see the header);
// `all` keeps the excluded folders too, for a report on the full upstream corpus.
export function selectChecks(exp: Expectations, all = false): Check[] {
  const files = new Map(exp.files.map((f) => [f.path, f]));
  return exp.checks.filter((c) => {
    if (all) return c.folder !== 'json';
    if (EXCLUDED_FOLDERS.has(c.folder)) return false;
    if (!c.http) return true;
    const headers = Object.keys(files.get(c.file)?.headers ?? {}).map((h) => h.toLowerCase());
    return !headers.includes('content-location');
  });
}

// runChecks parses each needed fixture once and evaluates the checks against it.
export async function runChecks(dir: string, exp: Expectations, checks: readonly Check[]): Promise<Outcome[]> {
  const files = new Map(exp.files.map((f) => [f.path, f]));
  const parsed = new Map<string, ParsedFeed | string>();
  const out: Outcome[] = [];
  for (const check of checks) {
    let feed = parsed.get(check.file);
    if (feed === undefined) {
      feed = await parseFixture(dir, files.get(check.file), check.file);
      parsed.set(check.file, feed);
    }
    const reason = typeof feed === 'string' ? feed : evaluate(check, feed);
    out.push({ check, pass: reason === null, reason });
  }
  return out;
}

async function parseFixture(dir: string, meta: FileMeta | undefined, file: string): Promise<ParsedFeed | string> {
  const body = await readFile(path.join(dir, file));
  const contentType = Object.entries(meta?.headers ?? {}).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? null;
  const { text } = decodeFeed(body, { contentType, override: null });
  const url = meta?.doc_uri ?? `http://127.0.0.1:8097/tests/${file}`;
  const result = await parseFeed(text, { url, timezone: 'UTC', now: NOW });
  return result.ok ? result.feed : `[${result.error.kind}] ${result.error.message}`;
}

// evaluate returns null when the check passes, else why it failed.
function evaluate(check: Check, feed: ParsedFeed): string | null {
  const item: ParsedItem | undefined = check.target === 'entry' ? feed.items[check.index ?? 0] : undefined;
  if (check.target === 'entry' && item === undefined) return `no entry ${check.index ?? 0} (${feed.items.length} parsed)`;
  const expected = check.expected;
  const sub = check.sub_index ?? 0;
  switch (check.field) {
    case 'title':
    case 'summary': {
      const actual = check.field === 'summary' ? (item?.summary ?? null) : check.target === 'feed' ? feed.title : (item?.title ?? null);
      // feedparser returns HTML for html constructs and raw text for text/plain ones; either reading.
      const asText = collapseWhitespace(String(expected));
      const asHtml = htmlToText(String(expected)) || (check.field === 'summary' ? markupText(String(expected)) : '');
      return actual === asText ? null : same(asHtml, actual ?? '');
    }
    case 'content':
      return compareContent(String(expected), item?.content ?? null);
    case 'link': {
      const actual = check.target === 'feed' ? feed.link : (item?.url ?? null);
      return same(normaliseUrl(String(expected)), actual ?? '');
    }
    case 'id':
      return same(String(expected).trim(), item?.guid ?? '');
    case 'categories':
      return same(collapseWhitespace(String(expected)), item?.categories[sub] ?? '');
    case 'author': {
      const names = (item?.author ?? '').split(', ');
      const actual = check.sub_index === undefined ? (item?.author ?? '') : (names[sub] ?? '');
      const wanted = collapseWhitespace(String(expected));
      return actual === wanted || actual === cleanByline(wanted) ? null : `expected ${JSON.stringify(wanted)}, got ${JSON.stringify(actual)}`;
    }
    case 'published':
    case 'updated': {
      const want = check.expected_iso ?? String(expected);
      const wantDate = parseDate(want, 'UTC');
      const got = check.field === 'published' ? item?.published : (item?.updated ?? item?.published);
      if (wantDate === null) return `cannot read expected date ${JSON.stringify(want)}`;
      return got?.getTime() === wantDate.getTime() ? null : `expected ${wantDate.toISOString()}, got ${got?.toISOString() ?? 'null'}`;
    }
    default:
      return `unmapped field ${check.field}`;
  }
}

function compareContent(expectedHtml: string, actual: string | null): string | null {
  const actualText = actual === null ? '' : htmlToText(actual);
  // As for titles: feedparser's text/plain content is raw text, so either reading of it.
  const text = actualText === collapseWhitespace(expectedHtml) ? null : same(htmlToText(expectedHtml), actualText);
  if (text !== null) return text;
  const wanted = urlsIn(expectedHtml).map(normaliseUrl);
  const got = urlsIn(actual ?? '');
  const missing = wanted.filter((u) => !got.includes(u));
  return missing.length === 0 ? null : `content lacks link ${missing.join(' ')} (has ${got.join(' ') || 'none'})`;
}

function urlsIn(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => htmlToText(m[1] ?? ''));
}

function normaliseUrl(url: string): string {
  return URL.canParse(url.trim()) ? new URL(url.trim()).href : url.trim();
}

function same(expected: string, actual: string): string | null {
  return expected === actual ? null : `expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
}

export interface Tally {
  pass: number;
  total: number;
}

// tally groups outcomes by a key (folder, field) into pass/total counts.
export function tally(outcomes: readonly Outcome[], key: (c: Check) => string): Map<string, Tally> {
  const out = new Map<string, Tally>();
  for (const o of outcomes) {
    const k = key(o.check);
    const t = out.get(k) ?? { pass: 0, total: 0 };
    t.total += 1;
    if (o.pass) t.pass += 1;
    out.set(k, t);
  }
  return new Map([...out.entries()].sort(([a], [b]) => a.localeCompare(b)));
}
