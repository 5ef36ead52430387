// Text as topic rules see it: NFKC, lower case, one space between words.

// NFKC folds full-width Latin (ＡＩ → AI), half-width katakana and compatibility Hangul jamo, and
// composes decomposed Hangul (as macOS writes it), so a keyword matches however the feed typed it.
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}
