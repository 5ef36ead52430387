// Query parameters of the feed and API routes, checked with messages that say what is wrong.
import { DateTime } from 'luxon';
import safeRegex from 'safe-regex2';

// HttpError is an answer other than 200 that the client caused (400, 404, 405), with a message for it.
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;
/** A long pattern is the easy way to a slow (catastrophically backtracking) regex. */
const MAX_PATTERN = 200;

export interface FeedFilters {
  readonly limit: number;
  readonly filter: RegExp | null;
  readonly filterout: RegExp | null;
  /** Seconds: only items newer than now − N. */
  readonly filterTime: number | null;
}

// parseLimit reads ?limit= (default 50, at most 500).
export function parseLimit(query: URLSearchParams): number {
  const text = query.get('limit');
  if (text === null) return DEFAULT_LIMIT;
  const n = /^\d{1,4}$/.test(text) ? Number(text) : NaN;
  if (!(n >= 1 && n <= MAX_LIMIT)) throw new HttpError(400, `limit must be a whole number from 1 to ${MAX_LIMIT}`);
  return n;
}

// parseFeedFilters reads RSSHub-style filter, filterout (regex, case-insensitive) and filter_time.
export function parseFeedFilters(query: URLSearchParams): FeedFilters {
  const time = query.get('filter_time');
  if (time !== null && !/^[1-9]\d{0,9}$/.test(time)) throw new HttpError(400, 'filter_time must be a whole number of seconds, at least 1');
  return {
    limit: parseLimit(query),
    filter: parseRegex(query, 'filter'),
    filterout: parseRegex(query, 'filterout'),
    filterTime: time === null ? null : Number(time),
  };
}

function parseRegex(query: URLSearchParams, name: string): RegExp | null {
  const pattern = query.get(name);
  if (pattern === null || pattern === '') return null;
  if (pattern.length > MAX_PATTERN) throw new HttpError(400, `${name} must be at most ${MAX_PATTERN} characters`);
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, 'i');
  } catch (error) {
    throw new HttpError(400, `${name} is not a valid regular expression: ${(error as Error).message}`);
  }
  // A quantifier inside a quantified group ((a+)+) can take exponential time on a crafted title
  // and stall the server for every client (ReDoS).
  if (!safeRegex(regex)) throw new HttpError(400, `${name} nests repetition (like (a+)+) and could run for a very long time; write it without a repeated group that itself repeats`);
  return regex;
}

// parseSinceParam reads an ISO 8601 time; without an offset it is read in the configured zone.
export function parseSinceParam(text: string, zone: string): Date {
  const parsed = DateTime.fromISO(text, { zone });
  if (!parsed.isValid) throw new HttpError(400, `since must be an ISO 8601 time, e.g. 2024-12-01 or 2024-12-01T09:00+09:00`);
  return parsed.toJSDate();
}

// parseSources reads ?source= given several times or as a comma-separated list.
export function parseSources(query: URLSearchParams): string[] | undefined {
  const ids = query.getAll('source').flatMap((s) => s.split(',')).map((s) => s.trim()).filter((s) => s !== '');
  return ids.length === 0 ? undefined : ids;
}

// canonicalQuery orders the parameters that change a response, so equal requests share a cache entry.
export function canonicalQuery(query: URLSearchParams, names: readonly string[]): string {
  if (query.size === 0) return '';
  const kept = new URLSearchParams();
  for (const name of names) for (const value of query.getAll(name)) kept.append(name, value);
  kept.sort();
  return kept.toString();
}
