// Plain text (an attachment's) as HTML paragraphs, for an item's content and its full text.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

// textParagraphs makes each non-empty line of `text` one escaped <p>.
export function textParagraphs(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => `<p>${line.replace(/[&<>"]/g, (c) => ESCAPES[c] ?? c)}</p>`)
    .join('\n');
}
