// What story detection keeps of an item: its shingles, headline words, quantities and places.
import { STORY_TEXT_CHARS } from '../model.js';
import { storyBodies, storyIssuer } from './bodies.js';
import { storyNames } from './names.js';
import { cleanStoryText, finishStoryText, storyPlaces, titleWords } from './normalize.js';
import { storyDays, storyNumbers, storyOrdinals } from './quantities.js';
import { flatten, SHINGLE_SIZE, shingleMask, shingles } from './shingles.js';

/** Places count in the title and this much of the body: later paragraphs often list neighbours. */
const LEAD_CHARS = 200;
/** A headline's words are looked up in the other version's headline and this much of its body. A
 * long text (a release with its attachments) has nearly every word of a sibling release's
 * headline somewhere: its annex lists the package's other programmes, or carries the same rules.
 * What a text is about is in its lead. On the long-text evaluation cases 600 kept every such pair
 * apart; 1,000 did not (tuning precision 0.981). */
const LEAD_COVER_CHARS = 600;

export interface StoryText {
  readonly title: string | null;
  readonly summary: string | null;
  /** Plain text or sanitised HTML. */
  readonly content: string | null;
}

/** Every list's members are distinct. */
export interface StoryFeatures {
  /** Distinct shingles of the whole text, sorted (see shingles.ts); words are looked up in them
   * (hasGrams): the text itself is not kept. */
  readonly shingles: Uint32Array;
  /** Which of `shingles` the headline and the body's first LEAD_COVER_CHARS characters have (see
   * shingleMask); null when the body is no longer, and all of them count. Headline words are
   * looked up there (verify.ts, titleCover), and the MinHash signature is taken there (detector.ts). */
  readonly leadMask: Uint8Array | null;
  /** Distinct headline 2-grams, sorted. */
  readonly titleGrams: Uint32Array;
  readonly titleWords: readonly string[];
  /** Days of the month named in the title, and in the whole text. */
  readonly titleDays: readonly string[];
  readonly days: readonly string[];
  /** Quantities (counts and amounts with their unit), in the whole text and in the title. */
  readonly numbers: readonly string[];
  readonly titleNumbers: readonly string[];
  /** Ordinals ("32회" for 제32회) in the whole text. */
  readonly ordinals: readonly string[];
  /** Cities and counties named in the title and lead. */
  readonly places: readonly string[];
  /** Public bodies named anywhere, and the one that issued the item when its headline or lead says. */
  readonly bodies: readonly string[];
  readonly issuer: string | null;
  /** Names of festivals, partners, ordinances (see names.ts). */
  readonly names: readonly string[];
  /** Characters of normalised body, all of it, not only the bodyChars kept (within the
   * STORY_TEXT_CHARS raw characters read): the "fullest text" rule for representatives. */
  readonly length: number;
}

/** The band index keeps 20,000 items' features; most items name no day, ordinal or name. */
const NONE: readonly string[] = Object.freeze([]);

// list keeps a set's members as an array (a Set costs a hash table of about 170 bytes, ten times
// its few short strings); all empty fields share one.
function list(set: ReadonlySet<string>): readonly string[] {
  return set.size === 0 ? NONE : [...set];
}

// storyFeatures computes everything verification and LSH need from an item's text, reading the
// body's first `bodyChars` characters (see StoryParams.bodyChars).
export function storyFeatures(item: StoryText, bodyChars = Infinity): StoryFeatures {
  const cleanTitle = cleanStoryText(item.title ?? '');
  // A line break, not a space: the content's first paragraph starts a line (see PIPE_BYLINE).
  const fullBody = cleanStoryText(`${item.summary ?? ''}\n${item.content ?? ''}`.slice(0, STORY_TEXT_CHARS));
  const cleanBody = fullBody.slice(0, bodyChars);
  const title = finishStoryText(cleanTitle);
  const body = finishStoryText(cleanBody);
  const words = titleWords(title);
  const text = `${title} ${body}`;
  const all = shingles(flatten(text), SHINGLE_SIZE);
  return {
    shingles: all,
    leadMask: body.length <= LEAD_COVER_CHARS ? null : shingleMask(all, flatten(`${title} ${body.slice(0, LEAD_COVER_CHARS)}`)),
    titleGrams: shingles(flatten(title), 2),
    titleWords: list(words),
    titleDays: list(storyDays(title)),
    days: list(storyDays(text)),
    numbers: list(storyNumbers(text)),
    titleNumbers: list(storyNumbers(title)),
    ordinals: list(storyOrdinals(text)),
    places: list(storyPlaces(`${title} ${body.slice(0, LEAD_CHARS)}`)),
    bodies: list(storyBodies(text)),
    issuer: storyIssuer(title, body),
    names: list(storyNames(words, `${cleanTitle}\n${cleanBody}`)),
    length: cleanBody.length === fullBody.length ? body.length : finishStoryText(fullBody).length,
  };
}
