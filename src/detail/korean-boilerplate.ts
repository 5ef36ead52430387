// What Korean news and government pages put around an article, and Readability (which judges by
// class names and text density) keeps: CMSs such as 뉴스스텝's put the copyright line, share bar,
// "최신뉴스" and "PHOTO NEWS" boxes inside the article's own container. The rules go by visible
// text, which every site shares, not by class names, which each site invents.
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';

// A line that ends the article: nothing after it is body.
const END_MARKERS = [
  /저작권자\s*[ⓒ©(]/,
  /무단\s*전재/,
  /재배포\s*금지/,
  /copyright\s*(?:ⓒ|©|\(c\))/i,
  /all rights reserved/i,
  // 정부 누리집 (eGov) pages close every page with a satisfaction survey.
  /제공하는\s*정보에\s*(?:대하여|대해)\s*만족/,
];
const MAX_MARKER_LINE = 150;

// Box headings; the box under one goes whole. Compared without spaces, case or trailing counts.
const BOX_TITLES = new Set(
  [
    '최신뉴스', '최신기사', '실시간뉴스', '많이본기사', '많이본뉴스', '인기기사', '인기뉴스', '포토뉴스', 'photonews',
    '관련기사', '관련뉴스', '추천기사', '댓글', '이기사를공유합니다', '이전글', '다음글', '주요뉴스', '오늘의뉴스',
  ],
);

// Words toolbars are made of (share, print, font size, more…): an element holding only these goes.
const TOOLBAR_WORDS = new Set(
  [
    '공유', '공유하기', '페이스북', '트위터', '엑스', '카카오톡', '카카오스토리', '네이버', '네이버블로그', '블로그', '밴드',
    '라인', 'url복사', '링크복사', '주소복사', '복사', '프린트', '인쇄', '인쇄하기', '글자크기', '글씨크기', '크게', '작게',
    '가+', '가-', '확대', '축소', '스크랩', '북마크', '메일', '이메일', '기사저장', '저장', '더보기', 'more', '목록',
    '바로보기', '미리보기', '닫기', '구독', '기사제보', '좋아요', '추천', 'facebook', 'twitter', 'kakao', 'band', 'print',
  ],
);

// Never body text: scripts, forms and their controls, site navigation.
const NEVER_BODY = 'script, style, noscript, template, iframe, form, button, input, select, textarea, label, nav, aside, footer';

// The article's info line, kept by Readability with the body: "입력 2024.12.01 17:55", "최다은 기자".
// Its date and time would read as figures of the story (stories/verify.ts), which a reprint must
// share with the release, so a reprint dated on its page would never match the release it copies.
const INFO_LINE = /^(?:(?:기사)?입력|수정|최종\s*수정|승인|등록|작성|발행|송고)\s*(?:일|일시|시간)?\s*:?\s*\d{4}\s*[.\-/년]\s*\d{1,2}\s*[.\-/월]\s*\d{1,2}/;
const BYLINE = /^[가-힣]{2,4}\s*(?:기자|특파원|통신원|객원기자)(?:\s+\S+@\S+)?$/;
const MAX_INFO_LINE = 40;

// "홈 > 지방자치 > 강원": a trail of a few section names.
const MAX_BREADCRUMB = 60;
// Box headings are short; a longer element is a sentence that merely starts like one.
const MAX_TITLE = 30;
// Climbing from a box heading stops at an ancestor that adds this much text outside links.
const MAX_BOX_PLAIN_TEXT = 80;

// cleanBoilerplate removes, inside `root`, everything that is not the article: controls, what
// follows the copyright line, news boxes, toolbars, breadcrumbs, the repeated headline, empty shells.
export function cleanBoilerplate($: CheerioAPI, root: Element, title: string | null): void {
  $(root).find(NEVER_BODY).remove();
  cutAtEndMarker($, root);
  for (const el of $(root).find('*').toArray()) {
    if (isInside(el, root) && BOX_TITLES.has(titleKey($(el).text())) && $(el).text().trim().length <= MAX_TITLE) {
      boxOf($, el, root).remove();
    }
  }
  removeToolbars($, root);
  const headline = title === null ? null : squash(title);
  $(root)
    .find('h1, h2, h3, p, div, li, span')
    .filter((_, el) => {
      const text = squash($(el).text());
      const breadcrumb = text.length <= MAX_BREADCRUMB && /^(?:홈|home)\s*[>›»]/i.test(text);
      const info = text.length <= MAX_INFO_LINE && (INFO_LINE.test(text) || BYLINE.test(text));
      return breadcrumb || info || (headline !== null && text === headline && /^h[1-3]$/.test(el.tagName));
    })
    .remove();
  removeEmpty($, root);
}

// cutAtEndMarker drops the first short line matching END_MARKERS and everything after it, unless
// nothing came before it (then the line alone goes: a notice above the article is not its end).
function cutAtEndMarker($: CheerioAPI, root: Element): void {
  const marker = $(root)
    .find('*')
    .toArray()
    .find((el) => {
      const text = squash($(el).text());
      return text.length <= MAX_MARKER_LINE && END_MARKERS.some((re) => re.test(text));
    });
  if (marker === undefined) return;
  if (hasTextBefore($, marker, root)) {
    for (let node: AnyNode = marker; node !== root && node.parent !== null; node = node.parent) {
      // Siblings after the marker and after each of its ancestors, text nodes included.
      for (let next = node.next; next !== null; next = node.next) $(next).remove();
    }
  }
  $(marker).remove();
}

function hasTextBefore($: CheerioAPI, el: AnyNode, root: Element): boolean {
  for (let node: AnyNode = el; node !== root && node.parent !== null; node = node.parent) {
    for (let prev = node.prev; prev !== null; prev = prev.prev) if (squash($(prev).text()) !== '') return true;
  }
  return false;
}

// boxOf climbs from a box heading to the box: while the parent adds little text outside links
// (headline lists, photo captions, a comment count) and no paragraph of its own.
function boxOf($: CheerioAPI, heading: Element, root: Element) {
  let box: Element = heading;
  while (box.parent !== null && box.parent !== root && box.parent.type === 'tag') {
    const parent: Element = box.parent;
    const inner = box;
    const added = plainTextLength($, parent) - plainTextLength($, inner);
    const ownParagraph = $(parent)
      .find('p')
      .toArray()
      .some((p) => !isInside(p, inner) && $(p).closest('a').length === 0 && squash($(p).text()) !== '');
    if (added > MAX_BOX_PLAIN_TEXT || ownParagraph) break;
    box = parent;
  }
  return $(box);
}

function removeToolbars($: CheerioAPI, el: Element): void {
  for (const child of $(el).children().toArray()) {
    const words = [$(child).text(), ...$(child).find('img').map((_, img) => $(img).attr('alt') ?? '').toArray()]
      .join(' ')
      .toLowerCase()
      .split(/[\s|·,/]+/)
      .filter(Boolean);
    if (words.length > 0 && words.every((w) => TOOLBAR_WORDS.has(w))) $(child).remove();
    else removeToolbars($, child);
  }
}

// removeEmpty drops elements left with neither text nor an image, innermost first.
function removeEmpty($: CheerioAPI, root: Element): void {
  for (const el of $(root).find('*').toArray().reverse()) {
    // Images and rules are content without text; an empty table cell keeps its table's shape.
    if (['img', 'br', 'hr', 'td', 'th'].includes(el.tagName)) continue;
    if (squash($(el).text()) === '' && $(el).find('img').length === 0) $(el).remove();
  }
}

// Text outside links: what a list of headlines lacks and an article has.
function plainTextLength($: CheerioAPI, el: Element): number {
  const all = squash($(el).text()).length;
  const linked = $(el)
    .find('a')
    .toArray()
    .reduce((n, a) => n + squash($(a).text()).length, 0);
  return all - linked;
}

function isInside(el: AnyNode, ancestor: AnyNode): boolean {
  for (let node: AnyNode | null = el; node !== null; node = node.parent) if (node === ancestor) return true;
  return false;
}

function titleKey(text: string): string {
  return text.toLowerCase().replace(/\s+/g, '').replace(/[^\p{L}]+$/u, '');
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
