// Sanitising of item content with sanitize-html, shared by parse (feed items) and detail (article
// pages): article markup stays, scripts and event handlers go, and relative links and images
// become absolute against the content's base URL.
import { decodeHTML } from 'entities';
import sanitizeHtml from 'sanitize-html';
import { dropControls } from './controls.js';
import { resolveUrl } from './urls.js';

const ALLOWED_TAGS = [
  'p', 'br', 'hr', 'a', 'img', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'q', 'cite', 'pre', 'code',
  'figure', 'figcaption', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption',
  'em', 'strong', 'b', 'i', 'u', 's', 'sub', 'sup', 'small', 'abbr', 'span', 'div',
];

// sanitizeContent returns safe HTML with absolute http(s) href/src and no control characters (a
// reference such as &#1; comes out of the sanitiser as the character itself), or null when nothing is left.
export function sanitizeContent(html: string, base: string): string | null {
  const absolute = (name: 'href' | 'src') => (tagName: string, attribs: sanitizeHtml.Attributes) => {
    // javascript:, data: and other schemes are dropped here, not only by allowedSchemes.
    const entries = Object.entries(attribs).flatMap(([key, value]): [string, string][] => {
      if (key !== name) return [[key, value]];
      const url = resolveUrl(value, base);
      return url === null ? [] : [[key, url]];
    });
    return { tagName, attribs: Object.fromEntries(entries) };
  };
  const clean = dropControls(sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      a: ['href', 'title'],
      img: ['src', 'alt', 'title', 'width', 'height'],
      td: ['colspan', 'rowspan'],
      th: ['colspan', 'rowspan'],
      abbr: ['title'],
    },
    allowedSchemes: ['http', 'https'],
    allowProtocolRelative: false,
    transformTags: { a: absolute('href'), img: absolute('src') },
    // An image without a source is noise after sanitising.
    exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs['src'],
  })).trim();
  return clean === '' ? null : clean;
}

// firstImageSrc returns the src of the first <img> in sanitised HTML.
export function firstImageSrc(html: string): string | null {
  const m = /<img\b[^>]*?\ssrc="([^"]+)"/i.exec(html);
  return m?.[1] === undefined ? null : decodeHTML(m[1]);
}
