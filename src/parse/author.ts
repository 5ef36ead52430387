// Bylines without e-mail addresses: RSS <author> is an address by spec, Korean papers append the
// reporter's address to the name ("박순봉 기자 gabgu@kyunghyang.com").
import { collapseWhitespace } from './text.js';

const EMAIL = /(?:mailto:)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gi;

// cleanByline removes e-mail addresses from a byline; "foo@bar.com (Foo Bar)" gives "Foo Bar".
export function cleanByline(raw: string | null): string | null {
  if (raw === null) return null;
  let text = collapseWhitespace(raw);
  // RFC 822 style "address (Name)" and "Name <address>": keep the name part.
  const paren = /^\S+@\S+\s*\((.+)\)$/.exec(text);
  if (paren?.[1] !== undefined) text = paren[1];
  text = text.replace(/<\s*(?:mailto:)?[^<>\s]+@[^<>\s]+\s*>/g, ' ').replace(EMAIL, ' ');
  // Leftovers of the removed address: "()", "<>", "[]", dangling separators.
  text = collapseWhitespace(text.replace(/\(\s*\)|<\s*>|\[\s*\]/g, ' ')).replace(/^[\s,;/|·-]+|[\s,;/|·-]+$/g, '');
  return text === '' ? null : text;
}

// joinBylines cleans several author names and joins the distinct ones with ", ".
export function joinBylines(names: readonly (string | null)[]): string | null {
  const seen: string[] = [];
  for (const name of names) {
    const clean = cleanByline(name);
    if (clean !== null && !seen.includes(clean)) seen.push(clean);
  }
  return seen.length === 0 ? null : seen.join(', ');
}
