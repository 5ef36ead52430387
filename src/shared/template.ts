// The `template` of a page-source field and of `detail.attachments`: one syntax for both, as
// sources.yaml documents it, so `javascript:fn_view('123')` becomes an address the same way.

// fillTemplate puts a pattern's groups into a template: {1}…{9} by number, {name} by a named
// group; a {word} that names no group is left as written.
export function fillTemplate(template: string, match: RegExpExecArray): string {
  return template.replace(/\{(\d|[A-Za-z_]\w*)\}/g, (whole, ref: string) => {
    if (/^\d$/.test(ref)) return match[Number(ref)] ?? '';
    return match.groups !== undefined && ref in match.groups ? (match.groups[ref] ?? '') : whole;
  });
}
