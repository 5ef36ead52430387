// Text for the FTS5 index and queries against it, so that two-syllable Korean words are found.
//
// FTS5's unicode61 tokenizer makes a whole Hangul run one token (지역경제는 never matches 경제), and
// the trigram tokenizer cannot match fewer than three characters. So both the indexed text and the
// query are rewritten before FTS5 sees them (the CJK bigram scheme of Lucene's CJKAnalyzer):
//   - NFKC, then lower case (full-width Ａ and ｶ fold; English is case-insensitive);
//   - each run of Hangul/CJK/kana becomes its overlapping two-character pieces, followed by the
//     run's last character alone (지역경제 → 지역 역경 경제 제); a one-character run stays as is;
//   - other letter/digit runs stay whole words (AI반도체 → ai 반도 도체 체), without their
//     diacritics (café → cafe, as unicode61's remove_diacritics did before migration 9);
//   - everything else separates.
// A query run becomes a phrase of its bigrams ("반도 도체"), runs are ANDed, so 경제 finds 지역경제
// and 경제자유구역 but not 경기. A one-character Hangul query is a prefix query (강*): every
// character of a run starts one bigram, except the last, which is also indexed alone for this.
// The text is split and folded here, so the index tokenizes it with FTS5's cheap `ascii`
// tokenizer (space-separated words; it would only fold ASCII case, already done).
import { htmlWords } from '../shared/html-words.js';

const CJK = new RegExp(`^[\\p{Script=Hangul}\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}]$`, 'u');
const LETTER = /^[\p{L}\p{N}\p{M}]$/u;
const NON_ASCII = /[^\0-\x7f]/;
const MARKS = /\p{M}/gu;
const SURROGATE = /[\ud800-\udfff]/;

const SEPARATOR = 0;
const CJK_RUN = 1;
const WORD = 2;
type CharClass = typeof SEPARATOR | typeof CJK_RUN | typeof WORD;
// The class of each BMP code point met so far, plus one (0: not met yet); 64 KB, however hostile the text.
const bmpClasses = new Uint8Array(0x10000);

// classOf sorts one code point: Hangul/CJK/kana, another letter, digit or mark, or a separator.
// ASCII and Hangul syllables (nearly every character of a Korean article) are decided without a
// regex, other BMP code points by regex once: this runs for every character the store indexes.
function classOf(cp: number): CharClass {
  if (cp < 0x80) return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) ? WORD : SEPARATOR;
  if (cp >= 0xac00 && cp <= 0xd7a3) return CJK_RUN;
  const known = cp < 0x10000 ? bmpClasses[cp] ?? 0 : 0;
  if (known !== 0) return (known - 1) as CharClass;
  const char = String.fromCodePoint(cp);
  const found: CharClass = CJK.test(char) ? CJK_RUN : LETTER.test(char) ? WORD : SEPARATOR;
  if (cp < 0x10000) bmpClasses[cp] = found + 1;
  return found;
}

// eachRun gives the runs of the normalised text in order: each Hangul/CJK/kana run, and each
// other word without its diacritics.
function eachRun(text: string, take: (run: string, cjk: boolean) => void): void {
  const folded = text.normalize('NFKC').toLowerCase();
  let start = 0;
  let kind: CharClass = SEPARATOR;
  for (let i = 0; i <= folded.length; ) {
    const cp = folded.codePointAt(i);
    const next = cp === undefined ? SEPARATOR : classOf(cp);
    if (next !== kind) {
      if (kind === CJK_RUN) take(folded.slice(start, i), true);
      else if (kind === WORD) {
        const word = withoutDiacritics(folded.slice(start, i));
        if (word !== '') take(word, false);
      }
      kind = next;
      start = i;
    }
    i += cp !== undefined && cp > 0xffff ? 2 : 1;
  }
}

// withoutDiacritics drops combining marks (café → cafe); a word of ASCII letters has none.
function withoutDiacritics(word: string): string {
  return NON_ASCII.test(word) ? word.normalize('NFD').replace(MARKS, '').normalize('NFC') : word;
}

function bigrams(chars: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
  return out;
}

// The index text is written code unit by code unit into one buffer and made a string once per
// call. Concatenated, every bigram was a string of its own: half a gigabyte of garbage, and a
// tenth of all the cold pass allocates, for the ingest bench's 30,000 items (issue 11).
const START_UNITS = 4096;
/** A buffer grown past this for a huge text is let go after it, not kept for the process's life. */
const KEPT_UNITS = 1 << 16;
let units = new Uint16Array(START_UNITS);
let used = 0;

function put(unit: number): void {
  if (used === units.length) {
    const bigger = new Uint16Array(units.length * 2);
    bigger.set(units);
    units = bigger;
  }
  units[used++] = unit;
}

function putText(text: string): void {
  for (let i = 0; i < text.length; i++) put(text.charCodeAt(i));
}

// putCjkRun writes a run's bigrams and its last character, each followed by a space but the last;
// by code points, so a character outside the BMP (a surrogate pair, rare) stays whole.
function putCjkRun(run: string): void {
  if (SURROGATE.test(run)) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) {
      putText(chars[i] ?? '');
      putText(chars[i + 1] ?? '');
      put(0x20);
    }
    putText(chars[chars.length - 1] ?? '');
    return;
  }
  for (let i = 0; i + 1 < run.length; i++) {
    put(run.charCodeAt(i));
    put(run.charCodeAt(i + 1));
    put(0x20);
  }
  put(run.charCodeAt(run.length - 1));
}

// written takes what the buffer holds as one string, in pieces that fit a call's arguments.
function written(): string {
  let text = '';
  for (let start = 0; start < used; start += 8192) {
    text += String.fromCharCode.apply(null, units.subarray(start, Math.min(used, start + 8192)) as unknown as number[]);
  }
  used = 0;
  if (units.length > KEPT_UNITS) units = new Uint16Array(START_UNITS);
  return text;
}

// searchText rewrites text into the token stream stored in the search index.
export function searchText(text: string | null): string {
  if (text === null || text === '') return '';
  used = 0;
  eachRun(text, (run, cjk) => {
    if (used > 0) put(0x20);
    if (cjk) putCjkRun(run);
    else putText(run);
  });
  return written();
}

// ftsQuery turns what a person typed into an FTS5 MATCH expression, or null when nothing is searchable.
// Every term is a double-quoted string built only from letters and digits, so FTS5 operators,
// quotes, parentheses and column filters typed by the user are plain separators here.
export function ftsQuery(input: string): string | null {
  const terms: string[] = [];
  eachRun(input, (run, cjk) => {
    const chars = [...run];
    if (!cjk) terms.push(`"${run}"`);
    else if (chars.length === 1) terms.push(`"${run}"*`);
    else terms.push(`"${bigrams(chars).join(' ')}"`);
  });
  return terms.length === 0 ? null : terms.join(' AND ');
}

// htmlToText gives the words of sanitised HTML content, for indexing only.
export function htmlToText(html: string | null): string | null {
  return html === null ? null : htmlWords(html);
}
