// Builds real HWPX files (OWPML in a ZIP, written with fflate) for tests and the bench: the
// `mimetype` entry first and stored, as Hangul writes it, then the manifest and the sections.
import { strToU8, zipSync, type Zippable } from 'fflate';

/** A paragraph ('\t' becomes <hp:tab/>, '\n' <hp:lineBreak/>) or a table of one-paragraph cells. */
export type HwpxBlock = string | { readonly table: readonly (readonly string[])[] };

export interface HwpxOptions {
  readonly sections: readonly (readonly HwpxBlock[])[];
  /** The `mimetype` entry (default application/hwp+zip); null leaves it out. */
  readonly mimetype?: string | null;
  /** Mark the package encrypted in META-INF/manifest.xml, as Hangul does for a password. */
  readonly encrypted?: boolean;
  /** Extra entries, e.g. a damaged section. */
  readonly extra?: Readonly<Record<string, string>>;
}

const NS = {
  hp: 'http://www.hancom.co.kr/hwpml/2011/paragraph',
  hs: 'http://www.hancom.co.kr/hwpml/2011/section',
  hc: 'http://www.hancom.co.kr/hwpml/2011/core',
  opf: 'http://www.idpf.org/2007/opf/',
};

// buildHwpx returns the bytes of an HWPX document with the given sections.
export function buildHwpx(opts: HwpxOptions): Buffer {
  const files: Zippable = {};
  const mimetype = opts.mimetype === undefined ? 'application/hwp+zip' : opts.mimetype;
  if (mimetype !== null) files['mimetype'] = [strToU8(mimetype), { level: 0 }];
  files['version.xml'] = strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><hv:HCFVersion xmlns:hv="http://www.hancom.co.kr/hwpml/2011/version" major="5" minor="1" micro="0" buildNumber="1"/>');
  files['META-INF/container.xml'] = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><ocf:container xmlns:ocf="urn:oasis:names:tc:opendocument:xmlns:container"><ocf:rootfiles><ocf:rootfile full-path="Contents/content.hpf" media-type="application/hwpml-package+xml"/></ocf:rootfiles></ocf:container>',
  );
  const encryption = opts.encrypted === true ? '<odf:encryption-data><odf:algorithm odf:algorithm-name="http://www.w3.org/2001/04/xmlenc#aes256-cbc"/></odf:encryption-data>' : '';
  files['META-INF/manifest.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><odf:manifest xmlns:odf="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">${opts.sections
      .map((_, i) => `<odf:file-entry odf:full-path="Contents/section${i}.xml" odf:media-type="application/xml">${encryption}</odf:file-entry>`)
      .join('')}</odf:manifest>`,
  );
  files['Contents/content.hpf'] = strToU8(contentHpf(opts.sections.length));
  files['Contents/header.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><hh:head xmlns:hh="http://www.hancom.co.kr/hwpml/2011/head" version="1.4" secCnt="${opts.sections.length}"/>`);
  opts.sections.forEach((blocks, i) => {
    files[`Contents/section${i}.xml`] = strToU8(sectionXml(blocks));
  });
  for (const [path, text] of Object.entries(opts.extra ?? {})) files[path] = strToU8(text);
  return Buffer.from(zipSync(files));
}

// hwpxLines is what a correct reader returns, one non-empty paragraph per entry.
export function hwpxLines(sections: readonly (readonly HwpxBlock[])[]): string[] {
  return sections.flatMap((blocks) => blocks.flatMap((b) => (typeof b === 'string' ? b.split('\n') : b.table.flat())));
}

function contentHpf(count: number): string {
  const items = Array.from({ length: count }, (_, i) => `<opf:item id="section${i}" href="Contents/section${i}.xml" media-type="application/xml"/>`);
  const refs = Array.from({ length: count }, (_, i) => `<opf:itemref idref="section${i}" linear="yes"/>`);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><opf:package xmlns:opf="${NS.opf}" version="" unique-identifier="" id=""><opf:metadata><opf:title>보도자료</opf:title><opf:language>ko</opf:language></opf:metadata><opf:manifest><opf:item id="header" href="Contents/header.xml" media-type="application/xml"/>${items.join('')}</opf:manifest><opf:spine><opf:itemref idref="header" linear="yes"/>${refs.join('')}</opf:spine></opf:package>`;
}

function sectionXml(blocks: readonly HwpxBlock[]): string {
  let id = 0;
  const para = (inner: string) => `<hp:p id="${id++}" paraPrIDRef="0" styleIDRef="0" pageBreak="0" columnBreak="0" merged="0">${inner}<hp:linesegarray><hp:lineseg textpos="0" vertpos="0" vertsize="1000" textheight="1000" baseline="850" spacing="600" horzpos="0" horzsize="42520" flags="393216"/></hp:linesegarray></hp:p>`;
  const run = (text: string) => `<hp:run charPrIDRef="0"><hp:t>${inlineText(text)}</hp:t></hp:run>`;
  const body = blocks.map((block, i) => {
    const lead = i === 0 ? '<hp:run charPrIDRef="0"><hp:secPr id="" textDirection="HORIZONTAL" spaceColumns="1134" tabStop="8000"/><hp:ctrl><hp:colPr id="" type="NEWSPAPER" layout="LEFT" colCount="1" sameSz="1" sameGap="0"/></hp:ctrl></hp:run>' : '';
    if (typeof block === 'string') {
      // Hangul splits a paragraph into runs where the character shape changes.
      const cut = Math.floor(block.length / 2);
      return para(`${lead}${run(block.slice(0, cut))}${run(block.slice(cut))}`);
    }
    const rows = block.table
      .map((row, r) => `<hp:tr>${row.map((cell, c) => `<hp:tc name="" header="0" hasMargin="0" protect="0" editable="0" dirty="0" borderFillIDRef="3"><hp:subList id="" textDirection="HORIZONTAL" lineWrap="BREAK" vertAlign="CENTER">${para(run(cell))}</hp:subList><hp:cellAddr colAddr="${c}" rowAddr="${r}"/><hp:cellSpan colSpan="1" rowSpan="1"/></hp:tc>`).join('')}</hp:tr>`)
      .join('');
    return para(`${lead}<hp:run charPrIDRef="0"><hp:tbl id="1" rowCnt="${block.table.length}" colCnt="${block.table[0]?.length ?? 0}">${rows}</hp:tbl><hp:t/></hp:run>`);
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><hs:sec xmlns:hp="${NS.hp}" xmlns:hs="${NS.hs}" xmlns:hc="${NS.hc}">${body.join('')}</hs:sec>`;
}

function inlineText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\t/g, '<hp:tab width="4000" leader="0" type="1"/>')
    .replace(/\n/g, '<hp:lineBreak/>');
}
