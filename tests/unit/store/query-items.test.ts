import { describe, expect, it } from 'vitest';
import { at, parsed, source, tempStore, updated } from './store-helpers.js';

describe('queryItems', () => {
  const store = () => {
    const s = tempStore();
    s.syncSources([source('kado'), source('kwnews')]);
    s.savePoll(
      updated('kado', [
        parsed({ url: 'https://kado.net/1', title: 'k1', published: at(1), categories: ['경제'] }),
        parsed({ url: 'https://kado.net/2', title: 'k2', published: at(3) }),
      ], at(10)),
    );
    s.savePoll(
      updated('kwnews', [
        parsed({ url: 'https://kwnews.co.kr/1', title: 'w1', published: at(2) }),
        parsed({ url: 'https://kwnews.co.kr/2', title: 'w2', published: at(3) }),
      ], at(10)),
    );
    return s;
  };

  it('lists newest first, then by id', () => {
    expect(store().queryItems({}).map((i) => i.title)).toEqual(['w2', 'k2', 'w1', 'k1']);
  });

  it('filters by source, since and limit', () => {
    const s = store();
    expect(s.queryItems({ sources: ['kado'] }).map((i) => i.title)).toEqual(['k2', 'k1']);
    expect(s.queryItems({ sources: [] })).toEqual([]);
    expect(s.queryItems({ since: at(2) }).map((i) => i.title)).toEqual(['w2', 'k2', 'w1']);
    expect(s.queryItems({ limit: 1 }).map((i) => i.title)).toEqual(['w2']);
    expect(s.queryItems({ sources: ['kado'], since: at(2), search: 'k2' }).map((i) => i.title)).toEqual(['k2']);
  });

  it('returns the stored fields', () => {
    const [item] = store().queryItems({ sources: ['kado'], since: at(1), limit: 50 }).slice(-1);
    expect(item).toMatchObject({
      source: 'kado',
      url: 'https://kado.net/1',
      categories: ['경제'],
      published: at(1),
      updated: null,
      fetched: at(10),
    });
  });
});
