// Types shared by every pipeline stage. Stages import this file, never each other:
// config → fetch → decode → parse → dedupe → store, put together by worker/ and cli/.

// ---------------------------------------------------------------- config

export interface SourceConfig {
  readonly id: string;
  readonly name: string;
  /** http(s) URL, or an absolute local file path (resolved against the config folder at load). */
  readonly url: string;
  readonly region: string | null;
  readonly tags: readonly string[];
  readonly intervalMs: number;
  /** Charset override (e.g. "euc-kr"); null means detect. */
  readonly encoding: string | null;
  /** IANA zone for dates written without an offset. */
  readonly timezone: string;
  readonly enabled: boolean;
  /** Higher wins when choosing a story's representative (later issue); default 0. */
  readonly priority: number;
  /** How to trust the server's certificate; absent = Node's default roots, fully checked. */
  readonly tls?: SourceTls;
  /** 'feed' (RSS/Atom, the default) or 'page' (an HTML list read with CSS selectors). */
  readonly type: SourceType;
  /** How to read a page source; null for feeds. */
  readonly page: PageConfig | null;
  /** Fetch each new item's own page for its full text (`detail:`); absent or null = the list's text only. */
  readonly detail?: DetailConfig | null;
}

/** A source's `detail:` setting; `detail: true` is every field at its default. */
export interface DetailConfig {
  /** CSS selector of the article body; null = automatic extraction (Readability). */
  readonly content: string | null;
  /** CSS selectors dropped from the body before use. */
  readonly remove: readonly string[];
  /** Page-source field syntax; overrides the list's value when it reads one. */
  readonly published: PageField | null;
  readonly author: PageField | null;
  /** The links of files whose text is read; null = none. */
  readonly attachments: AttachmentLinkRule | null;
  /** Detail pages fetched per poll at most (default 30); the rest wait for the next poll. */
  readonly maxPerPoll: number;
}

/** A source's `tls:` setting (many .go.kr sites omit the intermediate certificate). */
export interface SourceTls {
  /** Certificates trusted on top of the default roots, read from a PEM file at config load. */
  readonly ca: { readonly file: string; readonly pem: string } | null;
  /** Accept any certificate: discouraged, so every poll of the source carries a warning. */
  readonly insecure: boolean;
}

export type SourceType = 'feed' | 'page';

/** The item fields a page source can fill; `title` and `link` are required. */
export type PageFieldName = 'title' | 'link' | 'guid' | 'published' | 'updated' | 'author' | 'summary' | 'categories' | 'image';

/** Where one field of a page item comes from. A plain selector string in YAML is `{ selector }`. */
export interface PageField {
  /** CSS selector inside the item element; null means the item element itself. */
  readonly selector: string | null;
  /** Read this attribute instead of the text. */
  readonly attr: string | null;
  /** Regular expression (source text) applied to the value; group 1 is the result unless `template`. */
  readonly pattern: string | null;
  /** Builds the result from `{1}`…`{9}` of `pattern`, e.g. "view.do?seq={1}". */
  readonly template: string | null;
  /** Luxon format tokens for dates, e.g. "yyyy-MM-dd"; null reads Korean and ISO dates automatically. */
  readonly format: string | null;
  /** Every match as a list (for `categories`); otherwise the first match. */
  readonly all: boolean;
}

export interface PageRequest {
  readonly method: 'GET' | 'POST';
  /** Sent urlencoded (as the body for POST, as the query for GET); values may hold `{page}`. */
  readonly form: Readonly<Record<string, string>>;
  /** Extra request headers, e.g. Referer. */
  readonly headers: Readonly<Record<string, string>>;
}

export interface PageConfig {
  /** CSS selector matching one element per item. */
  readonly items: string;
  readonly fields: { readonly title: PageField; readonly link: PageField } & Readonly<Partial<Record<PageFieldName, PageField>>>;
  /** List pages read per poll; `{page}` in the url or a form value becomes 1…pages. */
  readonly pages: number;
  readonly request: PageRequest;
}

export interface RetentionSettings {
  readonly days: number | null;
  readonly itemsPerSource: number | null;
}

export interface Settings {
  /** Database file path, relative paths resolved against the working directory. */
  readonly database: string;
  readonly timezone: string;
  readonly userAgent: string;
  readonly defaultIntervalMs: number;
  readonly concurrency: number;
  readonly perHostConcurrency: number;
  readonly timeoutMs: number;
  readonly maxBodyBytes: number;
  /** Upper bound for the exponential back-off of a failing source. */
  readonly maxBackoffMs: number;
  readonly retention: RetentionSettings;
  readonly http: { readonly host: string; readonly port: number };
}

/** What an item must show to belong to a topic. Empty lists do not constrain. */
export interface TopicMatch {
  /** At least one of these keywords (Korean substring, Latin case-insensitive, after NFKC). */
  readonly any: readonly string[];
  /** Every one of these keywords. */
  readonly all: readonly string[];
  /** None of these keywords. */
  readonly none: readonly string[];
  /** Look for keywords in the title only (default: title, summary and content text). */
  readonly titleOnly: boolean;
  readonly sources: readonly string[];
  readonly excludeSources: readonly string[];
  readonly regions: readonly string[];
  readonly tags: readonly string[];
  /** The item's own categories (from the feed). */
  readonly categories: readonly string[];
}

export interface TopicConfig {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly match: TopicMatch;
}

export interface Config {
  readonly dir: string;
  readonly settings: Settings;
  readonly sources: readonly SourceConfig[];
  /** From topics.yaml; empty when the file is absent. */
  readonly topics: readonly TopicConfig[];
}

/** A problem in a config file, located so a person can fix it. */
export interface ConfigIssue {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

// ---------------------------------------------------------------- errors

export type SourceErrorKind =
  | 'dns'
  | 'refused'
  | 'timeout'
  | 'tls'
  | 'network'
  | 'http-status'
  | 'too-large'
  | 'redirect'
  | 'not-a-feed'
  | 'parse'
  /** A page source's selectors or patterns found nothing usable on the page. */
  | 'selector'
  | 'file'
  /** A bug in regionwire itself, caught so the other sources keep going. */
  | 'internal';

/** Why one source failed. `kind` is stable (stored, shown, used for back-off); `message` is for people. */
export interface SourceError {
  readonly kind: SourceErrorKind;
  readonly message: string;
  /** HTTP status for kind 'http-status'. */
  readonly status?: number;
  /** When the server asked us to come back (429/503 Retry-After). */
  readonly retryAfter?: Date | null;
  readonly cause?: unknown;
}

// ---------------------------------------------------------------- fetch

export interface FetchRequest {
  readonly url: string;
  readonly etag: string | null;
  readonly lastModified: string | null;
  /** The source being fetched, named in advice; absent for a bare URL (`inspect URL`). */
  readonly sourceId?: string;
  /** The source's TLS setting, kept for every redirect hop; absent = default trust. */
  readonly tls?: SourceTls;
  /** GET when absent. A POST sends `form` as its urlencoded body and never sends validators. */
  readonly method?: 'GET' | 'POST';
  /** Form values: the body of a POST, added to the query of a GET. */
  readonly form?: Readonly<Record<string, string>>;
  /** Extra request headers (a page source's request.headers, e.g. Referer). */
  readonly headers?: Readonly<Record<string, string>>;
  /** What the body should be: it sets Accept and the wording of "this is not one" errors. Default 'feed'.
   * 'file' (an attachment) takes any bytes: the detail stage tells formats apart. */
  readonly expect?: 'feed' | 'page' | 'file';
}

export interface FetchOptions {
  readonly userAgent: string;
  readonly timeoutMs: number;
  readonly maxBodyBytes: number;
  readonly maxRedirects: number;
}

interface FetchCommon {
  /** URL the body finally came from, after redirects. */
  readonly finalUrl: string;
  /** Set when a 301/308 moved the feed: the user should update the URL in sources.yaml. */
  readonly permanentRedirect: string | null;
  readonly etag: string | null;
  readonly lastModified: string | null;
}

export type FetchResult =
  | (FetchCommon & {
      readonly status: 'ok';
      readonly httpStatus: number | null;
      readonly body: Buffer;
      readonly contentType: string | null;
    })
  | (FetchCommon & { readonly status: 'not-modified' })
  | { readonly status: 'failed'; readonly error: SourceError; readonly permanentRedirect: string | null };

// ---------------------------------------------------------------- decode

export interface DecodedBody {
  readonly text: string;
  /** Canonical name of the encoding used, lower-case (e.g. "utf-8", "euc-kr"). */
  readonly encoding: string;
  /** How it was chosen; 'meta' is an HTML page's <meta charset> or http-equiv Content-Type. */
  readonly encodingSource: 'override' | 'bom' | 'http' | 'xml' | 'meta' | 'detected' | 'default';
  /** Set when the declared encoding was wrong and another was used, for the poll log. */
  readonly warning: string | null;
}

// ---------------------------------------------------------------- parse

export type FeedFormat = 'rss090' | 'rss091' | 'rss092' | 'rss10' | 'rss20' | 'atom03' | 'atom10';

export interface ParseOptions {
  /** Address the feed was read from: base for relative links. */
  readonly url: string;
  /** Zone for dates written without an offset (default Asia/Seoul). */
  readonly timezone: string;
  /** "Now" for clamping future dates. */
  readonly now: Date;
}

export interface ParsedItem {
  readonly guid: string | null;
  /** Absolute http(s) URL or null. */
  readonly url: string | null;
  /** Plain text, entities decoded once, whitespace collapsed. */
  readonly title: string | null;
  /** Plain text. */
  readonly summary: string | null;
  /** Sanitised HTML. */
  readonly content: string | null;
  /** Byline without e-mail addresses. */
  readonly author: string | null;
  readonly categories: readonly string[];
  readonly image: string | null;
  readonly published: Date | null;
  readonly updated: Date | null;
}

export interface ParsedFeed {
  readonly format: FeedFormat;
  readonly title: string | null;
  readonly link: string | null;
  readonly description: string | null;
  readonly language: string | null;
  readonly items: readonly ParsedItem[];
}

export type ParseResult =
  | { readonly ok: true; readonly feed: ParsedFeed }
  | { readonly ok: false; readonly error: SourceError };

// ---------------------------------------------------------------- page

export interface PageOptions {
  /** Address the page was read from (after redirects): base for relative links without <base href>. */
  readonly url: string;
  /** Zone for dates written without an offset (the source's timezone). */
  readonly timezone: string;
  /** The time of this poll: the year of "12.01", the time a date-only item is first seen. */
  readonly now: Date;
  /** Charset the page was decoded with: non-ASCII in link queries is encoded in it, as browsers do. */
  readonly encoding: string;
  readonly page: PageConfig;
}

/** An item read from an HTML list page. */
export interface PageItem extends ParsedItem {
  /**
   * Set when the page gave the publication date without a time: the day ('2024-12-01') in the
   * source's zone. `published` is then the time first seen if on that day, else the day's start
   * (page/dates.ts settleDay); the worker settles it again with the time the store first saw it.
   */
  readonly publishedDay: string | null;
}

/** Why a page gave no items; the worker ends paging on 'no-items' or 'alert' after page 1. */
export type PageFailure = 'no-items' | 'alert' | 'pattern' | 'date' | 'empty-fields';

export type PageResult =
  | { readonly ok: true; readonly items: readonly PageItem[] }
  | { readonly ok: false; readonly error: SourceError; readonly reason: PageFailure };

// ---------------------------------------------------------------- dedupe

/**
 * A parsed item with its identity inside its source. See dedupe/item-key.ts: never change lightly.
 * Its `url` has lost the tracking parameters (utm_*, fbclid, call_from …), host and scheme kept.
 */
export interface KeyedItem extends ParsedItem {
  readonly key: string;
  /** The canonical form of `url` (https, no tracking parameters, no mobile host), or null. */
  readonly canonicalUrl: string | null;
  /** Hash of the fields whose change makes an edit (title, summary, content, …). */
  readonly contentHash: string;
}

// ---------------------------------------------------------------- classify

/** One topic an item belongs to, and the rule that put it there (for people tuning topics.yaml). */
export interface TopicMatchResult {
  readonly topic: string;
  /** e.g. "any: 중소기업 (title)". */
  readonly reason: string;
}

/** A keyed item with the topics it was classified into, ready to store. */
export interface ClassifiedItem extends KeyedItem {
  readonly topics: readonly TopicMatchResult[];
}

/** The item fields topic rules look at. */
export type ClassifiableItem = Pick<ParsedItem, 'title' | 'summary' | 'content' | 'categories'>;

/** Classifies a stored item of the given source; the store calls it when topics.yaml changed. */
export type ItemClassifier = (item: ClassifiableItem, sourceId: string) => readonly TopicMatchResult[];

// ---------------------------------------------------------------- store

export interface SaveCounts {
  readonly new: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Items with nothing in them (no title, link, text or guid), which the store does not keep. */
  readonly skipped: number;
}

export interface SourceState {
  readonly id: string;
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly lastPollAt: Date | null;
  readonly lastSuccessAt: Date | null;
  readonly consecutiveFailures: number;
  readonly lastError: { readonly kind: SourceErrorKind; readonly message: string } | null;
  readonly nextPollAt: Date | null;
  readonly permanentRedirect: string | null;
  /** Since when the feed answers 410 Gone; such a source is not polled until its url changes. */
  readonly goneAt: Date | null;
  readonly itemCount: number;
}

/** What the store knows of an item key: its dates, or nulls for an item pruned since (a tombstone). */
export interface SeenItem {
  readonly published: Date | null;
  /** When the item was first stored. */
  readonly fetched: Date | null;
}

export interface StoredItem {
  readonly id: number;
  readonly source: string;
  readonly guid: string | null;
  readonly url: string | null;
  readonly title: string | null;
  readonly summary: string | null;
  readonly content: string | null;
  readonly author: string | null;
  readonly categories: readonly string[];
  readonly image: string | null;
  readonly published: Date;
  readonly updated: Date | null;
  readonly fetched: Date;
  /** Ids of the topics the item belongs to. */
  readonly topics: readonly string[];
  /** The story (stories.id) the item is a version of; null if never assigned. */
  readonly story: number | null;
  /** Files linked from the item's page (sources with `detail:`), in page order; absent when not asked for. */
  readonly attachments?: readonly ItemAttachment[];
}

export interface ItemQuery {
  readonly sources?: readonly string[];
  /** Only items of this topic. */
  readonly topic?: string;
  readonly since?: Date;
  readonly search?: string;
  readonly limit?: number;
}

// ---------------------------------------------------------------- worker

export type PollOutcome =
  | {
      readonly status: 'updated';
      readonly source: string;
      readonly counts: SaveCounts;
      readonly encoding: string;
      readonly warning: string | null;
      readonly permanentRedirect: string | null;
      readonly durationMs: number;
    }
  | {
      readonly status: 'not-modified';
      readonly source: string;
      /** e.g. certificate checks are off for this source (tls.insecure). */
      readonly warning: string | null;
      readonly permanentRedirect: string | null;
      readonly durationMs: number;
    }
  | {
      readonly status: 'failed';
      readonly source: string;
      readonly error: SourceError;
      readonly warning: string | null;
      readonly permanentRedirect: string | null;
      readonly durationMs: number;
    };

// ---------------------------------------------------------------- detail

/** How to find the article body on an item's own page; null content means automatic extraction. */
export interface ArticleRules {
  /** CSS selector of the body element. */
  readonly content: string | null;
  /** CSS selectors of elements dropped from the body before use. */
  readonly remove: readonly string[];
}

/** The article body of a detail page. */
export type ArticleResult =
  | {
      readonly ok: true;
      /** Sanitised HTML with absolute http(s) links, boilerplate removed. */
      readonly html: string;
      /** The body as plain text, whitespace collapsed: for search, topics and stories. */
      readonly text: string;
      /** Characters of `text`; under 200 the body counts as a stub. */
      readonly textLength: number;
      readonly method: 'selector' | 'automatic';
    }
  | { readonly ok: false; readonly error: { readonly kind: 'no-content' | 'bad-rule'; readonly message: string } };

/** The link elements of a detail page's attachments: a selector string takes each match's href and
 * text; the map form reads another attribute and can rewrite `javascript:` calls into URLs. */
export type AttachmentLinkRule =
  | string
  | {
      readonly selector: string;
      /** Attribute holding the link (default href). */
      readonly attr?: string;
      /** Regular expression matched against the attribute; its groups fill `template`. */
      readonly pattern?: string;
      /** URL with {1}…{9} or {name} for the pattern's groups, resolved against the page. */
      readonly template?: string;
    };

export interface AttachmentLink {
  /** Absolute http(s) URL. */
  readonly url: string;
  /** File name as the page shows it (Hangul kept); from the URL when the link has no text. */
  readonly name: string;
}

export type AttachmentFormat = 'hwp' | 'hwpx' | 'pdf' | 'unknown';

/** Why an attachment's text could not be read; stable, stored with the attachment. */
export type AttachmentErrorKind = 'encrypted' | 'corrupt' | 'unsupported' | 'too-large' | 'timeout';

export interface AttachmentError {
  readonly kind: AttachmentErrorKind;
  /** Starts with "detail:", names the file and says what to do. */
  readonly message: string;
  readonly cause?: unknown;
}

/** The text of one downloaded attachment, or why there is none. */
export type AttachmentText =
  | {
      readonly ok: true;
      readonly format: Exclude<AttachmentFormat, 'unknown'>;
      readonly mediaType: string;
      /** NFC, paragraphs separated by newlines, at most one blank line in a row. */
      readonly text: string;
      /** Set when only part of the file could be read (an HWP's preview text), for the poll log. */
      readonly warning: string | null;
    }
  | {
      readonly ok: false;
      readonly format: AttachmentFormat;
      /** Known when the format was recognised. */
      readonly mediaType: string | null;
      readonly error: AttachmentError;
    };

/** One attachment of an item as stored and shown (`attachments` table, API, feeds). */
export interface ItemAttachment {
  readonly url: string;
  readonly name: string;
  /** From the bytes (application/x-hwp, application/hwp+zip, application/pdf); null when unknown or not downloaded. */
  readonly mediaType: string | null;
  /** Bytes downloaded; null when the download failed. */
  readonly size: number | null;
  /** Characters of text read; null when none could be read. */
  readonly textLength: number | null;
  /** Why there is no text (a message starting with the stage name); null when read. */
  readonly error: string | null;
}

/** An attachment with its text, as the worker hands it to the store. */
export interface ReadAttachment extends ItemAttachment {
  readonly text: string | null;
}

/** What fetching an item's own page gave, carried on the item to the store. */
export interface ItemDetail {
  /** 'ok' read (or unchanged since: 304), 'failed' not read this time, 'pending' over max_per_poll, not tried yet. */
  readonly status: 'ok' | 'failed' | 'pending';
  /** Failed tries in a row for this version of the item (a new version starts again at 0). */
  readonly tries: number;
  readonly error: string | null;
  /** The detail page's validators, for a conditional GET when it is fetched again. */
  readonly etag: string | null;
  readonly lastModified: string | null;
  /** The extracted body as sanitised HTML; null when not read. */
  readonly body: string | null;
  /** Characters of the body's text; under STUB_BODY_CHARS the body is a stub. */
  readonly bodyLength: number;
  /**
   * What search, topics and stories read once the page was read: the body (unless a stub) and every
   * attachment's text as paragraphs, '' when neither has text. A board's stub ("첨부파일 참조") is
   * the same on every release and would tie them all into one story. Null when not read.
   */
  readonly fullContent: string | null;
  readonly attachments: readonly ReadAttachment[];
}

/** Under this many characters of text an item page's body is a stub: the first attachment's text is the content. */
export const STUB_BODY_CHARS = 200;

/**
 * Characters of an item's raw text (summary, a line break, then content, markup and all) story
 * detection reads: it keeps the first 3,000 characters of cleaned body, and a release read with its
 * attachments can run to megabytes. The store gives no more when the detector takes in stored items.
 */
export const STORY_TEXT_CHARS = 48_000;

/** A keyed item whose source has `detail:`; content/author/published already hold the page's values. */
export interface DetailedItem extends KeyedItem {
  readonly detail: ItemDetail;
}

/** What the store knows of an item's detail page, so the worker can pick what to fetch. */
export interface DetailState {
  readonly itemId: number;
  readonly contentHash: string;
  /** Null when the item was stored before its source had `detail:` (never fetched, never due). */
  readonly status: ItemDetail['status'] | null;
  readonly tries: number;
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly body: string | null;
  readonly bodyLength: number;
  readonly attachments: readonly ReadAttachment[];
}

// ---------------------------------------------------------------- stories

/** The text and date story detection reads of an item. */
export interface StoryItem {
  readonly id: number;
  readonly source: string;
  readonly title: string | null;
  readonly summary: string | null;
  readonly content: string | null;
  readonly published: Date;
}

/** What story detection reads of the store, inside the poll's transaction (or from memory in tests). */
export interface StoryStoreReader {
  /** The story a stored item is in now; null when the item is gone or has no story yet. */
  storyOf(itemId: number): number | null;
  /** The `limit` highest-id items that have a story and an id above `afterId`, lowest id first:
   * what other processes (another `regionwire poll`) stored since detection last looked. */
  storiedItemsAfter(afterId: number, limit: number): Iterable<StoryItem>;
}

/** Where a new item goes: an existing story, or (storyId null) a new story named after the item. */
export interface StoryAssignment {
  readonly storyId: number | null;
  /** Representative rank: the story shows the version with the highest (government, priority, length). */
  readonly rank: number;
}

/** Finds the story of a new item; the store calls it inside the poll's transaction, just before it
 * inserts the item with `item.id` (so the item itself is not stored yet). */
export type StoryAssigner = (item: StoryItem, store: StoryStoreReader) => StoryAssignment;

/** A story as stored: its versions oldest first, the representative among them. */
export interface StoredStory {
  readonly id: number;
  readonly representative: number;
  readonly firstSeen: Date;
  readonly lastSeen: Date;
  readonly itemCount: number;
  readonly versions: readonly StoredItem[];
}

export interface StoryQuery {
  /** Stories with at least one version in this topic. */
  readonly topic?: string;
  /** Stories whose newest version was published at or after this time. */
  readonly since?: Date;
  readonly limit?: number;
}
