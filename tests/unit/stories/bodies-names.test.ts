// The issuer and the names an item carries: what contrast.ts compares.
import { describe, expect, it } from 'vitest';
import { mentionsBody, storyBodies, storyIssuer } from '../../../src/stories/bodies.js';
import { mentionsName, storyNames } from '../../../src/stories/names.js';
import { cleanStoryText, finishStoryText, normalizeStoryText, titleWords } from '../../../src/stories/normalize.js';
import { flatten, hasGrams, shingles } from '../../../src/stories/shingles.js';

const grams = (text: string) => shingles(flatten(text));

const issuer = (title: string, body: string) => storyIssuer(normalizeStoryText(title), normalizeStoryText(body));
const names = (title: string, body = '') =>
  [...storyNames(titleWords(finishStoryText(cleanStoryText(title))), `${cleanStoryText(title)}\n${cleanStoryText(body)}`)].sort();

describe('storyIssuer', () => {
  it('takes the body that leads the headline, else the subject of the lead', () => {
    expect(issuer('강원특별자치도, 소상공인 경영안정자금 지원', '도는 6일 밝혔다.')).toBe('강원도');
    expect(issuer('소상공인 특례보증 300억 지원', '춘천시는 8일 밝혔다.')).toBe('춘천시');
    expect(issuer('저신용 소상공인 희망보증', '(춘천=뉴스1) 한지수 기자 = 강원신용보증재단이 보증을 공급한다.')).toBe('강원신용보증재단');
    expect(issuer('교육청 정기인사', '강원특별자치도교육청은 10일 밝혔다.')).toBe('강원도교육청');
  });

  it('names no issuer for a joint release or a rewrite led by something else', () => {
    expect(issuer('강원특별자치도·동해시, 그린수소 투자 유치', '강원특별자치도와 동해시는 28일 밝혔다.')).toBeNull();
    expect(issuer('춘천 소상공인 숨통', '춘천지역 소상공인들이 보증을 받게 됐다.')).toBeNull();
  });
});

describe('storyBodies', () => {
  it('tells the province from its education office and council', () => {
    const text = normalizeStoryText('강원특별자치도교육청과 강원도의회, 춘천시의회, 화천군이 함께했다.');
    expect([...storyBodies(text)].sort()).toEqual(['강원도교육청', '강원도의회', '춘천시의회', '화천군']);
    expect(mentionsBody([...storyBodies(text)], grams(text), '강원도')).toBe(false);
    expect(mentionsBody([...storyBodies(normalizeStoryText('강원특별자치도와 협력한다'))], grams(''), '강원도')).toBe(true);
  });
});

describe('storyNames', () => {
  it('takes names from headline words by their ending and from quoted names of several words', () => {
    expect(names('양구 곰취축제 추진위원회 정기총회 개최')).toEqual(['곰취축제']);
    expect(names('원주시-상지대, 지역인재 양성 업무협약')).toEqual(['상지대']);
    expect(names('도의회 상임위 통과', "'귀농귀촌 지원 조례' 개정안을 가결했다")).toEqual(['귀농귀촌지원조례']);
    expect(names('축제 개막', "'2025 경포 해맞이 축제'가 열린다")).toEqual(['경포해맞이축제']);
  });

  it('leaves out quoted expressions and words that only end like a name', () => {
    expect(names("강원 농식품 수출 '사상 최대'…파프리카 효자", "출근길 '엉금엉금'")).toEqual([]);
    expect(names('일자리 최대 확대', '')).toEqual([]);
  });

  it('takes no quoted sentence for a name, nor the text between two quoted words', () => {
    expect(names('유학생 정착 지원', "유학생들은 '도내 기업 정보를 얻기 어렵다'고 답했고 기업들은 '강원에 남아 달라'고 했다")).toEqual([]);
    expect(names('미디어아트 축제', "'AI'가 만든 영상과 바다 이야기를 엮은 공연이 열리고 'K-팝' 무대도 선다")).toEqual([]);
    expect(names('유학생 정착', "'강원 유학생 정착 사다리' 사업을 'AI' 면접과 함께 운영한다")).toEqual(['강원유학생정착사다리']);
  });

  it('finds a name under a shorter form', () => {
    expect(mentionsName(grams('화천천에서산천어축제가열린다'), '화천산천어축제')).toBe(true);
    expect(mentionsName(grams('양구배꼽축제가열린다'), '곰취축제')).toBe(false);
  });
});

describe('hasGrams', () => {
  it('finds a word by its 2-grams in an item\'s shingles, whatever its length', () => {
    const text = grams('춘천시 지역경제 활성화 방안');
    for (const word of ['춘천', '지역경제', '활성화', '경제활', '천']) expect(hasGrams(text, word)).toBe(true);
    for (const word of ['원주', '경제지역', '방안은', '주']) expect(hasGrams(text, word)).toBe(false);
    expect(hasGrams(grams('강'), '강')).toBe(true);
    expect(hasGrams(grams(''), '강')).toBe(false);
  });
});
