// Guessing the charset of bytes that declare none and are not UTF-8.
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { resolveCharset, type Charset } from './charset-names.js';

export interface Detection {
  readonly charset: Charset;
  /** 0–100, chardet's scale. */
  readonly confidence: number;
}

/** Guesses at or above this are trusted enough to overrule a declaration. */
export const HIGH_CONFIDENCE = 50;
/** Share of Hangul among non-ASCII characters above which CP949 is taken before asking chardet. */
const CLEARLY_KOREAN = 90;

// chardet looks at the whole buffer it is given; a feed's first 64 KiB say as much as the rest.
const SAMPLE_BYTES = 64 * 1024;

// detectCharset combines chardet with a Hangul check, since our sources are Korean and chardet's EUC-KR
// model knows only KS X 1001: CP949-only syllables (똠, 햏, 뷁) make it answer windows-1252 instead.
export function detectCharset(body: Buffer): Detection | null {
  const sample = body.subarray(0, SAMPLE_BYTES);
  const korean = koreanConfidence(sample);
  const euckr = resolveCharset('euc-kr') as Charset;
  if (korean >= CLEARLY_KOREAN) return { charset: euckr, confidence: korean };
  const guesses = chardet
    .analyse(sample)
    .map((match) => ({ charset: resolveCharset(match.name), confidence: match.confidence }))
    .filter((guess): guess is Detection => guess.charset !== null && guess.charset.family !== 'utf-8');
  const best = guesses[0];
  if (best && best.confidence >= HIGH_CONFIDENCE) return best;
  if (korean >= HIGH_CONFIDENCE) return { charset: euckr, confidence: korean };
  return best ?? null;
}

// koreanConfidence scores how much of the non-ASCII text is Hangul when the bytes are read as CP949.
// One invalid pair per hundred Hangul is tolerated (the sample may end mid-character). Latin-1 text rarely
// passes: an accented capital followed by a letter is a valid CP949 pair, but most other pairs are not.
function koreanConfidence(sample: Buffer): number {
  const text = iconv.decode(sample, 'cp949');
  let hangul = 0;
  let other = 0;
  let invalid = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) continue;
    if (code === 0xfffd) invalid += 1;
    else if ((code >= 0xac00 && code <= 0xd7a3) || (code >= 0x3131 && code <= 0x318e)) hangul += 1;
    else other += 1;
  }
  if (hangul < 2 || invalid > hangul / 100) return 0;
  return Math.round((100 * hangul) / (hangul + other));
}
