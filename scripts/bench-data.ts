// Generated bodies for the bench: RSS feeds and board list pages of Korean-looking text.

const WORDS = ['강원특별자치도', '지역경제', '활성화', '중소기업', '간담회', '개최', '춘천시', '원주', '강릉', '축제', '투자협약', '일자리', '수출', '소상공인', '반도체', 'AI', '산불', '방역', '도청', '설명회'];

// sentence is `words` words picked deterministically from `seed`.
export function sentence(seed: number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[(seed * 7 + i * 13) % WORDS.length]!);
  return out.join(' ');
}

// rssFeed is an RSS 2.0 feed of `count` items numbered from `offset`.
export function rssFeed(name: string, count: number, offset = 0): string {
  const items: string[] = [];
  for (let i = offset; i < offset + count; i++) {
    items.push(
      `<item><title>${name} ${sentence(i, 6)} ${i}</title><link>https://news.example.kr/${name}/articleView.html?idxno=${i}&amp;utm_source=rss</link>` +
        `<description><![CDATA[<p>${sentence(i + 1, 40)}</p>]]></description><author>기자 ${i % 50}</author>` +
        `<pubDate>2024-12-01 ${String(i % 24).padStart(2, '0')}:00:00</pubDate></item>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${name}</title><link>https://news.example.kr/</link>${items.join('')}</channel></rss>`;
}

// boardPage is an eGov-style list page of `count` rows numbered down from `first`, with the
// header, navigation and footer a real board carries around its table.
export function boardPage(name: string, count: number, first: number): string {
  const rows: string[] = [];
  for (let i = first; i > first - count; i--) {
    rows.push(
      `<tr><td class="num">${i}</td><td class="subject"><a href="./selectBbsNttView.do?key=1&amp;bbsNo=2&amp;nttNo=${i}&amp;pageIndex=1">${name} ${sentence(i, 6)} ${i}</a></td>` +
        `<td>${sentence(i, 1)}과</td><td><img src="/images/icon_file.gif" alt="첨부"></td><td class="date">2024.11.${String((i % 28) + 1).padStart(2, '0')}</td><td>${i % 300}</td></tr>`,
    );
  }
  const nav = Array.from({ length: 40 }, (_, i) => `<li><a href="/menu/${i}">${sentence(i, 2)}</a></li>`).join('');
  return `<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>${name} 보도자료</title></head><body>` +
    `<ul class="gnb">${nav}</ul><div id="contents"><table class="bbs_default list"><thead><tr><th>번호</th><th>제목</th><th>부서</th><th>첨부</th><th>작성일</th><th>조회</th></tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table></div><div id="footer">${sentence(first, 30)}</div></body></html>`;
}
