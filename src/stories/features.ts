// What story detection keeps of an item: its shingles, headline words, quantities and places.
import { normalizeStoryText, storyPlaces, titleWords } from './normalize.js';
import { storyDays, storyNumbers } from './quantities.js';
import { flatten, SHINGLE_SIZE, shingles } from './shingles.js';

/** Places count in the title and this much of the body: later paragraphs often list neighbours. */
const LEAD_CHARS = 200;

export interface StoryText {
  readonly title: string | null;
  readonly summary: string | null;
  /** Plain text or sanitised HTML. */
  readonly content: string | null;
}

export interface StoryFeatures {
  /** Distinct shingles, sorted (see shingles.ts). */
  readonly shingles: Uint32Array;
  readonly titleGrams: Set<number>;
  readonly titleWords: Set<string>;
  readonly titleDays: Set<string>;
  /** The whole normalised text without spaces or punctuation, to look title words up in. */
  readonly flat: string;
  /** Quantities (counts and amounts with their unit). */
  readonly numbers: Set<string>;
  /** Cities and counties named in the title and lead. */
  readonly places: Set<string>;
  /** Characters of normalised text: the "fullest text" rule for representatives. */
  readonly length: number;
}

// storyFeatures computes everything verification and LSH need from an item's text.
export function storyFeatures(item: StoryText): StoryFeatures {
  const title = normalizeStoryText(item.title ?? '');
  // A line break, not a space: the content's first paragraph starts a line (see PIPE_BYLINE).
  const body = normalizeStoryText(`${item.summary ?? ''}\n${item.content ?? ''}`);
  const text = `${title} ${body}`;
  const flat = flatten(text);
  return {
    shingles: shingles(flat, SHINGLE_SIZE),
    titleGrams: new Set(shingles(flatten(title), 2)),
    titleWords: titleWords(title),
    titleDays: storyDays(title),
    flat,
    numbers: storyNumbers(text),
    places: storyPlaces(`${title} ${body.slice(0, LEAD_CHARS)}`),
    length: body.length,
  };
}
