// The attachments a detail page links to. Korean boards write download links three ways: a plain
// href, an onclick handler, or `javascript:fn_egov_downFile('FILE_…','0')` — the map form of the
// rule reads any attribute and rewrites it with a pattern and a URL template.
import { load } from 'cheerio';
import type { AttachmentLink, AttachmentLinkRule } from '../model.js';
import { fillTemplate } from '../shared/template.js';
import { pageBase, resolveLink } from '../shared/page-links.js';

export interface AttachmentLinks {
  readonly links: readonly AttachmentLink[];
  /** Links that matched the selector but gave no URL, and rule errors: for the poll log. */
  readonly warnings: readonly string[];
}

// Board lists append the size to the name: "보도자료.hwp [45.2 KB]", "사진.pdf (1.2MB)".
const SIZE_SUFFIX = /\s*[[(]\s*\d[\d.,]*\s*(?:bytes?|[KMG]i?B)\s*[\])]\s*$/i;

// findAttachmentLinks returns the rule's links on the page as absolute URLs with file names, once
// each. `encoding` is the page's: Hangul in a link's query is sent in it, as a browser sends it
// ("?file=보도자료.hwp" on an EUC-KR board is %BA%B8%B5%B5%C0%DA%B7%E1.hwp).
export function findAttachmentLinks(html: string, pageUrl: string, rule: AttachmentLinkRule, encoding: string): AttachmentLinks {
  const spec = typeof rule === 'string' ? { selector: rule } : rule;
  const attr = spec.attr ?? 'href';
  const pattern = compilePattern(spec.pattern);
  if (pattern instanceof Error) {
    return { links: [], warnings: [`detail: attachments pattern "${spec.pattern}" is not a valid regular expression (${pattern.message}); fix it in sources.yaml`] };
  }
  const $ = load(html);
  const base = pageBase($('base[href]').first().attr('href'), pageUrl);
  let elements;
  try {
    elements = $(spec.selector).toArray();
  } catch (error) {
    return { links: [], warnings: [`detail: attachments selector "${spec.selector}" is not valid CSS (${(error as Error).message}); fix it in sources.yaml`] };
  }
  const links: AttachmentLink[] = [];
  const warnings: string[] = [];
  const seen = new Set<string>();
  for (const el of elements) {
    const label = $(el).text().replace(/\s+/g, ' ').trim().replace(SIZE_SUFFIX, '');
    const value = $(el).attr(attr)?.trim() ?? '';
    const ref = rewrite(value, pattern, spec.template);
    const url = ref === null ? null : resolveLink(ref, base, encoding);
    if (url === null) {
      warnings.push(`detail: attachment link "${label}" on ${pageUrl}: ${attr}="${value}" ${why(value, pattern, spec.template)}`);
      continue;
    }
    if (seen.has(url)) continue;
    seen.add(url);
    links.push({ url, name: label || nameFromUrl(url) });
  }
  return { links, warnings };
}

function compilePattern(pattern: string | undefined): RegExp | null | Error {
  if (pattern === undefined) return null;
  try {
    return new RegExp(pattern);
  } catch (error) {
    return error as Error;
  }
}

// rewrite fills the template from the pattern's groups ({1}…{9}, {name}); without a pattern the
// attribute is the reference itself, and without a template the pattern's first group is.
function rewrite(value: string, pattern: RegExp | null, template: string | undefined): string | null {
  if (value === '') return null;
  if (pattern === null) return value;
  const m = pattern.exec(value);
  if (m === null) return null;
  if (template === undefined) return m[1] ?? m[0];
  return fillTemplate(template, m);
}

function why(value: string, pattern: RegExp | null, template: string | undefined): string {
  if (value === '') return 'is empty';
  if (pattern !== null && !pattern.test(value)) return `does not match the pattern ${pattern.source}`;
  if (/^javascript:/i.test(value) && pattern === null) return 'is a javascript: call; give attachments a pattern and a template to turn it into a URL';
  return template === undefined ? 'is not an http(s) URL' : 'gives no http(s) URL through the template';
}

// A link without text is named after the last segment of its path ("/files/보도자료.hwp").
function nameFromUrl(url: string): string {
  const last = new URL(url).pathname.split('/').filter(Boolean).at(-1) ?? '';
  try {
    return decodeURIComponent(last) || url;
  } catch {
    return last || url;
  }
}
