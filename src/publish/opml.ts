// OPML 2.0 list of every topic feed, for importing all of them into a reader in one step.
import type { TopicConfig } from '../model.js';
import { feedPath, joinUrl, topicPagePath, type SiteStyle } from './site-urls.js';
import { escapeHtml, plainText } from './text.js';

// buildOpml gives one outline per topic (its RSS feed): readers subscribe to every outline with an
// xmlUrl, so listing the Atom and JSON twins too would subscribe each topic three times.
export function buildOpml(topics: readonly TopicConfig[], baseUrl: string, style: SiteStyle = 'server'): string {
  const outlines = topics.map((t) => {
    const title = escapeHtml(plainText(t.title) || t.id);
    const xmlUrl = escapeHtml(joinUrl(baseUrl, feedPath(t.id, 'rss')));
    const htmlUrl = escapeHtml(joinUrl(baseUrl, topicPagePath(t.id, style)));
    const description = escapeHtml(plainText(t.description));
    return `      <outline type="rss" version="RSS2" text="${title}" title="${title}" description="${description}" xmlUrl="${xmlUrl}" htmlUrl="${htmlUrl}"/>`;
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<opml version="2.0">',
    '  <head>',
    '    <title>regionwire 주제별 피드</title>',
    `    <ownerId>${escapeHtml(joinUrl(baseUrl, ''))}</ownerId>`,
    '  </head>',
    '  <body>',
    '    <outline text="regionwire" title="regionwire">',
    ...outlines,
    '    </outline>',
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}
