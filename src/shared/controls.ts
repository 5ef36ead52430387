// Control characters a source may send, dropped from every text and content field: parse (feeds,
// pages) and detail (article pages, attachments) share one rule.

// C0 controls but tab, LF and CR, and DEL: XML 1.0 forbids the C0 ones and no reader shows any.
// Vertical tab and form feed stand between words (Word writes a manual line break as \v), so
// they become a space rather than gluing two words into one.
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F]/g;
const BREAKING_CONTROL = /[\u000B\u000C]/g;

// dropControls removes the control characters a source may send, keeping tab and newline.
export function dropControls(text: string): string {
  return text.replace(BREAKING_CONTROL, ' ').replace(CONTROL, '');
}
