import { describe, expect, it } from 'vitest';
import type { PageField } from '../../../src/model.js';
import { readDetailFields } from '../../../src/page/read-detail-fields.js';
import { fixture } from '../../helpers/temp.js';

const field = (selector: string, more: Partial<PageField> = {}): PageField => ({ selector, attr: null, pattern: null, template: null, format: null, all: false, ...more });
const NOW = new Date('2024-12-05T03:00:00Z');
const EGOV = fixture('pages/detail/egov-board-view.html').toString('utf8');
const NEWSSTEP = fixture('pages/detail/newsstep-article.html').toString('utf8');

describe('published and author on an item\'s own page', () => {
  it('reads the eGov view page\'s 등록일 as the start of that day in Korea and its 작성자', () => {
    const read = readDetailFields(EGOV, { published: field('td.date'), author: field('tr:nth-child(2) td:first-of-type'), timezone: 'Asia/Seoul', now: NOW });
    expect(read.published?.toISOString()).toBe('2024-11-28T15:00:00.000Z');
    expect(read.author).toBe('기업지원과');
  });

  it('reads a timestamp from an attribute, as 뉴스스텝 writes it in a meta tag', () => {
    const read = readDetailFields(NEWSSTEP, { published: field('meta[property="article:published_time"]', { attr: 'content' }), author: null, timezone: 'Asia/Seoul', now: NOW });
    expect(read.published?.toISOString()).toBe('2024-12-01T08:55:00.000Z');
  });

  it('gives null where a field finds nothing, so the list\'s value stays', () => {
    expect(readDetailFields(EGOV, { published: field('.no-such-date'), author: field('.no-such-writer'), timezone: 'Asia/Seoul', now: NOW })).toEqual({ published: null, author: null });
  });
});
