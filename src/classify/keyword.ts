// One keyword of a topic rule, compiled once: a plain substring test when that is enough.
import { normalizeText } from './item-text.js';

/** A keyword ready to test against normalised text. */
export interface Keyword {
  /** The keyword as normalised, shown in match reasons. */
  readonly text: string;
  readonly test: (normalized: string) => boolean;
}

// A Latin letter or digit at a keyword's edge must not continue a longer word there: "ai" must not
// match "said", nor "ktx" "ktx2". Hangul has no spaces inside compounds (중소기업지원), so a Korean
// edge matches inside longer words, which is what a reader wants from 중소기업 or 산불.
const WORDISH = /[\p{Script=Latin}\p{N}]/u;
const BEFORE = '(?<![\\p{Script=Latin}\\p{N}])';
const AFTER = '(?![\\p{Script=Latin}\\p{N}])';

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// compileKeyword normalises a keyword and builds its test. A space inside a Korean keyword is
// optional in the text ("화재 발생" also finds 화재발생), since Korean headlines often drop spaces.
export function compileKeyword(raw: string): Keyword {
  const text = normalizeText(raw);
  const first = text[0] ?? '';
  const last = text[text.length - 1] ?? '';
  const latinStart = WORDISH.test(first);
  const latinEnd = WORDISH.test(last);
  if (!latinStart && !latinEnd && !text.includes(' ')) {
    return { text, test: (normalized) => normalized.includes(text) };
  }
  const words = text.split(' ');
  let pattern = escape(words[0] ?? '');
  for (let i = 1; i < words.length; i++) {
    const left = words[i - 1] ?? '';
    const right = words[i] ?? '';
    const bothLatin = WORDISH.test(left[left.length - 1] ?? '') && WORDISH.test(right[0] ?? '');
    pattern += (bothLatin ? ' ' : ' ?') + escape(right);
  }
  const regex = new RegExp(`${latinStart ? BEFORE : ''}${pattern}${latinEnd ? AFTER : ''}`, 'u');
  return { text, test: (normalized) => regex.test(normalized) };
}
