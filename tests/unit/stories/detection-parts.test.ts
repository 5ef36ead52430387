// The parts story detection is built from: flattening, the IDF window, the band index and the
// containment bound that sets candidates aside before the merge.
import { describe, expect, it } from 'vitest';
import { BandIndex } from '../../../src/stories/band-index.js';
import { CountTable, MAX_COUNT } from '../../../src/stories/count-table.js';
import { IntMap } from '../../../src/stories/int-map.js';
import { storyFeatures } from '../../../src/stories/features.js';
import { minhashSignature } from '../../../src/stories/minhash.js';
import { STORY_TEXT_CHARS } from '../../../src/model.js';
import { DEFAULT_STORY_PARAMS } from '../../../src/stories/params.js';
import { flatten, hasGrams, shingleMask, shingles } from '../../../src/stories/shingles.js';
import { ShingleFilter, weightedContainment, type Weighted } from '../../../src/stories/verify.js';
import { WEIGHT_ONE, WindowDf } from '../../../src/stories/window-df.js';
import { FORUM_BODY, JOBS_BODY } from './story-cases.js';

const HOUR = 3_600_000;

describe('flatten', () => {
  it('keeps exactly the letters and digits Unicode names, astral ones included', () => {
    const samples = [
      '강원특별자치도는 29일 "관광" 포럼…1,000억 원! abc XYZ 123',
      '漢字 ひらがな カタカナ 𠀀𝔸 😀 ①② ㄱㄴ ﾟ Ⅻ ½ ٣ é',
      '',
      ' \t\n.-_',
      // Longer than the scratch buffers (65,536): its own buffers, same result.
      '강원 경제, 𝔸 漢字! '.repeat(8_000),
    ];
    for (const text of samples) expect(flatten(text)).toBe(text.replace(/[^\p{L}\p{N}]/gu, ''));
  });

  it('gives each distinct 2-gram once, sorted', () => {
    const grams = shingles(flatten('경제 경제 지역'), 2);
    expect([...grams]).toEqual([...new Set(grams)].sort((a, b) => a - b));
    expect(grams.length).toBe(4); // 경제, 제경, 제지, 지역
    const long = shingles(flatten('강원경제지역'.repeat(20_000)), 2);
    expect(long.length).toBe(6); // 강원, 원경, 경제, 제지, 지역, 역강
  });
});

describe('storyFeatures on a long text', () => {
  // A release with its attachments' text (붙임: tables, forms) runs to tens of thousands of
  // characters; the band index holds 20,000 items' features.
  const { bodyChars } = DEFAULT_STORY_PARAMS;
  const title = '소상공인 경영안정자금 융자';
  const lead = '강원특별자치도는 도내 소상공인 경영안정자금 1,500억 원을 융자 지원한다고 6일 밝혔다. 신청은 13일부터 받는다.';
  const annex = (rows: number) =>
    Array.from({ length: rows }, (_, i) => `구분 | 사업 ${i}호 | 예산 ${i + 10}백만원 | 담당 ${String.fromCharCode(0xac00 + ((i * 7919) % 11172))}과`).join('\n');
  const features = (rows: number) => storyFeatures({ title, summary: null, content: `${lead}\n${annex(rows)}` }, bodyChars);

  it('takes shingles and quantities from the first bodyChars characters of the body only', () => {
    const long = features(2_000);
    expect(long.shingles.length).toBeLessThanOrEqual(title.length + bodyChars);
    expect(long.numbers).toContain('1500억원');
    expect(long.numbers).not.toContain('2009백만원');
    const longer = features(4_000);
    expect([...longer.shingles]).toEqual([...long.shingles]);
    expect(longer.numbers).toEqual(long.numbers);
  });

  it('counts the body past bodyChars as its length, for the fullest-text rule', () => {
    expect(features(900).length).toBeGreaterThan(features(600).length);
    expect(features(600).length).toBeGreaterThan(5 * bodyChars);
  });

  it('reads a bounded share of a huge text (a 5 MB item costs no more than a long one)', () => {
    expect(`${lead}\n${annex(4_000)}`.length).toBeGreaterThan(2 * STORY_TEXT_CHARS);
    expect(features(4_000).length).toBeLessThanOrEqual(STORY_TEXT_CHARS);
  });
});

describe('hasGrams within a shingle mask', () => {
  it('finds a word among the marked shingles exactly when the marked part of the text has it', () => {
    const lead = '강원특별자치도는 농어촌 마을에 안과 버스를 보낸다고 27일 밝혔다';
    const annex = '과제 목록: 농어촌 LPG 소형저장탱크 보급, 수요응답형 버스 확대, 빈집 정비와 마을 쉼터 조성';
    const all = shingles(flatten(`${lead} ${annex}`));
    const mask = shingleMask(all, flatten(lead));
    const part = shingles(flatten(lead));
    const words = [...`${lead} ${annex}`.split(/\s+/), '버', '탱', 'lpg', 'LPG', '강원', '저장탱크', '마을버스', ''].map((w) => flatten(w));
    for (const word of words) expect(hasGrams(all, word, 2, mask), word).toBe(hasGrams(part, word));
    expect(hasGrams(all, '저장탱크', 2, mask)).toBe(false);
    expect(hasGrams(all, '저장탱크')).toBe(true);
  });
});

describe('minhashSignature within a shingle mask', () => {
  it('is the signature of the marked shingles alone', () => {
    const all = shingles(flatten('강원특별자치도는 외국인 유학생 정착 사다리 사업을 추진한다 붙임 기업 목록 인턴 180만원'));
    const part = shingles(flatten('강원특별자치도는 외국인 유학생'));
    expect([...minhashSignature(all, 32, undefined, shingleMask(all, flatten('강원특별자치도는 외국인 유학생')))]).toEqual([...minhashSignature(part, 32)]);
    expect([...minhashSignature(all, 32)]).not.toEqual([...minhashSignature(part, 32)]);
  });
});

describe('WindowDf', () => {
  it('weighs a shingle every item has near 0, a new one 1, and forgets the oldest items', () => {
    const df = new WindowDf(16);
    const every = Uint32Array.of(7);
    for (let i = 0; i < 10; i++) df.countIn(every, 0.5, 4);
    const seen = df.countIn(Uint32Array.of(7, 9), 0.5, 4);
    expect(seen.weights[0]).toBeLessThan(0.1 * WEIGHT_ONE);
    expect(seen.weights[0]).toBeGreaterThan(0);
    expect(seen.weights[1]).toBe(WEIGHT_ONE);
    expect(seen.common[0]).toBe(1);
    expect(seen.common[1]).toBe(0);
    // 20 items without shingle 7 push the first ones out: it is no longer common.
    for (let i = 0; i < 20; i++) df.countIn(Uint32Array.of(100 + i), 0.5, 4);
    expect(df.countIn(Uint32Array.of(7), 0.5, 4).common[0]).toBe(0);
  });
});

describe('BandIndex', () => {
  const limits = { keepMs: 24 * HOUR, maxItems: 100, scanPerKey: 64, keysPerItem: 3 };

  it('finds items sharing at least minHits keys within the time range, most shared first', () => {
    const index = new BandIndex<string>(limits);
    index.add(1, 0, [10, 11, 12], 'one');
    index.add(2, HOUR, [10, 11, 99], 'two');
    index.add(3, 20 * HOUR, [10, 11, 12], 'later');
    const found = index.candidates([10, 11, 12], -HOUR, 2 * HOUR, 10, 2);
    expect(found.map((c) => [c.itemId, c.hits, c.payload])).toEqual([
      [1, 3, 'one'],
      [2, 2, 'two'],
    ]);
  });

  it('forgets items beyond maxItems and those published long before the newest', () => {
    const index = new BandIndex<null>({ ...limits, maxItems: 3, keysPerItem: 2 });
    for (let id = 1; id <= 5; id++) index.add(id, id * HOUR, [1, 2], null);
    expect(index.size).toBe(3);
    expect(index.candidates([1, 2], 0, 10 * HOUR, 10, 2).map((c) => c.itemId)).toEqual([3, 4, 5]);
    index.add(6, 40 * HOUR, [1, 2], null);
    expect(index.candidates([1, 2], 0, 100 * HOUR, 10, 2).map((c) => c.itemId)).toEqual([6]);
  });

  it('looks at a crowded key through its most recent items only', () => {
    const index = new BandIndex<null>({ ...limits, scanPerKey: 4, keysPerItem: 1 });
    for (let id = 1; id <= 10; id++) index.add(id, HOUR, [5], null);
    expect(index.candidates([5], 0, 2 * HOUR, 100, 1).map((c) => c.itemId)).toEqual([7, 8, 9, 10]);
  });

  it('gives what a plain scan of the kept items gives, after the ring has wrapped many times', () => {
    // A small ring (maxItems 50) fed 2,000 items whose keys come from a small pool: keys held by
    // one item, by two, and by dozens, items forgotten by count and by age, ties cut by the limit.
    const keep = { keepMs: 30 * HOUR, maxItems: 50, scanPerKey: 1000, keysPerItem: 6 };
    const index = new BandIndex<number>(keep);
    const kept: { id: number; time: number; keys: number[] }[] = [];
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % 1000;
    for (let id = 1; id <= 2000; id++) {
      const time = id * 0.5 * HOUR - (next() % 3) * HOUR;
      const keys = Array.from({ length: 6 }, () => (next() < 900 ? next() % 40 : 1000 + id));
      index.add(id, time, keys, id * 10);
      kept.push({ id, time, keys });
      const newest = Math.max(...kept.map((k) => k.time));
      while (kept.length > keep.maxItems || (kept[0] as { time: number }).time < newest - keep.keepMs) kept.shift();
      if (id % 97 !== 0) continue;
      const ask = [next() % 40, next() % 40, next() % 40, 1000 + id];
      const [from, to] = [time - 10 * HOUR, time + HOUR];
      const expected = kept
        .filter((k) => k.time >= from && k.time <= to)
        .map((k) => ({ itemId: k.id, hits: ask.reduce((n, key) => n + k.keys.filter((x) => x === key).length, 0) }))
        .filter((c) => c.hits >= 2)
        .sort((a, b) => b.hits - a.hits || a.itemId - b.itemId)
        .slice(0, 5);
      const found = index.candidates(ask, from, to, 5, 2);
      expect(found.map((c) => ({ itemId: c.itemId, hits: c.hits }))).toEqual(expected);
      expect(found.every((c) => c.payload === c.itemId * 10)).toBe(true);
    }
    expect(index.size).toBe(kept.length);
  });
});

describe('ShingleFilter', () => {
  const weighted = (text: { title: string; content: string }, df: WindowDf): Weighted => {
    const features = storyFeatures({ title: text.title, summary: null, content: text.content });
    const w = df.countIn(features.shingles, 1, Infinity);
    return { features, weights: w.weights, total: w.total };
  };

  it('never bounds a pair below its weighted containment, and sets an unrelated pair aside', () => {
    const df = new WindowDf(1000);
    const texts = [
      { title: '강원 관광 미래포럼 개최', content: FORUM_BODY },
      { title: '관광 미래포럼 열려', content: FORUM_BODY.split('. ').slice(0, 2).join('. ') },
      { title: '청년 일자리 박람회 설명회', content: JOBS_BODY },
      { title: '강원랜드 1분기 매출 3800억', content: '강원랜드는 29일 공시를 통해 1분기 매출이 3800억 원으로 늘었다고 밝혔다.' },
      { title: '주간 날씨', content: '이번 주 영동 지역은 맑고 영서 지역은 흐리겠다.' },
    ];
    const items = texts.map((t) => weighted(t, df));
    const filter = new ShingleFilter();
    for (const a of items) {
      filter.load(a);
      for (const b of items) expect(filter.bound(b)).toBeGreaterThanOrEqual(weightedContainment(a, b) - 1e-6);
    }
    filter.load(items[0] as Weighted);
    expect(filter.bound(items[1] as Weighted)).toBeGreaterThan(0.2);
    expect(filter.bound(items[4] as Weighted)).toBeLessThan(0.2);
  });
});

describe('IntMap', () => {
  it('agrees with a Map through growth, deletions inside probe runs and shrinking', () => {
    const map = new IntMap();
    const reference = new Map<number, number>();
    let seed = 11;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    // Keys from a small pool collide often; the rounds add many, then delete most of them.
    for (const [rounds, deleteShare] of [[20_000, 0.2], [20_000, 0.9]] as const) {
      for (let i = 0; i < rounds; i++) {
        const key = next() % 6000 === 0 ? 0xfffffffe : next() % 6000;
        if (next() % 1000 < deleteShare * 1000) {
          map.delete(key);
          reference.delete(key);
        } else {
          map.set(key, i);
          reference.set(key, i);
        }
      }
      expect(map.size).toBe(reference.size);
      for (let key = 0; key < 6000; key++) expect(map.get(key)).toBe(reference.get(key) ?? -1);
      expect(map.get(0xfffffffe)).toBe(reference.get(0xfffffffe) ?? -1);
    }
  });

  it('keeps keys reachable when a probe run wraps past the end of the table', () => {
    // Keys at home in the last two of the first table's 1,024 slots (Fibonacci hashing) and keys
    // at home in the first two, set in turn: the run wraps, keys of both kinds alternating across
    // the end of the table. Each is deleted in turn.
    const home = (k: number) => Math.imul(k, 0x9e3779b1) >>> 22;
    const pick = (n: number, at: (h: number) => boolean) => {
      const out: number[] = [];
      for (let k = 1; out.length < n; k++) if (at(home(k))) out.push(k);
      return out;
    };
    const [ends, starts] = [pick(6, (h) => h >= 1022), pick(4, (h) => h <= 1)];
    const keys = ends.flatMap((e, i) => (i < starts.length ? [e, starts[i] as number] : [e]));
    for (let gone = 0; gone < keys.length; gone++) {
      const map = new IntMap();
      keys.forEach((key, i) => map.set(key, i));
      map.delete(keys[gone] as number);
      expect(keys.map((key) => map.get(key))).toEqual(keys.map((_, i) => (i === gone ? -1 : i)));
    }
  });
});

describe('CountTable', () => {
  it('agrees with a Map through growth, and through keys counted down to 0 and up again', () => {
    const table = new CountTable(16);
    const reference = new Map<number, number>();
    let seed = 5;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    // Keys come and go as items enter and leave the IDF window: up by one, later down by one.
    const live: number[] = [];
    for (let i = 0; i < 60_000; i++) {
      if (live.length > 0 && next() % 3 === 0) {
        const key = live.splice(next() % live.length, 1)[0] as number;
        expect(table.add(key, -1)).toBe(reference.get(key) ?? 0);
        reference.set(key, (reference.get(key) ?? 0) - 1);
      } else {
        const key = (next() % 20_000) + 1;
        live.push(key);
        expect(table.add(key, 1)).toBe(reference.get(key) ?? 0);
        reference.set(key, (reference.get(key) ?? 0) + 1);
      }
    }
    for (const [key, count] of reference) expect(table.add(key, 0)).toBe(count);
    expect(table.add(0, 5)).toBe(0);
  });

  it('refuses a count it cannot hold in 16 bits, or below 0', () => {
    const table = new CountTable(16);
    table.add(7, MAX_COUNT);
    expect(() => table.add(7, 1)).toThrow(/outside 0\.\.65535/);
    expect(() => table.add(8, -1)).toThrow(/outside/);
    expect(() => new WindowDf(100_000)).toThrow(/IDF window of 100000 items/);
  });
});
