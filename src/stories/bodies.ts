// Public bodies in story text: which ones an item names, and which one issued it. Two bodies
// announce look-alike programmes in one week ("강원도, 소상공인 …" and "춘천시, 소상공인 …"), and
// the province and its education office publish on one template; one release has one issuer.
// Runs over normalised text, where the province's bodies already have one name each.
import { hasGrams } from './shingles.js';

const CITIES = '춘천|원주|강릉|동해|태백|속초|삼척|홍천|횡성|영월|평창|정선|철원|화천|양구|인제|고성|양양';
// The province, its education office and council, and the cities and counties with their councils.
const BODY = new RegExp(`(강원도교육청|강원도의회|강원도(?!교육청|의회)|(?:${CITIES})(?:시|군)(?:의회)?)`, 'g');
const BODY_EXACT = new RegExp(`^(?:강원도교육청|강원도의회|강원도|(?:${CITIES})(?:시|군)(?:의회)?)$`);
// Other issuers are named for what they are: "강원신용보증재단", "농협 강원지역본부".
const ORGANISATION = /^[가-힣a-z0-9]{2,16}(?:재단|공사|공단|본부|센터|협회|위원회|조합|대학교|병원)$/;
// "춘천시, 소상공인 …" (a headline led by its issuer; not "강원도·동해시, …", which two bodies share).
const TITLE_ISSUER = /^([^\s,·\-–]+)\s?,/;
// "춘천시는 …", "강원신용보증재단이 …" (the lead's subject).
const LEAD_ISSUER = /^([^\s,]+?)(?:는|은|이|가)\s/;

// storyBodies lists the public bodies normalised text names.
export function storyBodies(normalized: string): Set<string> {
  return new Set([...normalized.matchAll(BODY)].map((m) => m[1] as string));
}

// storyIssuer gives the body a headline is led by, else the one the lead is about; null when neither
// names one (a rewrite's lead: "춘천지역 소상공인들이 …").
export function storyIssuer(title: string, body: string): string | null {
  for (const [text, pattern] of [[title, TITLE_ISSUER], [body, LEAD_ISSUER]] as const) {
    const name = pattern.exec(text)?.[1];
    if (name !== undefined && (BODY_EXACT.test(name) || ORGANISATION.test(name))) return name;
  }
  return null;
}

const CITY = new RegExp(`^(${CITIES})(?:시|군)$`);

// mentionsBody is true when an item with these bodies and shingles names `issuer`. A city or
// county is named by its place alone too ("춘천에서"); the province only as itself, not inside the
// name of its education office or council.
export function mentionsBody(bodies: readonly string[], shingles: Uint32Array, issuer: string): boolean {
  const city = CITY.exec(issuer)?.[1];
  if (city !== undefined) return hasGrams(shingles, city);
  return BODY_EXACT.test(issuer) ? bodies.includes(issuer) : hasGrams(shingles, issuer);
}
