// Recovery for feeds cut off mid-way (a dropped connection, a size cap, a broken generator): keep
// everything up to the last complete item or entry (else the last complete tag) and close the
// elements still open.

const PROTECTED = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<![A-Za-z][^>]*>/g;
const TAG = /<(\/?)([A-Za-z_][\w.:-]*)(?:\s(?:[^>"']|"[^"]*"|'[^']*')*)?(\/?)>/g;
const LAST_ITEM_END = /<\/(?:[\w.-]+:)?(?:item|entry)\s*>/g;

// repairTruncated returns the text cut and closed as above, or null when the tags do not nest.
export function repairTruncated(text: string): string | null {
  let end = text.lastIndexOf('>') + 1;
  for (const m of text.matchAll(LAST_ITEM_END)) end = m.index + m[0].length;
  if (end <= 0) return null;
  const kept = text.slice(0, end);
  const open: string[] = [];
  for (const segment of kept.split(PROTECTED)) {
    for (const [, close, name, selfClosing] of segment.matchAll(TAG)) {
      if (name === undefined || selfClosing === '/') continue;
      if (close === '') open.push(name);
      else if (open[open.length - 1] === name) open.pop();
      else return null; // mismatched tags: broken in other ways too, do not guess
    }
  }
  return kept + open.reverse().map((name) => `</${name}>`).join('');
}
