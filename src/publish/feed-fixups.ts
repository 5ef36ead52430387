// What `feed` cannot write, added to its output: the Atom feed's language, atom:source in Atom
// entries, and RSS titles written as the RSS Best Practices Profile asks. Each splices by entry, in order, and checks the
// count, so a change in `feed`'s output fails loudly instead of pairing an entry with another's data.
import type { PublishedEntry } from './entry.js';
import { escapeHtml } from './text.js';

const ATOM_ROOT = '<feed xmlns="http://www.w3.org/2005/Atom">';

// withAtomExtras declares the feed Korean (xml:lang, which `feed` leaves out of Atom though it
// writes RSS <language>) and adds RFC 4287 §4.2.11 atom:source to each entry.
export function withAtomExtras(xml: string, entries: readonly PublishedEntry[]): string {
  if (!xml.includes(ATOM_ROOT)) throw new Error('publish: unexpected root element in Atom output');
  const parts = xml.replace(ATOM_ROOT, '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ko">').split('</entry>');
  if (parts.length !== entries.length + 1) throw new Error('publish: unexpected </entry> count in Atom output');
  return parts
    .map((part, i) => {
      const entry = entries[i];
      return entry === undefined ? part : `${part}    ${atomEnclosures(entry)}${atomSource(entry)}\n    </entry>`;
    })
    .join('');
}

// atomEnclosures links every attachment (RFC 4287 §4.2.7.2); length is left out when unknown.
function atomEnclosures({ enclosures }: PublishedEntry): string {
  return enclosures
    .map((e) => `<link rel="enclosure" href="${escapeHtml(e.url)}" type="${escapeHtml(e.type)}" title="${escapeHtml(e.name)}"${e.length === null ? '' : ` length="${e.length}"`}/>`)
    .join('');
}

// atom:source names the outlet (id, title, its feed as self link) and, as the validator asks, an
// `updated`: the entry's own time, the latest moment the outlet's feed is known to have changed.
function atomSource({ source, updated }: PublishedEntry): string {
  const id = source.url ?? `tag:regionwire,2024:source/${encodeURIComponent(source.id)}`;
  const self = source.url ? `<link rel="self" href="${escapeHtml(source.url)}"/>` : '';
  return `<source><id>${escapeHtml(id)}</id><title>${escapeHtml(source.name)}</title>${self}<updated>${updated.toISOString()}</updated></source>`;
}

// withRssTitles writes each item's <title> first in the item. RSS titles are plain text, which some
// readers still decode as HTML, so the profile asks for & and < as hexadecimal references
// (https://www.rssboard.org/rss-profile#data-types-characterdata); `feed` can only write CDATA.
export function withRssTitles(xml: string, entries: readonly PublishedEntry[]): string {
  const parts = xml.split('<item>');
  if (parts.length !== entries.length + 1) throw new Error('publish: unexpected <item> count in RSS output');
  return parts.map((part, i) => (i === 0 ? part : `<item>\n            <title>${rssText(entries[i - 1]?.title ?? '')}</title>${part}`)).join('');
}

function rssText(text: string): string {
  return text.replace(/&/g, '&#x26;').replace(/</g, '&#x3C;').replace(/>/g, '&gt;');
}
