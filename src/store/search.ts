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

const CJK = '\\p{Script=Hangul}\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}';
const TOKEN = new RegExp(`([${CJK}]+)|((?:(?![${CJK}])[\\p{L}\\p{N}\\p{M}])+)`, 'gu');
const NON_ASCII = /[^\0-\x7f]/;
const MARKS = /\p{M}/gu;

interface Run {
  readonly cjk: boolean;
  readonly chars: readonly string[];
}

function runs(text: string): Run[] {
  const out: Run[] = [];
  for (const match of text.normalize('NFKC').toLowerCase().matchAll(TOKEN)) {
    if (match[1] !== undefined) out.push({ cjk: true, chars: [...match[1]] });
    else if (match[2] !== undefined) {
      const word = withoutDiacritics(match[2]);
      if (word !== '') out.push({ cjk: false, chars: [word] });
    }
  }
  return out;
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

// searchText rewrites one field into the token stream stored in the search index.
export function searchText(text: string | null): string {
  if (text === null || text === '') return '';
  const tokens: string[] = [];
  for (const run of runs(text)) {
    if (!run.cjk || run.chars.length === 1) tokens.push(run.chars.join(''));
    else tokens.push(...bigrams(run.chars), run.chars[run.chars.length - 1] ?? '');
  }
  return tokens.join(' ');
}

// ftsQuery turns what a person typed into an FTS5 MATCH expression, or null when nothing is searchable.
// Every term is a double-quoted string built only from letters and digits, so FTS5 operators,
// quotes, parentheses and column filters typed by the user are plain separators here.
export function ftsQuery(input: string): string | null {
  const terms = runs(input).map((run) => {
    if (!run.cjk) return `"${run.chars.join('')}"`;
    if (run.chars.length === 1) return `"${run.chars[0]}"*`;
    return `"${bigrams(run.chars).join(' ')}"`;
  });
  return terms.length === 0 ? null : terms.join(' AND ');
}

// htmlToText gives the words of sanitised HTML content, for indexing only.
export function htmlToText(html: string | null): string | null {
  return html === null ? null : htmlWords(html);
}
