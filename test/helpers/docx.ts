/**
 * Reading a DOCX file as Word does, for the report tests: the parts (document, styles, core
 * properties) as small XML trees, and the checks a reader's Word would make – do the tables fit
 * the page, and what Word's Accessibility Checker would report (docs/council-report.md).
 */
import JSZip from 'jszip';
import sax from 'sax';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: Array<XmlElement | string>;
}

export function parseXml(xml: string): XmlElement {
  const parser = sax.parser(true, { trim: false, normalize: false });
  const top: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [top];
  parser.onopentag = (tag) => {
    const el: XmlElement = { name: tag.name, attrs: tag.attributes as Record<string, string>, children: [] };
    stack[stack.length - 1].children.push(el);
    stack.push(el);
  };
  parser.onclosetag = () => void stack.pop();
  parser.ontext = (t) => void stack[stack.length - 1].children.push(t);
  parser.write(xml).close();
  return top;
}

/** Every element named `name` below `el` (document order). */
export function all(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (typeof c === 'string') continue;
      if (c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

export function first(el: XmlElement, name: string): XmlElement | undefined {
  return all(el, name)[0];
}

export function childElements(el: XmlElement, name?: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== 'string' && (!name || c.name === name));
}

/** The text Word shows for an element: its `w:t` runs (and a tab for `w:tab`). */
export function textOf(el: XmlElement): string {
  return all(el, 'w:t')
    .map((t) => t.children.filter((c): c is string => typeof c === 'string').join(''))
    .join('');
}

export interface Docx {
  document: XmlElement;
  styles: XmlElement;
  core: XmlElement;
}

export async function readDocx(bytes: Uint8Array): Promise<Docx> {
  const zip = await JSZip.loadAsync(bytes);
  const part = async (path: string) => parseXml((await zip.file(path)?.async('string')) ?? '<missing/>');
  return { document: await part('word/document.xml'), styles: await part('word/styles.xml'), core: await part('docProps/core.xml') };
}

/** The body's width between the margins (twips) of the document's (last) section. */
export function textWidth(docx: Docx): number {
  const sect = all(docx.document, 'w:sectPr').at(-1)!;
  const size = first(sect, 'w:pgSz')!;
  const margin = first(sect, 'w:pgMar')!;
  return Number(size.attrs['w:w']) - Number(margin.attrs['w:left']) - Number(margin.attrs['w:right']);
}

/**
 * Why a table would not fit the page in Word: not fixed layout (Word would widen columns for long
 * words), grid columns wider than the text width together, a cell that forbids wrapping.
 */
export function tableWidthProblems(docx: Docx): string[] {
  const width = textWidth(docx);
  const problems: string[] = [];
  all(docx.document, 'w:tbl').forEach((tbl, i) => {
    const name = `table ${i + 1} (${textOf(first(tbl, 'w:tr')!).slice(0, 40)})`;
    const props = first(tbl, 'w:tblPr')!;
    if (first(props, 'w:tblLayout')?.attrs['w:type'] !== 'fixed') problems.push(`${name}: layout is not fixed`);
    const grid = all(tbl, 'w:gridCol').map((g) => Number(g.attrs['w:w']));
    const sum = grid.reduce((a, b) => a + b, 0);
    if (!grid.length || grid.some((w) => !(w > 0))) problems.push(`${name}: no column widths`);
    if (sum > width) problems.push(`${name}: columns ${sum} twips wide, text width ${width}`);
    const tblW = first(props, 'w:tblW');
    if (tblW && tblW.attrs['w:type'] === 'dxa' && Number(tblW.attrs['w:w']) > width) problems.push(`${name}: table width ${tblW.attrs['w:w']} > ${width}`);
    for (const tr of childElements(tbl, 'w:tr')) {
      const row = childElements(tr, 'w:tc').reduce((a, tc) => a + Number(first(tc, 'w:tcW')?.attrs['w:w'] ?? 0), 0);
      if (row > width) problems.push(`${name}: a row's cells are ${row} twips wide, text width ${width}`);
    }
    if (all(tbl, 'w:noWrap').length) problems.push(`${name}: a cell does not wrap`);
  });
  return problems;
}

/** Width of an average character of Calibri at `halfPoints` (about half an em), in twips. */
function charTwips(halfPoints: number): number {
  return halfPoints * 10 * 0.5;
}

/**
 * Ordinary words (shorter than `breakable(columns)`) that Word would have to break inside the word
 * because their cell is too narrow – "Sta|tus". Longer words (ids, compound names) may break.
 */
export function squeezedWords(docx: Docx, breakable: (columns: number) => number): string[] {
  const out: string[] = [];
  for (const tbl of all(docx.document, 'w:tbl')) {
    for (const tr of childElements(tbl, 'w:tr')) {
      const cells = childElements(tr, 'w:tc');
      for (const tc of cells) {
        const width = Number(first(tc, 'w:tcW')?.attrs['w:w'] ?? 0);
        const mar = first(tc, 'w:tcMar');
        const inner = width - Number(mar ? first(mar, 'w:left')?.attrs['w:w'] ?? 0 : 108) - Number(mar ? first(mar, 'w:right')?.attrs['w:w'] ?? 0 : 108);
        for (const run of all(tc, 'w:r')) {
          const size = Number(first(run, 'w:sz')?.attrs['w:val'] ?? 20);
          for (const word of textOf(run).split(/[ \t\n]+|(?<=-)/)) {
            if (word.length >= breakable(cells.length)) continue;
            if (word.length * charTwips(size) > inner) out.push(`"${word}" in a cell ${inner} twips wide`);
          }
        }
      }
    }
  }
  return out;
}

function styleOf(p: XmlElement): string | undefined {
  const pPr = childElements(p, 'w:pPr')[0];
  return pPr ? childElements(pPr, 'w:pStyle')[0]?.attrs['w:val'] : undefined;
}

/** Heading level of a paragraph with one of Word's built-in heading styles (Heading1 … Heading9). */
function headingLevel(p: XmlElement): number | undefined {
  const m = /^Heading([1-9])$/.exec(styleOf(p) ?? '');
  return m ? Number(m[1]) : undefined;
}

/** The paragraphs and tables of the body, in order (paragraphs inside a table of contents included). */
function bodyBlocks(docx: Docx): XmlElement[] {
  const body = first(docx.document, 'w:body')!;
  const out: XmlElement[] = [];
  const walk = (el: XmlElement) => {
    for (const c of childElements(el)) {
      if (c.name === 'w:p' || c.name === 'w:tbl') out.push(c);
      else if (c.name === 'w:sdt' || c.name === 'w:sdtContent') walk(c);
    }
  };
  walk(body);
  return out;
}

/**
 * What Word's Accessibility Checker (and the German BITV 2.0 / EN 301 549 rules it implements for
 * documents) would report: document title and language, headings with built-in heading styles and
 * no skipped levels, real alternative texts for images, repeated header rows in tables, no empty
 * paragraphs for spacing, hyperlinks with text. An empty list means none of them.
 */
export function accessibilityProblems(docx: Docx): string[] {
  const problems: string[] = [];
  const title = first(docx.core, 'dc:title');
  if (!title || !textContent(title).trim()) problems.push('no document title (File > Info > Title)');
  const lang = first(first(docx.styles, 'w:docDefaults') ?? docx.styles, 'w:lang')?.attrs['w:val'];
  if (!lang || !/^[a-z]{2}-[A-Z]{2}$/.test(lang)) problems.push(`no document language (w:docDefaults w:lang = ${lang})`);

  let previous = 0;
  let headings = 0;
  let lastText = '';
  for (const block of bodyBlocks(docx)) {
    if (block.name !== 'w:p') continue;
    const level = headingLevel(block);
    if (level !== undefined) {
      headings++;
      if (!textOf(block).trim()) problems.push('an empty heading');
      if (level > previous + 1) problems.push(`heading level skipped: ${previous} → ${level} at "${textOf(block).slice(0, 50)}"`);
      previous = level;
      lastText = textOf(block);
      continue;
    }
    const hasContent = textOf(block).trim() !== '' || all(block, 'w:drawing').length > 0 || all(block, 'w:fldChar').length > 0 || all(block, 'w:sectPr').length > 0;
    if (!hasContent) problems.push(`an empty paragraph (spacing done with blank lines) after "${lastText.slice(0, 50)}"`);
    else lastText = textOf(block);
  }
  if (!headings) problems.push('no headings');

  for (const pr of all(docx.document, 'wp:docPr')) {
    const alt = (pr.attrs.descr ?? pr.attrs.title ?? '').trim();
    if (!alt) problems.push(`image ${pr.attrs.name} without alternative text`);
    else if (/^(gantt|graph|flowchart|timeline|%%)/m.test(alt) || /\.(png|jpe?g|svg)$/i.test(alt)) problems.push(`image ${pr.attrs.name}: the alternative text is not a description ("${alt.slice(0, 40)}")`);
  }
  all(docx.document, 'w:tbl').forEach((tbl, i) => {
    const firstRow = childElements(tbl, 'w:tr')[0];
    const header = firstRow && first(firstRow, 'w:tblHeader');
    if (all(tbl, 'w:gridSpan').length || all(tbl, 'w:vMerge').length) problems.push(`table ${i + 1}: merged cells`);
    if (!header || header.attrs['w:val'] === 'off' || header.attrs['w:val'] === 'false' || header.attrs['w:val'] === '0') problems.push(`table ${i + 1}: the header row does not repeat (Repeat as header row)`);
  });
  for (const link of all(docx.document, 'w:hyperlink')) if (!textOf(link).trim()) problems.push(`a hyperlink without text (${link.attrs['w:anchor'] ?? link.attrs['r:id']})`);
  return problems;
}

function textContent(el: XmlElement): string {
  return el.children.map((c) => (typeof c === 'string' ? c : textContent(c))).join('');
}

export interface TocEntry {
  level: number;
  text: string;
  anchor: string;
}

/**
 * The table of contents as a reader sees it before any field is updated: the entries written in
 * the TOC field's result, each a link to a bookmark. Problems: no TOC field, an entry whose link
 * goes nowhere, a heading (of the TOC's levels) without an entry.
 */
export function tableOfContents(docx: Docx): { entries: TocEntry[]; instruction: string; problems: string[] } {
  const problems: string[] = [];
  const instr = all(docx.document, 'w:instrText').map((i) => textContent(i)).find((t) => /^\s*TOC\b/.test(t)) ?? '';
  if (!instr) problems.push('no TOC field');
  const range = /\\o\s+"(\d)-(\d)"/.exec(instr);
  const [lo, hi] = range ? [Number(range[1]), Number(range[2])] : [1, 3];
  const entries: TocEntry[] = [];
  for (const p of all(docx.document, 'w:p')) {
    const m = /^TOC([1-9])$/.exec(styleOf(p) ?? '');
    if (!m) continue;
    const link = first(p, 'w:hyperlink');
    entries.push({ level: Number(m[1]), text: textOf(link ?? p), anchor: link?.attrs['w:anchor'] ?? '' });
  }
  const bookmarks = new Map<string, XmlElement>();
  for (const p of all(docx.document, 'w:p')) for (const b of all(p, 'w:bookmarkStart')) bookmarks.set(b.attrs['w:name'], p);
  for (const e of entries) {
    const target = bookmarks.get(e.anchor);
    if (!target) problems.push(`entry "${e.text}" links to no bookmark (${e.anchor || 'no link'})`);
    else if (textOf(target) !== e.text) problems.push(`entry "${e.text}" links to "${textOf(target)}"`);
  }
  const headings = bodyBlocks(docx).filter((b) => b.name === 'w:p' && (headingLevel(b) ?? 0) >= lo && (headingLevel(b) ?? 99) <= hi);
  const listed = new Set(entries.map((e) => e.text));
  for (const h of headings) if (!listed.has(textOf(h))) problems.push(`heading "${textOf(h)}" is not in the table of contents`);
  return { entries, instruction: instr, problems };
}
