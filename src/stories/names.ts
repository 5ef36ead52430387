// Names in story text: what a festival, a partner or an ordinance is called. Two releases on one
// template ("양구 곰취축제 …", "양구 배꼽축제 …") differ in little else, and a version of one story
// names what its release names.
import { flatten, hasGrams } from './shingles.js';

const NAME_END = '축제|페스타|박람회|대회|포럼|축전|대학교|대학|재단|공사|공단|병원|센터|협회|조합';
// A headline word that is a name by its ending: "곰취축제", "경포벚꽃축제", "상지대" (a university,
// with at least two syllables before 대: not "최대"), "강원신용보증재단".
const NAME_WORD = new RegExp(`^[^\\d][\\p{L}\\p{N}]+(?:${NAME_END}|대)$`, 'u');
// The last word of a two-word quoted name: "'겨울빛 축제'", "'특례보증 사업'".
const NAME_LAST = new RegExp(`(?:${NAME_END}|조례|사업|기념식|캠페인|프로그램)$`);
// A name in single quotes or corner brackets: "'귀농귀촌 지원 조례'", "「청년 창업 디딤돌」". Double
// quotes are speech; a quoted word or pair of words is more often an expression ("'엉금엉금'",
// "'사상 최대'") unless it ends like a name. Every quoted span is matched, short ones too, so a
// straight quote closing one ("'AI'") never opens the next: the text between two quoted words
// is not a name.
const QUOTED = /[‘'「『]([^‘’'「」『』"“”\n]{1,40}?)[’'」』]/g;
// A quoted sentence ends like one: a survey answer ("'정보를 얻기 어렵다'"), a plea ("'강원에 남아
// 달라'"). A long release quotes many; a reprint keeps few, and they name nothing.
const SENTENCE_END = /(?:다|요|죠|까|라|네)$/;
// A leading year or ordinal says which edition, not which thing: "2025 경포 해맞이 축제".
const EDITION = /^(?:제?\d+(?:회|차|기)?)/;

// storyNames lists the names in an item's headline words and its cleaned (still quoted) text,
// flattened and lowercased.
export function storyNames(titleWords: Iterable<string>, cleaned: string): Set<string> {
  const names = new Set<string>();
  for (const w of titleWords) if (NAME_WORD.test(w)) names.add(w);
  for (const m of cleaned.matchAll(QUOTED)) {
    const name = (m[1] as string).trim();
    const words = name.split(/\s+/);
    if (name.length < 3 || !/[가-힣]/.test(name) || SENTENCE_END.test(name)) continue;
    if (words.length < 3 && !(words.length === 2 && NAME_LAST.test(words[1] as string))) continue;
    const core = flatten(name.toLowerCase()).replace(EDITION, '');
    if (core.length >= 3) names.add(core);
  }
  return names;
}

// mentionsName is true when a text (its shingles) names `name`, allowing a shorter form that drops
// its first syllables ("산천어축제" for "화천산천어축제", "폴리텍대" for "한국폴리텍대").
export function mentionsName(shingles: Uint32Array, name: string): boolean {
  return hasGrams(shingles, name.slice(-Math.max(3, name.length - 2)));
}
