import { describe, expect, it } from 'vitest';
import { textParagraphs } from '../../../src/detail/paragraphs.js';

describe('attachment text as paragraphs', () => {
  it('makes each non-empty line one escaped paragraph', () => {
    expect(textParagraphs('강원특별자치도는 29일 <간담회>를 열었다.\n\n  "융합과 혁신" & 상생  \n')).toBe(
      '<p>강원특별자치도는 29일 &lt;간담회&gt;를 열었다.</p>\n<p>&quot;융합과 혁신&quot; &amp; 상생</p>',
    );
  });
});
