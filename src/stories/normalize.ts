// Text normalisation for story detection: what outlets add or restyle around one press release
// (bylines, datelines, bracket tags, photo credits, copyright lines, broadcast sign-offs, names of
// the province's bodies, number formats) is removed or unified.
import { unifyNumbers } from './quantities.js';

const TAGS = /<[^>]*>/g;
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&nbsp;': ' ' };
// "강원일보 홍길동 기자 | 본문", "화천신문 편집부 | 본문": up to four short words and a pipe at the
// start of a paragraph. Matched before markup is removed, while paragraph starts are still known.
const PIPE_BYLINE = /(^|[>\n])[ \t]*(?:[^\s|<>]{1,20}[ \t]+){0,3}[^\s|<>]{1,20}[ \t]*[|｜][ \t]*/g;
// "저작권자 © 강원일보 무단전재 및 재배포 금지", "Copyright © 뉴스1. All rights reserved. … 금지.",
// "ⓒ 강원도민일보 & kado.net, …": from the mark to its last "금지" (before NFKC turns ⓒ into "c").
const COPYRIGHT = /(?:저작권자|copyright|ⓒ|©|\(c\))[^\n<]{0,120}?(?:금지|reserved)(?:[^\n<]{0,60}?금지)?\.?|무단\s?전재[^\n<]{0,40}?금지|◎공감언론\s?뉴시스|\(끝\)/gi;
// "KBS 뉴스 김지현입니다.", "G1뉴스 박상진입니다." and "촬영기자:최동민" close a broadcast script
// (the outlet's name before 뉴스 stays: a pattern that starts with a literal is scanned for fast).
const SIGN_OFF = /뉴스\s?[가-힣]{2,4}입니다\.?|촬영\s?기자\s?[:：]\s?[가-힣]{2,4}|영상\s?편집\s?[:：]\s?[가-힣]{2,4}/g;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
// (춘천=연합뉴스) (강릉=뉴스1) (원주=강원일보) [강원도민일보=신다은 기자] — place or outlet "=" agency or reporter.
const DATELINE = /[([]\s*[가-힣]{1,8}\s*=\s*[^)\]]{1,30}[)\]]/g;
// [뉴스스텝] [속보] [포토] [강원] 【단독】 <인터뷰> — short bracketed tags at any place.
const BRACKET_TAG = /(?:\[[^\]]{1,20}\]|【[^】]{1,20}】|〔[^〕]{1,20}〕|<[^>]{1,12}>)/g;
// "/사진=강원도 제공", "(사진=춘천시 제공)", "사진: 연합뉴스".
const PHOTO = /[(/]?\s*(?:사진|그래픽|자료)\s*[=:]\s*(?:[^)/\n]{0,30}?\s*(?:제공|캡처|DB)|[^\s)/]{1,20})\s*\)?/g;
// "최선경 기자", "홍길동 기자 =", "김철수 특파원" (a name of 2–4 syllables, then the title).
const REPORTER = /[가-힣]{2,4}\s*(?:기자|특파원|통신원|객원기자)(?:\s*=)?/g;
// The province's bodies go by their old and new names ("강원도", "강원특별자치도", "강원교육청")
// and one release is reprinted under either: each is written one way.
const BODY_NAMES: readonly [RegExp, string][] = [
  [/(?:강원특별자치도|강원도|강원)\s?교육청/g, '강원도교육청'],
  [/(?:강원특별자치도|강원도)\s?의회/g, '강원도의회'],
  [/강원특별자치도/g, '강원도'],
];

// normalizeStoryText gives the comparable form of an item's text (HTML allowed); stable across versions.
export function normalizeStoryText(text: string): string {
  return finishStoryText(cleanStoryText(text));
}

// cleanStoryText is normalizeStoryText short of its last step: quotation marks are still in (see names.ts).
export function cleanStoryText(text: string): string {
  let t = text.replace(PIPE_BYLINE, '$1 ').replace(COPYRIGHT, ' ').normalize('NFKC');
  t = t.replace(TAGS, ' ').replace(/&(?:amp|lt|gt|quot|#39|nbsp);/g, (e) => ENTITIES[e] ?? ' ');
  t = t.replace(EMAIL, ' ').replace(SIGN_OFF, ' ').replace(DATELINE, ' ').replace(BRACKET_TAG, ' ').replace(PHOTO, ' ').replace(REPORTER, ' ');
  for (const [name, one] of BODY_NAMES) t = t.replace(name, one);
  return unifyNumbers(t);
}

// finishStoryText drops quotation marks and extra spaces from cleaned text, and lowercases it.
export function finishStoryText(cleaned: string): string {
  return cleaned.replace(/[‘’“”"'`·…]/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
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
