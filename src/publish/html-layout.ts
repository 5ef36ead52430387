// The frame every HTML page shares: Korean, UTF-8, readable on a phone, no JavaScript.
import { DateTime } from 'luxon';
import { entryTime, publishEntry, type EntryVersion, type FeedItem } from './entry.js';
import { FEED_FORMATS, FEED_LABELS, FEED_TYPES, type PageLinks } from './site-urls.js';
import { escapeHtml, plainText } from './text.js';
import type { TopicConfig } from '../model.js';

const CSS = `body{font:16px/1.6 system-ui,-apple-system,"Apple SD Gothic Neo","Malgun Gothic",sans-serif;margin:0 auto;max-width:46rem;padding:1rem;color:#222;background:#fff}
a{color:#0645ad}h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem}nav a{margin-right:1rem}
ul.items{padding-left:1.2rem}ul.items li{margin:.4rem 0}.meta{color:#666;font-size:.85rem}
.subscribe a{display:inline-block;margin:.2rem .4rem .2rem 0;padding:.1rem .6rem;border:1px solid #ccc;border-radius:1rem;text-decoration:none}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{text-align:left;padding:.3rem;border-bottom:1px solid #eee;vertical-align:top}
.bad{color:#b00}@media(prefers-color-scheme:dark){body{background:#111;color:#ddd}a{color:#8ab4f8}}`;

export interface PageFrame {
  readonly title: string;
  readonly links: PageLinks;
  /** Extra <head> lines (autodiscovery links), already HTML. */
  readonly head?: readonly string[];
  /** The page body, already HTML. */
  readonly body: string;
}

// htmlPage wraps a body in the shared document; every dynamic text must be escaped by the caller.
export function htmlPage(frame: PageFrame): string {
  const { links } = frame;
  return `<!doctype html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(frame.title)}</title>
${(frame.head ?? []).join('\n')}
<style>${CSS}</style>
</head>
<body>
<nav><a href="${escapeHtml(links.home)}">주제</a><a href="${escapeHtml(links.sources)}">출처</a><a href="${escapeHtml(links.opml)}">OPML</a></nav>
${frame.body}
</body>
</html>
`;
}

// discoveryLinks are the <link rel="alternate"> lines readers look for when given a page URL.
export function discoveryLinks(topic: TopicConfig, links: PageLinks): string[] {
  const name = plainText(topic.title) || topic.id;
  return FEED_FORMATS.map(
    (f) =>
      `<link rel="alternate" type="${FEED_TYPES[f]}" title="${escapeHtml(`${name} (${FEED_LABELS[f]})`)}" href="${escapeHtml(links.feed(topic.id, f))}">`,
  );
}

// subscribeLinks shows the three formats of one topic feed as plain links.
export function subscribeLinks(topicId: string, links: PageLinks): string {
  const anchors = FEED_FORMATS.map((f) => `<a href="${escapeHtml(links.feed(topicId, f))}">${FEED_LABELS[f]}</a>`);
  return `<p class="subscribe">구독: ${anchors.join(' ')}</p>`;
}

// itemList lists items with their source and local time; links only ever point to http(s).
export function itemList(items: readonly FeedItem[], links: PageLinks, topicId: string, zone: string): string {
  if (items.length === 0) return '<p class="meta">아직 글이 없습니다.</p>';
  const rows = items.map((it) => {
    const entry = publishEntry(it, [], `${links.topicPage(topicId)}#item-${it.item.id}`);
    return `<li id="item-${it.item.id}"><a href="${escapeHtml(entry.link)}">${escapeHtml(entry.title)}</a><br><span class="meta">${escapeHtml(entry.source.name)} · ${escapeHtml(localTime(entryTime(it.item), zone))}</span>${outlets(entry.versions)}</li>`;
  });
  return `<ul class="items">\n${rows.join('\n')}\n</ul>`;
}

// outlets names every outlet that carried a story, each linked to its own version.
function outlets(versions: readonly EntryVersion[]): string {
  if (versions.length === 0) return '';
  const links = versions.map((v) => (v.link ? `<a href="${escapeHtml(v.link)}">${escapeHtml(v.source.name)}</a>` : escapeHtml(v.source.name)));
  return `<br><span class="meta">같은 기사 ${versions.length}건: ${links.join(', ')}</span>`;
}

// localTime shows an instant in the configured zone, e.g. "2024-12-01 17:55"; "-" for none.
export function localTime(date: Date | null, zone: string): string {
  return date === null ? '-' : DateTime.fromJSDate(date).setZone(zone).toFormat('yyyy-LL-dd HH:mm');
}
