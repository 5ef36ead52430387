// Reading the project's Markdown the way GitHub renders it: links, heading anchors and tables.
import fs from 'node:fs';
import path from 'node:path';
import GithubSlugger from 'github-slugger';
import MarkdownIt, { type Token } from 'markdown-it';

const md = new MarkdownIt({ html: true });

// Folders whose Markdown is not ours to keep linked: installed packages, build output, and
// fixtures copied from other projects (their READMEs link into trees we did not copy).
const SKIPPED = new Set(['node_modules', '.git', 'dist', 'storage', path.join('tests', 'fixtures')]);

export interface MarkdownLink {
  readonly href: string;
  readonly line: number;
}

// listMarkdownFiles returns every .md file under root, relative to it, outside the skipped folders.
export function listMarkdownFiles(root: string, under = ''): string[] {
  return fs.readdirSync(path.join(root, under), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(under, entry.name);
    if (entry.isDirectory()) return SKIPPED.has(relative) ? [] : listMarkdownFiles(root, relative);
    return entry.isFile() && entry.name.endsWith('.md') ? [relative] : [];
  });
}

// flatten walks block tokens and the inline tokens inside them, keeping each one's source line
// (a table cell has no line of its own: it takes its row's).
function flatten(tokens: Token[]): { token: Token; line: number }[] {
  let line = 1;
  return tokens.flatMap((token) => {
    line = token.map ? token.map[0] + 1 : line;
    return [{ token, line }, ...(token.children ?? []).map((child) => ({ token: child, line }))];
  });
}

// readLinks returns every link and image target in a Markdown text, with its 1-based line.
export function readLinks(markdown: string): MarkdownLink[] {
  return flatten(md.parse(markdown, {})).flatMap(({ token, line }) => {
    const href = token.type === 'link_open' ? token.attrGet('href') : token.type === 'image' ? token.attrGet('src') : null;
    return href === null ? [] : [{ href: String(href), line }];
  });
}

// readHeadingSlugs returns the anchors GitHub gives the headings of a Markdown text, in order:
// the heading's text (code spans included, markup dropped) through GitHub's own slug rules.
export function readHeadingSlugs(markdown: string): string[] {
  const slugger = new GithubSlugger();
  const tokens = md.parse(markdown, {});
  return tokens.flatMap((token, i) => {
    const inline = tokens[i + 1];
    if (token.type !== 'heading_open' || inline === undefined) return [];
    const text = (inline.children ?? []).map((child) => (child.type === 'text' || child.type === 'code_inline' ? child.content : '')).join('');
    return [slugger.slug(text)];
  });
}

// readTables returns each table of a Markdown text as rows of cell texts, header row first.
export function readTables(markdown: string): string[][][] {
  const tables: string[][][] = [];
  let row: string[] | null = null;
  for (const token of md.parse(markdown, {})) {
    if (token.type === 'table_open') tables.push([]);
    else if (token.type === 'tr_open') row = [];
    else if (token.type === 'tr_close' && row !== null) tables.at(-1)?.push(row);
    else if (token.type === 'inline' && row !== null) row.push(token.content.trim());
    if (token.type === 'tr_close') row = null;
  }
  return tables;
}

// findBrokenLinks checks every relative link of the given files (paths relative to root): the
// target must exist, and a #fragment must be a heading anchor of the target Markdown file.
export function findBrokenLinks(root: string, files: readonly string[]): string[] {
  const slugs = new Map<string, Set<string>>();
  const slugsOf = (file: string): Set<string> => {
    const known = slugs.get(file) ?? new Set(readHeadingSlugs(fs.readFileSync(file, 'utf8')));
    slugs.set(file, known);
    return known;
  };
  return files.flatMap((file) =>
    readLinks(fs.readFileSync(path.join(root, file), 'utf8')).flatMap(({ href, line }) => {
      if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(href)) return [];
      const problem = checkLink(root, file, href, slugsOf);
      return problem === null ? [] : [`${file}:${line}: link "${href}": ${problem}`];
    }),
  );
}

// decodePart undoes percent-encoding (Hangul anchors are often written encoded); undefined if malformed.
function decodePart(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}

// checkLink says what is wrong with one relative link, or null when it resolves.
function checkLink(root: string, file: string, href: string, slugsOf: (file: string) => Set<string>): string | null {
  const hash = href.indexOf('#');
  const target = decodePart(hash === -1 ? href : href.slice(0, hash));
  const fragment = hash === -1 ? null : decodePart(href.slice(hash + 1));
  if (target === undefined || fragment === undefined) return 'not valid percent-encoding';
  const resolved = target === '' ? path.join(root, file) : target.startsWith('/') ? path.join(root, target) : path.join(root, path.dirname(file), target);
  if (!fs.existsSync(resolved)) return `${path.relative(root, resolved)} does not exist; fix the path or add the file`;
  if (fragment === null) return null;
  if (!resolved.endsWith('.md')) return `#${fragment} points into ${path.relative(root, resolved)}, which is not Markdown`;
  const known = slugsOf(resolved);
  if (known.has(fragment)) return null;
  return `no heading with anchor #${fragment} in ${path.relative(root, resolved)}; its anchors are ${[...known].map((s) => `#${s}`).join(' ')}`;
}
