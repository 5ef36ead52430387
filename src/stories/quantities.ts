// Numbers in story text: amounts written one way, then read out as quantities (a number with its
// unit), ordinals (제32회) and headline days. Versions of one story share them; notices on one
// template differ in them.

const DIGIT_COMMA = /(\d),(?=\d{3}(?!\d))/g;
const PERCENT = /\s*(?:퍼센트|프로)(?![가-힣])/g;
// A number written with 천 and 백 ("2천3백", "천2백", "2천140", "8백70"), not inside a word
// ("춘천", "백신"; "8만6천" is a number): broadcasters' scripts and headlines spell amounts this way.
const KOREAN_NUMERAL = /(?<!\d|\d\.)(?<!(?![만억조])[가-힣])(\d*천\d*(?:백\d{0,2})?|\d*백\d{0,2})/g;
// What may follow a numeral without digits ("천억", "백만 원"); anything else ("천년") is a word.
const NUMERAL_FOLLOWER = /^\s?[만억조원명개곳건대석점]/;
// "7천350억 통과": a headline's bare 억 is money.
const BARE_EOK = /(\d)억(?!\s?(?:원|달러|여|\d|명|개|마리|톤|t|그루|건|가구|대|곳))/g;

// unifyNumbers writes amounts one way: "1,000억 원", "1천억원" and "1000억원" all become "1000억원",
// "천3백 석" becomes "1300석".
export function unifyNumbers(text: string): string {
  let t = text.replace(DIGIT_COMMA, '$1');
  t = t.replace(KOREAN_NUMERAL, (m: string, _n: string, offset: number, all: string) =>
    /\d/.test(m) || NUMERAL_FOLLOWER.test(all.slice(offset + m.length)) ? String(numeralValue(m)) : m,
  );
  t = t.replace(/(\d)\s+(?=[만억조원%명개곳건톤㎞㏊석점대])/g, '$1');
  t = t.replace(/([만억조])\s+원/g, '$1원');
  t = t.replace(BARE_EOK, '$1억원');
  return t.replace(PERCENT, '%');
}

// numeralValue reads "2천3백" as 2300, "천2백" as 1200, "8백70" as 870.
function numeralValue(numeral: string): number {
  let total = 0;
  let digits = '';
  for (const ch of numeral) {
    if (ch === '천' || ch === '백') {
      total += (digits === '' ? 1 : Number(digits)) * (ch === '천' ? 1000 : 100);
      digits = '';
    } else digits += ch;
  }
  return total + (digits === '' ? 0 : Number(digits));
}

// A number with a unit of counting or money ("3200마리", "1000억원", "40여 명", "42.3cm"); dates are
// left out, because a rewrite may say "지난 24일" where the release said "24일", and so are ordinals
// ("제335회 임시회" is the session every bill of that day names).
const QUANTITY =
  /(?<!\d|\d\.)(?<!제\s?)(\d+(?:\.\d+)?)\s?여?\s?([만억조]?여?\s?(?:원|달러|명|마리|대|곳|개소|개|건|톤|가구|세대|척|km|cm|mm|kg|%|㎡|ha|㏊|회|배|종|편|필지|채|석|점|포기|그루|t|m)(?![a-z]))/g;

// storyNumbers lists the quantities in normalised text.
export function storyNumbers(normalized: string): Set<string> {
  return new Set([...normalized.matchAll(QUANTITY)].map((m) => `${m[1]}${(m[2] as string).replace(/[\s여]/g, '')}`));
}

// sharedFigures counts the quantities both lists have that identify something: counts below 10
// ("3곳", "2회") are shared by chance, "42.3cm" and "1300석" are not.
export function sharedFigures(a: readonly string[], b: readonly string[]): number {
  return a.filter((q) => b.includes(q) && (parseFloat(q) >= 10 || /^\d+\.\d/.test(q))).length;
}

// storyOrdinals lists the ordinals ("제32회", "제5기") in normalised text: the 32nd festival is not the 5th.
export function storyOrdinals(normalized: string): Set<string> {
  return new Set([...normalized.matchAll(/제\s?(\d+)\s?(회|차|기|대|호)/g)].map((m) => `${m[1]}${m[2]}`));
}

// storyDays lists the days of the month ("4일") named in a title: weekly notices differ there.
// Spans of days ("23일간", "10일째", "3일 동안") are not dates.
export function storyDays(normalized: string): Set<string> {
  return new Set([...normalized.matchAll(/(?<!\d)(\d{1,2})일(?!간|째|\s?동안)/g)].map((m) => m[1] as string));
}
