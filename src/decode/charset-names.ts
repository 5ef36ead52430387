// Charset labels as feeds and servers write them, mapped to what we decode with.
import iconv from 'iconv-lite';

export interface Charset {
  /** Canonical lower-case name reported in DecodedBody.encoding. */
  readonly name: string;
  /** Name passed to iconv-lite. */
  readonly codec: string;
  /** 'legacy' is every single- or multi-byte charset that is ASCII-compatible but not UTF-8. */
  readonly family: 'utf-8' | 'utf-16' | 'utf-32' | 'legacy';
}

// Aliases follow the WHATWG Encoding Standard, which is what browsers do with real pages:
// labels name a superset the server actually produces, not the strict charset they say.
const ALIASES: Record<string, Charset> = {};

function alias(labels: readonly string[], charset: Charset): void {
  for (const label of labels) ALIASES[label] = charset;
}

alias(['utf-8', 'utf8', 'unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'x-unicode20utf8'], {
  name: 'utf-8',
  codec: 'utf-8',
  family: 'utf-8',
});
// Korean servers label CP949 (Unified Hangul Code) as EUC-KR: it adds the 8,822 syllables KS X 1001
// lacks (똠, 햏, 뷁 …). iconv-lite's 'euc-kr' and 'cp949' share the same CP949 table; we name it 'cp949'.
alias(
  [
    'euc-kr', 'euckr', 'cp949', 'ms949', 'uhc', 'windows-949', 'x-windows-949', 'korean', 'iso-ir-149',
    'ks_c_5601-1987', 'ks_c_5601-1989', 'ks_c_5601', 'ksc5601', 'ksc_5601', 'csksc56011987', 'cseuckr',
  ],
  { name: 'euc-kr', codec: 'cp949', family: 'legacy' },
);
// ISO-8859-1 and US-ASCII declarations are windows-1252 in practice (0x80–0x9F carry “smart quotes”).
alias(
  ['windows-1252', 'cp1252', 'x-cp1252', 'iso-8859-1', 'iso8859-1', 'iso_8859-1', 'latin1', 'l1', 'cp819', 'ibm819',
    'us-ascii', 'ascii', 'ansi_x3.4-1968', 'iso-ir-100', 'csisolatin1'],
  { name: 'windows-1252', codec: 'windows-1252', family: 'legacy' },
);
// GB2312 and GBK declarations are decoded with GB18030, their superset (WHATWG's gbk decoder).
alias(['gb2312', 'gbk', 'x-gbk', 'cp936', 'ms936', 'windows-936', 'chinese', 'csgb2312', 'iso-ir-58', 'euc-cn'], {
  name: 'gbk',
  codec: 'gb18030',
  family: 'legacy',
});
alias(['gb18030'], { name: 'gb18030', codec: 'gb18030', family: 'legacy' });
alias(['big5', 'big5-hkscs', 'cn-big5', 'x-x-big5', 'csbig5', 'cp950'], { name: 'big5', codec: 'big5hkscs', family: 'legacy' });
alias(['shift_jis', 'shift-jis', 'sjis', 'x-sjis', 'ms_kanji', 'csshiftjis', 'windows-31j', 'cp932', 'ms932'], {
  name: 'shift_jis',
  codec: 'cp932',
  family: 'legacy',
});
alias(['euc-jp', 'eucjp', 'x-euc-jp', 'cseucpkdfmtjapanese'], { name: 'euc-jp', codec: 'euc-jp', family: 'legacy' });
alias(['utf-16le', 'utf16le', 'ucs-2le'], { name: 'utf-16le', codec: 'utf-16le', family: 'utf-16' });
alias(['utf-16be', 'utf16be', 'ucs-2be'], { name: 'utf-16be', codec: 'utf-16be', family: 'utf-16' });
// Plain "utf-16" without a BOM is big-endian by RFC 2781, but iconv-lite guesses from the bytes, which is kinder.
alias(['utf-16', 'utf16', 'ucs-2', 'iso-10646-ucs-2', 'unicode'], { name: 'utf-16', codec: 'utf-16', family: 'utf-16' });
alias(['utf-32le', 'utf32le'], { name: 'utf-32le', codec: 'utf-32le', family: 'utf-32' });
alias(['utf-32be', 'utf32be'], { name: 'utf-32be', codec: 'utf-32be', family: 'utf-32' });
alias(['utf-32', 'utf32', 'ucs-4', 'iso-10646-ucs-4'], { name: 'utf-32', codec: 'utf-32', family: 'utf-32' });

// iconv-lite also knows these, but they are byte-to-text transforms, never a feed's charset.
const NOT_CHARSETS = new Set(['base64', 'hex', 'binary']);

// resolveCharset maps a declared label to a charset we can decode, or null when iconv-lite has no codec for it.
export function resolveCharset(label: string): Charset | null {
  const key = label.trim().replace(/^["']|["']$/g, '').trim().toLowerCase();
  if (key === '') return null;
  const known = ALIASES[key];
  if (known) return known;
  if (NOT_CHARSETS.has(key) || !iconv.encodingExists(key)) return null;
  return { name: key, codec: key, family: 'legacy' };
}
