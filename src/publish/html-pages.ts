// The HTML pages: the index of topics, one topic's page, the sources and their poll state.
import type { SourceConfig, SourceState, TopicConfig } from '../model.js';
import type { FeedItem } from './entry.js';
import { discoveryLinks, htmlPage, itemList, localTime, subscribeLinks } from './html-layout.js';
import type { PageLinks } from './site-urls.js';
import { escapeHtml, plainText } from './text.js';

export interface TopicItems {
  readonly topic: TopicConfig;
  /** Newest first. */
  readonly items: readonly FeedItem[];
}

export interface PageOptions {
  readonly links: PageLinks;
  /** IANA zone the times are shown in (settings.timezone). */
  readonly timezone: string;
}

// buildIndexPage lists every topic with its latest items and subscribe links, and advertises every feed.
export function buildIndexPage(topics: readonly TopicItems[], { links, timezone }: PageOptions): string {
  const sections = topics.map(({ topic, items }) => {
    const title = escapeHtml(plainText(topic.title) || topic.id);
    return `<section>
<h2><a href="${escapeHtml(links.topicPage(topic.id))}">${title}</a></h2>
<p>${escapeHtml(plainText(topic.description))}</p>
${subscribeLinks(topic.id, links)}
${itemList(items, links, topic.id, timezone)}
</section>`;
  });
  const empty = '<p>설정된 주제가 없습니다. <code>config/topics.yaml</code>에 주제를 추가하세요.</p>';
  return htmlPage({
    title: 'regionwire 주제별 피드',
    links,
    head: topics.flatMap(({ topic }) => discoveryLinks(topic, links)),
    body: `<h1>regionwire 주제별 피드</h1>
<p>강원 지역 언론과 기관의 새 글을 주제별로 모았습니다. 피드 리더에서 아래 주소를 구독하거나 <a href="${escapeHtml(links.opml)}">OPML</a>로 한 번에 가져오세요.</p>
${sections.length === 0 ? empty : sections.join('\n')}`,
  });
}

// buildTopicPage shows one topic's items (each with an #item-ID anchor that feed links may use).
export function buildTopicPage({ topic, items }: TopicItems, { links, timezone }: PageOptions): string {
  const title = plainText(topic.title) || topic.id;
  return htmlPage({
    title: `${title} · regionwire`,
    links,
    head: discoveryLinks(topic, links),
    body: `<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(plainText(topic.description))}</p>
${subscribeLinks(topic.id, links)}
${itemList(items, links, topic.id, timezone)}`,
  });
}

export interface SourceRow {
  readonly config: SourceConfig;
  readonly state: SourceState | null;
}

// insecure flags a source read with certificate checks off (tls.insecure): its items could be forged.
function insecure(config: SourceConfig): string {
  return config.tls?.insecure ? '<br><span class="bad">인증서 검사 꺼짐 (tls: insecure) — 사이트 사칭을 막지 못합니다; tls.ca를 쓰세요</span>' : '';
}

// buildSourcesPage shows each source's poll state and last error, so a reader can see why a feed is quiet.
export function buildSourcesPage(sources: readonly SourceRow[], { links, timezone }: PageOptions): string {
  const rows = sources.map(({ config, state }) => {
    const error = state?.lastError ? `<span class="bad">${escapeHtml(`(${state.lastError.kind}) ${state.lastError.message}`)}</span>` : '';
    const status = !config.enabled ? '꺼짐' : (state?.consecutiveFailures ?? 0) > 0 ? `<span class="bad">실패 ${state?.consecutiveFailures}회</span>` : '정상';
    return `<tr><td>${escapeHtml(plainText(config.name) || config.id)}<br><span class="meta">${escapeHtml(config.id)}</span></td><td>${status}${insecure(config)}${error ? `<br>${error}` : ''}</td><td>${state?.itemCount ?? 0}</td><td>${escapeHtml(localTime(state?.lastSuccessAt ?? null, timezone))}</td><td>${escapeHtml(localTime(state?.nextPollAt ?? null, timezone))}</td></tr>`;
  });
  return htmlPage({
    title: '출처 · regionwire',
    links,
    body: `<h1>출처</h1>
<table>
<thead><tr><th>출처</th><th>상태</th><th>글</th><th>마지막 성공</th><th>다음 수집</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`,
  });
}
