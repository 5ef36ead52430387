// Text normalisation for story detection: what outlets add or restyle around one press release
// (bylines, datelines, bracket tags, photo credits, number formats) is removed or unified.

const TAGS = /<[^>]*>/g;
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&nbsp;': ' ' };
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
// (춘천=연합뉴스) (강릉=뉴스1) (원주=강원일보) — place "=" agency, sometimes with the reporter's name.
const DATELINE = /[([]\s*[가-힣]{1,8}\s*=\s*[^)\]]{1,30}[)\]]/g;
// [뉴스스텝] [속보] [포토] [강원] 【단독】 <인터뷰> — short bracketed tags at any place.
const BRACKET_TAG = /(?:\[[^\]]{1,20}\]|【[^】]{1,20}】|〔[^〕]{1,20}〕|<[^>]{1,12}>)/g;
// "/사진=강원도 제공", "(사진=춘천시 제공)", "사진: 연합뉴스".
const PHOTO = /[(/]?\s*(?:사진|그래픽|자료)\s*[=:]\s*(?:[^)/\n]{0,30}?\s*(?:제공|캡처|DB)|[^\s)/]{1,20})\s*\)?/g;
// "최선경 기자", "홍길동 기자 =", "김철수 특파원" (a name of 2–4 syllables, then the title).
const REPORTER = /[가-힣]{2,4}\s*(?:기자|특파원|통신원|객원기자)(?:\s*=)?/g;
const DIGIT_COMMA = /(\d),(?=\d{3}(?!\d))/g;
const PERCENT = /\s*(?:퍼센트|프로)(?![가-힣])/g;

// normalizeStoryText gives the comparable form of an item's text (HTML allowed); stable across versions.
export function normalizeStoryText(text: string): string {
  let t = text.normalize('NFKC').replace(TAGS, ' ').replace(/&(?:amp|lt|gt|quot|#39|nbsp);/g, (e) => ENTITIES[e] ?? ' ');
  t = t.replace(EMAIL, ' ').replace(DATELINE, ' ').replace(BRACKET_TAG, ' ').replace(PHOTO, ' ').replace(REPORTER, ' ');
  t = unifyNumbers(t);
  return t.replace(/[‘’“”"'`·…]/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
}

// unifyNumbers writes amounts one way: "1,000억 원", "1천억원" and "1000억원" all become "1000억원".
export function unifyNumbers(text: string): string {
  let t = text.replace(DIGIT_COMMA, '$1');
  // "1천억" → "1000억", "3백만" → "300만"; a bare "천억" means 1000억.
  t = t.replace(/(\d+(?:\.\d+)?)?\s*([천백])(?=\s*[만억조원명개곳건])/g, (_m, n: string | undefined, unit: string) =>
    String(Math.round(Number(n ?? '1') * (unit === '천' ? 1000 : 100))),
  );
  // "2천140대" → "2140대", "8만6천t" → "8만6000t", "3천 명" → "3000 명".
  t = t.replace(/(\d+)천(\d{1,3})?(?!\d)/g, (_m, a: string, b: string | undefined) => String(Number(a) * 1000 + Number(b ?? '0')));
  t = t.replace(/(\d)\s+(?=[만억조원%명개곳건톤㎞㏊])/g, '$1');
  t = t.replace(/([만억조])\s+원/g, '$1원');
  return t.replace(PERCENT, '%');
}

// A number with a unit of counting or money ("3200마리", "1000억원", "40여 명"); dates are left out,
// because a rewrite may say "지난 24일" where the release said "24일".
const QUANTITY = /(\d+(?:\.\d+)?)\s?여?\s?([만억조]?\s?(?:원|명|마리|대|곳|개|건|톤|가구|척|㎞|km|%|㎡|ha|㏊|회|배|종|편|개소|필지|채|석|t|m)(?![a-z]))/g;

// storyNumbers lists the quantities in normalised text: versions of one story share them, and
// notices on one template differ in them.
export function storyNumbers(normalized: string): Set<string> {
  return new Set([...normalized.matchAll(QUANTITY)].map((m) => `${m[1]}${(m[2] as string).replace(/\s/g, '')}`));
}

// storyDays lists the days of the month ("4일") named in a title: weekly notices differ there.
export function storyDays(normalized: string): Set<string> {
  return new Set([...normalized.matchAll(/(?<!\d)(\d{1,2})일/g)].map((m) => m[1] as string));
}

const JOSA = /(?:으로|에서|에게|까지|부터|보다|과|와|은|는|이|가|을|를|의|에|도|로|만)$/;

// titleWords lists a title's words of two or more characters, a trailing particle removed.
export function titleWords(normalized: string): Set<string> {
  const words = normalized.split(/[^\p{L}\p{N}]+/u).map((w) => w.replace(JOSA, ''));
  return new Set(words.filter((w) => w.length >= 2));
}

// Gangwon's 18 cities and counties: two reports of the same kind of event in different places
// share almost every word, so different places mean different stories.
const PLACES = /(춘천|원주|강릉|동해|태백|속초|삼척|홍천|횡성|영월|평창|정선|철원|화천|양구|인제|고성|양양)(?:시|군)?/g;

// storyPlaces lists the Gangwon cities and counties named in normalised text.
export function storyPlaces(normalized: string): Set<string> {
  return new Set([...normalized.matchAll(PLACES)].map((m) => m[1] as string));
}
