// The article body of an item's own page: by the source's CSS selectors when it names them, else by
// Mozilla Readability on linkedom (a DOM without a browser). Either way the Korean boilerplate
// rules run after, then the content sanitiser shared with feed items.
import { Readability } from '@mozilla/readability';
import { load, type CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { parseHTML } from 'linkedom';
import type { ArticleResult, ArticleRules } from '../model.js';
import { sanitizeContent } from '../shared/content-html.js';
import { htmlWords } from '../shared/html-words.js';
import { resolveUrl } from '../shared/urls.js';
import { cleanBoilerplate } from './korean-boilerplate.js';

// extractArticle returns the body of a decoded detail page as sanitised HTML and plain text.
export function extractArticle(html: string, pageUrl: string, rules: ArticleRules | null = null): ArticleResult {
  const page = load(html);
  const base = pageBase(page, pageUrl);
  const title = pageTitle(page);
  const picked = rules?.content ? pickBySelector(page, rules, pageUrl) : pickByReadability(html, pageUrl);
  if ('error' in picked) return { ok: false, error: picked.error };
  cleanBoilerplate(picked.$, picked.root, picked.title ?? title);
  const clean = sanitizeContent(picked.$(picked.root).html() ?? '', base);
  const text = clean === null ? '' : htmlWords(clean).replace(/\s+/g, ' ').trim();
  if (clean === null || text === '') {
    const message = `detail: ${pageUrl}: the article body is empty once boilerplate is removed${picked.method === 'automatic' ? '; set detail.content to the body’s CSS selector' : ''}`;
    return { ok: false, error: { kind: 'no-content', message } };
  }
  return { ok: true, html: clean, text, textLength: [...text].length, method: picked.method };
}

interface Picked {
  readonly $: CheerioAPI;
  readonly root: Element;
  readonly title: string | null;
  readonly method: 'selector' | 'automatic';
}

type Pick = Picked | { readonly error: Extract<ArticleResult, { ok: false }>['error'] };

// pickBySelector takes the first element `content` matches, without the `remove` matches inside it.
function pickBySelector($: CheerioAPI, rules: ArticleRules, pageUrl: string): Pick {
  const content = rules.content ?? '';
  const root = trySelect(() => $(content).toArray().find((n): n is Element => 'tagName' in n));
  if (root instanceof Error) return badRule('content', content, root);
  if (root === undefined) {
    return { error: { kind: 'no-content', message: `detail: ${pageUrl}: the content selector "${content}" matches nothing on the page` } };
  }
  for (const selector of rules.remove) {
    const removed = trySelect(() => $(root).find(selector).remove());
    if (removed instanceof Error) return badRule('remove', selector, removed);
  }
  return { $, root, title: null, method: 'selector' };
}

function pickByReadability(html: string, pageUrl: string): Pick {
  const notFound = (why: string): Pick => ({
    error: { kind: 'no-content', message: `detail: ${pageUrl}: no article body found automatically${why}; set detail.content to the body’s CSS selector` },
  });
  const article = trySelect(() => new Readability(parseHTML(html).document).parse());
  if (article instanceof Error) return notFound(` (Readability: ${article.message})`);
  if (article === null || !article.content) return notFound('');
  const $ = load(article.content, null, false);
  const root = $.root().children().get(0);
  return root === undefined ? notFound('') : { $, root, title: article.title ?? null, method: 'automatic' };
}

function trySelect<T>(select: () => T): T | Error {
  try {
    return select();
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

function badRule(key: string, selector: string, error: Error): Pick {
  return { error: { kind: 'bad-rule', message: `detail: ${key} selector "${selector}" is not valid CSS (${error.message}); fix it in sources.yaml` } };
}

// A page's <base href> (itself relative to the page) decides what its relative links mean.
function pageBase($: CheerioAPI, pageUrl: string): string {
  const href = $('base[href]').first().attr('href');
  return (href === undefined ? null : resolveUrl(href, pageUrl)) ?? pageUrl;
}

// The page's own headline, to drop its repetition above the body: og:title, else <title>.
function pageTitle($: CheerioAPI): string | null {
  const title = $('meta[property="og:title"]').attr('content') ?? $('title').first().text();
  return title.trim() === '' ? null : title.trim();
}
