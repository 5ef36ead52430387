// HTML clean-up on output: content was sanitised at ingest, but a feed we publish must be safe
// even if the database was filled by an older, laxer version or by hand.
import sanitizeHtml from 'sanitize-html';
import { stripControl } from './text.js';

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img', 'figure', 'figcaption'],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
};

// sanitizeContent keeps formatting, links and images; drops scripts, styles, event handlers and
// javascript:/data: URLs. `]]>` can then only be text, written `]]&gt;` so no CDATA section ends early.
export function sanitizeContent(html: string): string {
  return stripControl(sanitizeHtml(stripControl(html), OPTIONS)).replace(/\]\]>/g, ']]&gt;').trim();
}
