import { describe, expect, it } from 'vitest';
import { classifyItem } from '../../../src/classify/classify-item.js';
import { item, source, topic } from './classify-helpers.js';

const ids = (title: string, topics: Parameters<typeof classifyItem>[2], fields = {}) =>
  classifyItem(item({ title, ...fields }), source(), topics).map((r) => r.topic);

describe('classifyItem keyword matching', () => {
  it('finds a Korean keyword inside a longer word and names the field', () => {
    const topics = [topic('economy', { any: ['중소기업'] })];
    expect(classifyItem(item({ title: '강원중소기업청 지원사업 공고' }), source(), topics)).toEqual([
      { topic: 'economy', reason: 'any: 중소기업 (title)' },
    ]);
  });

  it('normalises full-width Latin and compatibility characters with NFKC, both in text and keywords', () => {
    expect(ids('ＡＩ 반도체 인재 양성', [topic('ai', { any: ['AI'] })])).toEqual(['ai']);
    expect(ids('AI 반도체 인재 양성', [topic('ai', { any: ['ＡＩ'] })])).toEqual(['ai']);
  });

  it('matches composed and decomposed Hangul alike', () => {
    expect(ids('산불 진화 완료'.normalize('NFD'), [topic('fire', { any: ['산불'] })])).toEqual(['fire']);
  });

  it('matches Latin keywords case-insensitively and only as whole words', () => {
    const topics = [topic('ai', { any: ['AI'] })];
    expect(ids('Officials said the plan works', topics)).toEqual([]);
    expect(ids('ai 교육 확대', topics)).toEqual(['ai']);
    expect(ids('AI반도체 특화단지', topics)).toEqual(['ai']);
    expect(ids('KTX2 노선', [topic('rail', { any: ['KTX'] })])).toEqual([]);
  });

  it('treats a space in a Korean keyword as optional, but not between two Latin words', () => {
    expect(ids('주택화재발생 2명 부상', [topic('fire', { any: ['화재 발생'] })])).toEqual(['fire']);
    expect(ids('smartcity 사업', [topic('city', { any: ['smart city'] })])).toEqual([]);
    expect(ids('Smart  City 사업', [topic('city', { any: ['smart city'] })])).toEqual(['city']);
  });

  it('reads content HTML as text: inline tags join a word, entities are decoded, scripts are not text', () => {
    const topics = [topic('economy', { any: ['중소기업'] }), topic('amp', { any: ['R&D'] }), topic('js', { any: ['산불'] })];
    const content = '<p><b>중소</b>기업 R&amp;D 지원</p><script>var 산불 = 1</script>';
    expect(classifyItem(item({ title: '지원사업', content }), source(), topics)).toEqual([
      { topic: 'economy', reason: 'any: 중소기업 (content)' },
      { topic: 'amp', reason: 'any: r&d (content)' },
    ]);
  });

  it('prefers a title hit, and there the longest keyword, to explain a match', () => {
    const topics = [topic('economy', { any: ['기업', '중소기업'] })];
    const result = classifyItem(item({ title: '중소기업 수출 확대', summary: '기업' }), source(), topics);
    expect(result).toEqual([{ topic: 'economy', reason: 'any: 중소기업 (title)' }]);
  });
});

describe('classifyItem rules', () => {
  it('any needs one keyword, all needs every keyword, none vetoes', () => {
    const topics = [topic('fire', { any: ['산불', '화재'], all: ['강원'], none: ['불꽃축제'] })];
    expect(classifyItem(item({ title: '강원 동해안 산불 확산' }), source(), topics)).toEqual([
      { topic: 'fire', reason: 'any: 산불 (title); all: 강원 (title)' },
    ]);
    expect(ids('경북 산불 확산', topics)).toEqual([]);
    expect(ids('강원 부산불꽃축제 관람객', topics)).toEqual([]);
  });

  it('an all-only rule names where each keyword was found', () => {
    const topics = [topic('snow', { all: ['폭설', '강릉'] })];
    expect(classifyItem(item({ title: '폭설 비상', summary: '강릉시 제설 총력' }), source(), topics)).toEqual([
      { topic: 'snow', reason: 'all: 폭설 (title) + 강릉 (summary)' },
    ]);
  });

  it('title_only ignores the summary and content, for none keywords too', () => {
    const topics = [topic('fire', { any: ['산불'], none: ['훈련'], titleOnly: true })];
    expect(ids('진화 헬기 배치', topics, { summary: '산불 대비' })).toEqual([]);
    expect(ids('산불 진화 헬기 배치', topics, { summary: '훈련과 별개로' })).toEqual(['fire']);
  });

  it('filters by source id, excluded source, region and tag, and says which let a filter-only topic in', () => {
    const topics = [
      topic('only-kado', { sources: ['kado-all'] }),
      topic('no-kado', { any: ['산불'], excludeSources: ['kado-all'] }),
      topic('gangwon', { regions: ['Gangwon'] }),
      topic('gov', { tags: ['government'] }),
    ];
    const fire = item({ title: '산불' });
    expect(classifyItem(fire, source('kado-all'), topics)).toEqual([
      { topic: 'only-kado', reason: 'source: kado-all' },
      { topic: 'gangwon', reason: 'region: gangwon' },
    ]);
    expect(classifyItem(fire, source('korea-kr', { region: 'national', tags: ['government', 'press-release'] }), topics)).toEqual([
      { topic: 'no-kado', reason: 'any: 산불 (title)' },
      { topic: 'gov', reason: 'tag: government' },
    ]);
    expect(classifyItem(fire, source('nowhere', { region: null, tags: [] }), topics).map((r) => r.topic)).toEqual(['no-kado']);
  });

  it('matches the item’s own categories like keywords', () => {
    const topics = [topic('economy', { categories: ['경제'] })];
    expect(classifyItem(item({ title: '무엇', categories: ['사회', '경제일반'] }), source(), topics)).toEqual([
      { topic: 'economy', reason: 'category: 경제일반' },
    ]);
    expect(ids('무엇', topics, { categories: ['사회'] })).toEqual([]);
  });

  it('puts an item in every topic it fits, in config order', () => {
    const topics = [topic('economy', { any: ['중소기업'] }), topic('events', { any: ['간담회'] }), topic('fire', { any: ['산불'] })];
    expect(ids('중소기업 간담회', topics)).toEqual(['economy', 'events']);
  });

  it('gives no topics when there are none, and the same answer for the same topics list every time', () => {
    expect(ids('중소기업', [])).toEqual([]);
    const topics = [topic('economy', { any: ['중소기업'] })];
    expect(ids('중소기업', topics)).toEqual(ids('중소기업', topics));
  });
});
