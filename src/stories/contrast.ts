// Signs that two look-alike items are about different things, whatever else they share. Releases
// on one template (two festivals of one county, two budgets passed by one council on one day, two
// support programmes for one group) share nearly every sentence; what tells them apart is a token
// each has and the other lacks: a name, an amount, a place, an ordinal.
import { mentionsBody } from './bodies.js';
import type { StoryFeatures } from './features.js';
import { mentionsName } from './names.js';

export type Contrast = 'places' | 'issuers' | 'quantities' | 'days' | 'ordinals' | 'amounts' | 'names';

/** Quantities counted in money: the amount a headline states is what a programme or budget is. */
const MONEY = /(?:원|달러)$/;

// contrastOf names the first sign that `a` and `b` are different stories, or gives null.
export function contrastOf(a: StoryFeatures, b: StoryFeatures): Contrast | null {
  if (disjoint(a.places, b.places)) return 'places';
  if (otherIssuers(a, b)) return 'issuers';
  if (a.numbers.length >= 2 && b.numbers.length >= 2 && disjoint(a.numbers, b.numbers)) return 'quantities';
  if (disjoint(a.titleDays, b.titleDays) && (unstated(a.titleDays, b.days) || unstated(b.titleDays, a.days))) return 'days';
  if (otherEditions(a.ordinals, b.ordinals)) return 'ordinals';
  if (headlineAmountMissing(a, b) && headlineAmountMissing(b, a)) return 'amounts';
  if (unnamed(a, b) && unnamed(b, a)) return 'names';
  return null;
}

// otherIssuers: each item was issued by a body the other never names. One release reprinted keeps
// its issuer; a joint one ("강원도와 동해시는 …") names both.
function otherIssuers(a: StoryFeatures, b: StoryFeatures): boolean {
  if (a.issuer === null || b.issuer === null || a.issuer === b.issuer) return false;
  return !mentionsBody(b.bodies, b.shingles, a.issuer) && !mentionsBody(a.bodies, a.shingles, b.issuer);
}

// unstated: one of a headline's days of the month is not in the other item's text. Daily and
// weekly notices headline their own day; a reprint may headline a festival's last day where the
// release headlined its first, but it states both.
function unstated(titleDays: readonly string[], days: readonly string[]): boolean {
  return titleDays.some((d) => !days.includes(d));
}

// otherEditions: both name ordinals of one kind ("32회" and "5회") and share none of that kind. A
// meeting's "2차" session says nothing against an event's "18회".
function otherEditions(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const kinds = (ordinals: readonly string[], unit: string) => ordinals.filter((x) => x.endsWith(unit));
  return a.some((x) => disjoint(kinds(a, x.slice(-1)), kinds(b, x.slice(-1))));
}

// headlineAmountMissing: an amount in a's headline that b's text never states, though b states
// amounts. A rewrite keeps the headline figure of the release it rewrites ("1500억원"); a sibling
// programme states its own ("300억원").
function headlineAmountMissing(a: StoryFeatures, b: StoryFeatures): boolean {
  if (!b.numbers.some((q) => MONEY.test(q))) return false;
  return a.titleNumbers.some((q) => MONEY.test(q) && !b.numbers.includes(q));
}

// unnamed: a names something (see names.ts) that b never mentions.
function unnamed(a: StoryFeatures, b: StoryFeatures): boolean {
  return a.names.some((name) => !mentionsName(b.shingles, name));
}

// disjoint is true when both lists have members and share none.
export function disjoint<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length > 0 && b.length > 0 && !a.some((x) => b.includes(x));
}
