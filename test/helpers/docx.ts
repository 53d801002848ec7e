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
